import {spawn} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {briefingJson, build, compileArticles, loadInputs, type BuildOptions} from '../../src/pipeline.js'
import {digestBin} from '../cli/run.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {loadArticles} from '../../src/load/files.js'

const root = path.resolve(import.meta.dirname, '../..')
// Wikinews articles, CC BY 2.5 (see tests/fixtures/wikinews/LICENSE.md).
const wikinews = path.join(root, 'tests/fixtures/wikinews/content')

/** The first 16 Wikinews articles: enough for several batches per worker, few enough to build fast. */
const names = (await readdir(wikinews)).filter((name) => name.endsWith('.md')).sort().slice(0, 16)

/** A project folder of its own (content, config; the cache lands beside its out/). */
async function project() {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-scale-'))
  await mkdir(path.join(dir, 'content'))
  for (const name of names) await cp(path.join(wikinews, name), path.join(dir, 'content', name))
  await writeFile(path.join(dir, 'digest.config.yaml'), 'title: Scale test\nwindow: all\nlimits:\n  articles: 1000\n')
  return dir
}

async function digestJson(dir: string, options: BuildOptions) {
  const written = await build({cwd: dir, config: 'digest.config.yaml', ...options})
  return {json: await readFile(written.files.data, 'utf8'), text: await readFile(written.files.text, 'utf8'), written}
}

async function cacheEntries(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, '.digest-cache'), {recursive: true}).catch(() => [] as string[])
  return entries.filter((name) => name.endsWith('.json') && !name.startsWith('results')).map((name) => path.join(dir, '.digest-cache', name)).sort()
}

