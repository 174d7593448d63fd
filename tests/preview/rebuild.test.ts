import {readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createRebuilder} from '../../src/deliver/rebuild.js'
import {findingsOf} from '../../src/pipeline.js'
import {loadTemplates} from '../../src/render/templates.js'
import {copySample, editedArticle} from './sample.js'

describe('createRebuilder', () => {
  let dir: string
  beforeEach(async () => {
    dir = await copySample()
  })
  afterEach(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  async function edit(file: string, change: (text: string) => string) {
    const absolute = path.join(dir, file)
    await writeFile(absolute, change(await readFile(absolute, 'utf8')))
    return absolute
  }

  it('re-extracts only the edited article and keeps the others from the cache', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    const first = structuredClone(await rebuilder.build())
    expect(first.errors).toEqual([])
    expect(first.analyzed).toHaveLength(5)
    expect(first.output?.html).toContain('Hostage negotiations remain at a standstill')

    rebuilder.invalidate([await edit(editedArticle, (text) => text.replace("title: 'Hostage negotiations remain at a standstill'", "title: 'Talks stall again'"))])
    const second = await rebuilder.build()
    expect(second.analyzed).toEqual([editedArticle])
    expect(second.changed).toEqual([editedArticle])
    expect(second.version).toBe(first.version + 1)
    expect(second.output?.html).toContain('Talks stall again')
    expect(second.output?.html).not.toContain('Hostage negotiations remain at a standstill')
  })

  it('shows a front matter error with its place over the last good output, and clears it when fixed', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    const good = (await rebuilder.build()).output
    rebuilder.invalidate([await edit(editedArticle, (text) => text.replace('date: 2025-06-01', 'date: 2025-13-01'))])
    const broken = structuredClone(await rebuilder.build())
    expect(broken.errors).toEqual([{file: editedArticle, line: 3, column: 7, message: expect.stringMatching(/^Unexpected `date` value/)}])
    // The edit broke the article: the render on show is still the one with it.
    expect(broken.stale).toBe(true)
    expect(broken.output).toEqual(good)

    rebuilder.invalidate([await edit(editedArticle, (text) => text.replace('date: 2025-13-01', 'date: 2025-06-01'))])
    const fixed = await rebuilder.build()
    expect(fixed.errors).toEqual([])
    expect(fixed.stale).toBe(false)
    expect(fixed.output?.html).toBe(good?.html)
  })

  it('builds without an article that was broken from the start, and says so', async () => {
    await edit(editedArticle, (text) => text.replace('date: 2025-06-01', 'date: 2025-13-01'))
    const rebuilder = createRebuilder({cwd: dir})
    const first = await rebuilder.build()
    expect(first.errors).toEqual([{file: editedArticle, line: 3, column: 7, message: expect.stringMatching(/^Unexpected `date` value/)}])
    expect(first.stale).toBe(false)
    expect(first.output?.articles).toBe(4)

    // Other edits still show while the draft stays broken.
    const other = 'content/2023-11-23-how-the-first-hostage-deal-came-together.md'
    rebuilder.invalidate([await edit(other, (text) => text.replace("title: 'How the first hostage deal came together'", "title: 'The first deal'"))])
    const second = await rebuilder.build()
    expect(second.stale).toBe(false)
    expect(second.errors).toHaveLength(1)
    expect(second.output?.html).toContain('The first deal')
  })

  it('keeps a broken config on show until the config itself is fixed', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    const good = (await rebuilder.build()).output
    const config = await edit('digest.config.yaml', (text) => text.replace('window: all', 'window: fortnight'))
    rebuilder.invalidate([config])
    const broken = await rebuilder.build()
    expect(broken.errors).toHaveLength(1)
    expect(broken.errors[0]).toMatchObject({file: 'digest.config.yaml', line: 4, column: 9})
    expect(broken.output).toBe(good)

    // Editing an article must not build with the old config and hide the error.
    rebuilder.invalidate([await edit(editedArticle, (text) => text.replace("title: 'Hostage negotiations remain at a standstill'", "title: 'Talks stall again'"))])
    expect((await rebuilder.build()).errors[0]).toMatchObject({file: 'digest.config.yaml'})

    rebuilder.invalidate([await edit('digest.config.yaml', (text) => text.replace('window: fortnight', 'window: all'))])
    const fixed = await rebuilder.build()
    expect(fixed.errors).toEqual([])
    expect(fixed.output?.html).toContain('Talks stall again')
  })

  it('does not count a save that changes nothing as a new build', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    const {version} = await rebuilder.build()
    rebuilder.invalidate([await edit(editedArticle, (text) => text)])
    expect((await rebuilder.build()).version).toBe(version)
  })

  it('rebuilds without an article that was deleted', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    expect((await rebuilder.build()).output?.articles).toBe(5)
    await rm(path.join(dir, editedArticle))
    rebuilder.invalidate([path.join(dir, editedArticle)])
    const state = await rebuilder.build()
    expect(state.analyzed).toEqual([])
    expect(state.output?.articles).toBe(4)
  })

  it('takes in a new article, and leaves out a README note', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    await rebuilder.build()
    const added = path.join(dir, 'content', '2025-06-02-new.md')
    await writeFile(added, "---\ntitle: 'Freshly filed'\n---\n\nTalks resumed on Monday, officials said.\n")
    rebuilder.invalidate([added, path.join(dir, 'content', 'README.md')])
    const state = await rebuilder.build()
    expect(state.analyzed).toEqual(['content/2025-06-02-new.md'])
    expect(state.output?.articles).toBe(6)
    expect(state.output?.html).toContain('Freshly filed')
  })

  it('checks the email once it is built, as `digest build` does', async () => {
    const rebuilder = createRebuilder({cwd: dir})
    const built = await rebuilder.build()
    expect(built.checking).toBe(true)
    expect(built.output?.findings).toEqual([])
    await rebuilder.check()
    expect(rebuilder.state.checking).toBe(false)
    expect(rebuilder.state.output?.findings).toEqual(await findingsOf(built.output!, await loadTemplates(undefined)))
    expect(rebuilder.state.output?.findings.length).toBeGreaterThan(0)
  })

  it('renders again only when an article of the window changed', async () => {
    // The window keeps the two newest articles: edits to the others cannot change the briefing.
    await edit('digest.config.yaml', (text) => text.replace('articles: 50', 'articles: 2'))
    const rebuilder = createRebuilder({cwd: dir})
    const first = await rebuilder.build()
    expect(first.compiled).toBe(true)
    const html = first.output?.html

    const outside = 'content/2023-11-23-how-the-first-hostage-deal-came-together.md'
    rebuilder.invalidate([await edit(outside, (text) => text.replace("title: 'How the first hostage deal came together'", "title: 'The first deal'"))])
    const second = structuredClone(await rebuilder.build())
    // Read for its date only: the window does not keep it, so it is not parsed either.
    expect(second.analyzed).toEqual([])
    expect(second.changed).toEqual([outside])
    expect(second.compiled).toBe(false)
    expect(second.output?.html).toBe(html)

    // Dated into the window, the same article displaces the older of the two.
    rebuilder.invalidate([await edit(outside, (text) => text.replace('date: 2023-11-23', 'date: 2025-06-02'))])
    const third = await rebuilder.build()
    expect(third.analyzed).toEqual([outside])
    expect(third.compiled).toBe(true)
    expect(third.output?.html).toContain('The first deal')
    expect(third.output?.articles).toBe(2)
  })

  it('takes the window it is given over the config\'s', async () => {
    const rebuilder = createRebuilder({cwd: dir, window: {kind: 'range', since: '2023-11-01', until: '2023-12-31'}})
    const state = await rebuilder.build()
    expect(state.errors).toEqual([])
    expect(state.output?.articles).toBe(2)
    // The briefing is named after the window; its period is the span of the articles it shows.
    expect(JSON.parse(state.output!.data)).toMatchObject({id: '2023-11-01_2023-12-31', period: {start: '2023-11-23', end: '2023-12-12'}})
  })

  it('reads the content folder the config names, and follows the config when it moves it', async () => {
    await rename(path.join(dir, 'content'), path.join(dir, 'articles'))
    const config = await edit('digest.config.yaml', (text) => `content: articles\n${text}`)
    const rebuilder = createRebuilder({cwd: dir})
    const first = structuredClone(await rebuilder.build())
    expect(first.errors).toEqual([])
    expect(first.output?.articles).toBe(5)
    expect(first.folders.content).toBe(path.join(dir, 'articles'))

    await rename(path.join(dir, 'articles'), path.join(dir, 'content'))
    await edit('digest.config.yaml', (text) => text.replace('content: articles\n', ''))
    rebuilder.invalidate([config])
    const second = await rebuilder.build()
    expect(second.errors).toEqual([])
    expect(second.folders.content).toBe(path.join(dir, 'content'))
    expect(second.output?.articles).toBe(5)
  })

  it('reports a template error instead of throwing', async () => {
    const templates = path.join(dir, 'templates')
    const rebuilder = createRebuilder({cwd: dir, templates})
    await import('node:fs/promises').then(({mkdir}) => mkdir(path.join(templates, 'partials'), {recursive: true}))
    await writeFile(path.join(templates, 'partials', 'header.hbs'), '<mj-section>{{#if briefing}}</mj-section>\n')
    const state = await rebuilder.build()
    expect(state.output).toBeUndefined()
    expect(state.errors).toHaveLength(1)
    expect(state.errors[0]?.message).toMatch(/\S/)
  })
})
