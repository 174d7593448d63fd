import {readFile, rm, writeFile, mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeCorpus} from '../../bench/corpus.js'
import {createRebuilder} from '../../src/deliver/rebuild.js'
import {briefingJson, compileArticles, loadInputs} from '../../src/pipeline.js'

/** A build from scratch, as `digest build` makes it: no cache, no previous cut. */
async function freshBuild(cwd: string) {
  const {config, read, templates} = await loadInputs({cwd, cache: false, workers: 0})
  const built = await compileArticles(read.articles, [...read.messages, ...(templates.messages ?? [])], config, templates, undefined, {read, check: false})
  return {html: built.html, text: built.text, data: briefingJson(built)}
}

describe('preview over many articles', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'digest-preview-many-'))
    // 120 articles of real news text (tests/fixtures/wikinews), no two alike; the window keeps 50.
    await makeCorpus(path.join(dir, 'content'), 120, {days: 7})
    await writeFile(path.join(dir, 'digest.config.yaml'), 'title: Many articles\nwindow: all\ntimezone: UTC\nlang: en\n')
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('parses only the window, re-analyses only the saved article, and shows what a fresh build shows', async () => {
    const rebuilder = createRebuilder({cwd: dir, workers: 0})
    const first = structuredClone(await rebuilder.build())
    expect(first.errors).toEqual([])
    // Window first: the 70 articles it leaves out are dated, never parsed.
    expect(first.analyzed).toHaveLength(50)
    // Over the budget, so the next fit starts from this cut.
    expect(first.output?.dropped.length).toBeGreaterThan(0)

    const data = JSON.parse(first.output!.data) as {articles: {id: string; title: string}[]}
    const target = data.articles.find((article) => first.output!.html.includes(article.title))!
    const file = path.join('content', `${target.id}.md`)
    const text = await readFile(path.join(dir, file), 'utf8')
    await writeFile(path.join(dir, file), text.replace(/^title: .*$/m, 'title: "Edited in the preview"'))
    rebuilder.invalidate([path.join(dir, file)])
    const second = await rebuilder.build()
    expect(second.errors).toEqual([])
    expect(second.analyzed).toEqual([file])
    expect(second.compiled).toBe(true)
    expect(second.output?.html).toContain('Edited in the preview')

    const fresh = await freshBuild(dir)
    expect(second.output?.html).toBe(fresh.html)
    expect(second.output?.text).toBe(fresh.text)
    expect(second.output?.data).toBe(fresh.data)

    // A preview started again reads every article from `.digest-cache/`: nothing is parsed.
    const again = await createRebuilder({cwd: dir, workers: 0}).build()
    expect(again.analyzed).toEqual([])
    expect(again.output?.html).toBe(fresh.html)
  }, 120_000)
})