describe('worker pool and cache', () => {
  it('a build in workers, a first cached build and a warm one give the plain build’s digest.json', {timeout: 300_000}, async () => {
    const dir = await project()
    const plain = await digestJson(dir, {workers: 0, cache: false})
    expect(await cacheEntries(dir)).toEqual([])
    const inWorkers = await digestJson(dir, {workers: 2, cache: false})
    const firstCached = await digestJson(dir, {workers: 0})
    const entries = await cacheEntries(dir)
    expect(entries.length).toBe(names.length)
    const warm = await digestJson(dir, {workers: 0})
    for (const other of [inWorkers, firstCached, warm]) {
      expect(other.json).toBe(plain.json)
      expect(other.text).toBe(plain.text)
    }
    expect(JSON.parse(plain.json).articles.length).toBe(names.length)
    // The warm build took the whole result from the cache: it is the only one there, and out/
    // already held its files (the same files, not copies), so it rewrote only the message.
    expect(await readdir(path.join(dir, '.digest-cache', 'results'))).toHaveLength(1)
    expect((await stat(warm.written.files.data)).ino).toBe((await stat(firstCached.written.files.data)).ino)
    expect(warm.written.briefing).toEqual(JSON.parse(firstCached.json.replace(/,\n {2}"explain": \[[^]*$/, '\n}')))
    expect(warm.written.selection).toEqual(JSON.parse(JSON.stringify(firstCached.written.selection)))
    expect(warm.written.webHtml).toBe(firstCached.written.webHtml)
    // With out/ gone, the stored result writes it again.
    await rm(path.join(dir, 'out'), {recursive: true})
    expect((await digestJson(dir, {workers: 0})).json).toBe(plain.json)
    // And it read no article: with every entry's body gone (its date line kept), the result is the same.
    for (const entry of entries) await writeFile(entry, (await readFile(entry, 'utf8')).split('\n').slice(0, 2).join('\n'))
    expect((await digestJson(dir, {workers: 0})).json).toBe(plain.json)

    // The briefing stages over articles as `digest extract` gives them (their paragraphs, nothing
    // prepared), where a build's workers send what they prepared instead of the paragraphs.
    const {read, config, templates, settings} = await loadInputs({cwd: dir, config: 'digest.config.yaml', workers: 0, cache: false})
    expect(read.articles.every((article) => article.prepared && article.paragraphs.length === 0)).toBe(true)
    const files = await loadArticles([path.join(dir, 'content')], dir)
    const bare = analyzeArticles(files)
    expect(bare.every((article) => !article.prepared && article.paragraphs.length > 0)).toBe(true)
    const unprepared = await compileArticles(bare, [...read.messages, ...(templates.messages ?? [])], config, templates, settings.window, {read})
    expect(briefingJson(unprepared)).toBe(plain.json)
  })

  it('after an edit, a warm build gives what a plain build of the edited files gives', {timeout: 300_000}, async () => {
    const dir = await project()
    await digestJson(dir, {workers: 0})
    const [first] = (await readdir(path.join(dir, 'content'))).sort()
    await writeFile(path.join(dir, 'content', first!), `${await readFile(path.join(dir, 'content', first!), 'utf8')}\n"We will rebuild the bridge by spring," the mayor, Anna Berg, said on Tuesday.\n`)
    const warm = await digestJson(dir, {workers: 0})
    const plain = await digestJson(dir, {workers: 0, cache: false})
    expect(warm.json).toBe(plain.json)
    expect(warm.text).toBe(plain.text)
    // A stored result that is damaged is rebuilt, never used: here its page was edited in place,
    // through the out/ file it shares (a hard link).
    const [stored] = await readdir(path.join(dir, '.digest-cache', 'results'))
    const file = path.join(dir, '.digest-cache', 'results', stored!, 'index.html')
    const page = await readFile(file, 'utf8')
    await writeFile(file, page.replace('<', 'X'))
    const rebuilt = await digestJson(dir, {workers: 0})
    expect(rebuilt.json).toBe(plain.json)
    expect(await readFile(rebuilt.written.files.html, 'utf8')).toBe(page)
    expect(await readFile(path.join(dir, '.digest-cache', 'results', stored!, 'index.html'), 'utf8')).toBe(page)
  })

  it('ignores cache entries that are corrupt, foreign or tampered with, and rewrites them', async () => {
    const dir = await project()
    const plain = await digestJson(dir, {workers: 0, cache: false})
    await digestJson(dir, {workers: 0})
    const [truncated, foreign, tampered, wrongShape] = await cacheEntries(dir)
    const original = await readFile(tampered!, 'utf8')
    await writeFile(truncated!, (await readFile(truncated!, 'utf8')).slice(0, 200))
    await writeFile(foreign!, (await readFile(foreign!, 'utf8')).replace(/^digest-article-cache\/3 [0-9a-f]+/, 'digest-article-cache/3 0123456789abcdef'))
    // Same length, one quote's words changed: only the checksum can tell.
    await writeFile(tampered!, original.replace(/"text":"[^"]{4}/, '"text":"XXXX'))
    expect(await readFile(tampered!, 'utf8')).not.toBe(original)
    // A body of the wrong shape with a checksum that matches it.
    const {createHash} = await import('node:crypto')
    const [header, dated] = (await readFile(wrongShape!, 'utf8')).split('\n')
    const body = JSON.stringify({article: {title: 3}, messages: 'none'})
    const sum = (text: string) => createHash('sha256').update(text).digest('hex')
    await writeFile(wrongShape!, `${header!.split(' ').slice(0, 3).join(' ')} ${sum(dated!)} ${sum(body)}\n${dated}\n${body}`)

    // Without the stored result (which would spare reading any entry), each entry is read and checked.
    await rm(path.join(dir, '.digest-cache', 'results'), {recursive: true})
    const rebuilt = await digestJson(dir, {workers: 0})
    expect(rebuilt.json).toBe(plain.json)
    expect(await readFile(tampered!, 'utf8')).toBe(original)
  }, 120_000)

  it('parses only the articles of the window, and lists the others as omitted', async () => {
    const dir = await project()
    const {written} = await digestJson(dir, {workers: 0, window: {kind: 'week', week: '2020-W01'}})
    const kept = written.briefing.articles.length
    expect(kept).toBeGreaterThan(0)
    expect((await cacheEntries(dir)).length).toBe(kept)
    expect(written.omitted.filter((entry) => entry.why === 'outside the window')).toHaveLength(names.length - kept)
    expect(written.omitted[0]).toMatchObject({id: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), title: expect.any(String)})
  }, 120_000)

  it('keeps over limits.articles out before parsing, newest first, and says so', async () => {
    const dir = await project()
    const capped = await build({cwd: dir, config: 'digest.config.yaml', workers: 0, overrides: {limits: {articles: 5}}})
    expect(capped.briefing.articles).toHaveLength(5)
    expect((await cacheEntries(dir)).length).toBe(5)
    const over = capped.omitted.filter((entry) => entry.why === 'over limits.articles')
    expect(over.length).toBeGreaterThan(0)
    for (const entry of over) for (const article of capped.briefing.articles) expect(entry.date! <= article.date).toBe(true)
  }, 120_000)

  it('builds more files than it may open at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'digest-scale-many-'))
    const texts = await Promise.all(names.map((name) => readFile(path.join(wikinews, name), 'utf8')))
    await mkdir(path.join(dir, 'content'))
    for (let index = 0; index < 1_500; index++) {
      await writeFile(path.join(dir, 'content', `${String(index).padStart(4, '0')}.md`), texts[index % texts.length]!)
    }
    await writeFile(path.join(dir, 'digest.config.yaml'), 'title: Many\nwindow: week\n')
    // 1,500 files under a limit of 256 descriptors: opening them all at once fails with EMFILE.
    const result = await new Promise<{code: number | null; stderr: string}>((resolve, reject) => {
      const child = spawn('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${digestBin}" build --no-cache --json`], {cwd: dir, env: {...process.env, CI: '1'}})
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
      child.stdout.resume()
      child.on('error', reject)
      child.on('close', (code) => resolve({code, stderr}))
    })
    expect(result.stderr).not.toMatch(/EMFILE|unreadable/)
    expect(result.code).toBe(0)
  }, 180_000)
})
