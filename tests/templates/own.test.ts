import {cp, mkdtemp, readFile, rename, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {initFolder} from '../../src/commands/init.js'
import {build} from '../../src/pipeline.js'
import {loadTemplates} from '../../src/render/templates.js'

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'digest-own-'))
  await initFolder(folder, {templates: true, today: '2024-05-06'})
})

describe('templates people own', () => {
  it('reports an override that replaces nothing, with the names it may have meant', async () => {
    await rename(path.join(folder, 'templates/partials/quote.hbs'), path.join(folder, 'templates/partials/qoute.hbs'))
    await writeFile(path.join(folder, 'templates/header.hbs'), '<mj-text>x</mj-text>')
    const templates = await loadTemplates(path.join(folder, 'templates'))
    const reasons = (templates.messages ?? []).map((message) => message.reason)
    expect(reasons).toContainEqual(expect.stringMatching(/`partials\/qoute\.hbs`.*did you mean `partials\/quote\.hbs`\?$/))
    expect(reasons).toContainEqual(expect.stringMatching(/`header\.hbs`.*did you mean `partials\/header\.hbs`\?$/))
    const written = await build({cwd: folder})
    expect(written.messages).toContainEqual(expect.objectContaining({severity: 'warning', ruleId: 'template-name', file: expect.stringMatching(/qoute\.hbs$/)}))
  })

  it('keeps quiet about a new partial a template calls', async () => {
    await writeFile(path.join(folder, 'templates/partials/note.hbs'), '<mj-text>A note of our own</mj-text>')
    const footer = path.join(folder, 'templates/partials/footer.hbs')
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('<mj-column>', '<mj-column>\n    {{> note}}'))
    expect((await loadTemplates(path.join(folder, 'templates'))).messages).toEqual([])
    expect((await build({cwd: folder})).html).toContain('A note of our own')
  })

  it('uses helpers from the module the config names, and reports a missing one at the line that calls it', async () => {
    const header = path.join(folder, 'templates/partials/header.hbs')
    const text = await readFile(header, 'utf8')
    await writeFile(header, text.replace('{{title}}</h1>', '{{shout title}}</h1>'))
    const line = text.split('\n').findIndex((entry) => entry.includes('{{title}}</h1>')) + 1
    await expect(build({cwd: folder})).rejects.toMatchObject({message: expect.stringMatching(/^Unexpected missing helper `shout`/), place: {file: expect.stringMatching(/partials\/header\.hbs$/), line}})

    await writeFile(path.join(folder, 'templates/helpers.mjs'), 'export function shout(text) { return String(text).toUpperCase() + "!" }\n')
    await writeFile(path.join(folder, 'digest.config.yaml'), `${await readFile(path.join(folder, 'digest.config.yaml'), 'utf8')}\nhelpers: templates/helpers.mjs\n`)
    expect((await build({cwd: folder})).html).toContain('WEEKLY BRIEFING!')
  })

  it('loads no helpers module unless the config names one', async () => {
    // A module that throws on import: loading it would fail the build.
    await writeFile(path.join(folder, 'templates/helpers.mjs'), 'throw new Error("imported")\n')
    await expect(build({cwd: folder})).resolves.toBeDefined()
  })
})

describe('digest init', () => {
  it('writes the folder once and never overwrites a file', async () => {
    const config = path.join(folder, 'digest.config.yaml')
    expect(await readFile(config, 'utf8')).toMatch(/^templates: templates$/m)
    await writeFile(config, 'title: Mine\n')
    const again = await initFolder(folder, {templates: true, today: '2024-05-07'})
    expect(again.written).toEqual([])
    expect(again.kept).toEqual(expect.arrayContaining(['digest.config.yaml', '.gitignore', 'content/', 'package.json', 'templates/layout.mjml.hbs']))
    expect(await readFile(config, 'utf8')).toBe('title: Mine\n')
  })

  it('makes a folder that builds from anywhere, its paths relative to its config', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'digest-cwd-'))
    await cp(path.join(folder, 'digest.config.yaml'), path.join(elsewhere, 'unused.yaml'))
    const written = await build({cwd: elsewhere, config: path.join(folder, 'digest.config.yaml')})
    expect(written.dir).toBe(path.join(folder, 'out', '2024-W19'))
    expect(await readFile(path.join(folder, '.gitignore'), 'utf8')).toMatch(/^out\/$/m)
  })

  it('says how to start when the content folder is missing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'digest-empty-'))
    await expect(build({cwd: empty})).rejects.toMatchObject({message: 'Unexpected missing folder `content/`, expected a folder of articles (or run `digest init`)'})
  })
})
