import {mkdtemp, readFile, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {repoRoot, runDigest} from './run.js'

const fixtures = path.join(repoRoot, 'tests/fixtures')

interface DigestJson {
  id: string
  title: string
  period: {start: string; end: string}
  articles: {id: string; title: string; date: string}[]
  topics: {name: string; quotes: {text: string; speaker: string; article: string}[]; figures: {value: unknown; unit: string; article: string}[]}[]
}

describe('digest build on the sample content', () => {
  let out: string
  let result: Awaited<ReturnType<typeof runDigest>>
  let dir: string
  let html: string
  let data: DigestJson

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'digest-build-'))
    result = await runDigest(['build', '--out', out, '--json'])
    const summary = JSON.parse(result.stdout) as {dir: string}
    dir = summary.dir
    html = await readFile(path.join(dir, 'index.html'), 'utf8')
    data = JSON.parse(await readFile(path.join(dir, 'digest.json'), 'utf8')) as DigestJson
  })

  it('exits 0 and writes the files of the contract, plus the web version', async () => {
    expect(result.code, result.stderr).toBe(0)
    expect((await readdir(dir)).sort()).toEqual(['digest.json', 'email.eml', 'email.mjml', 'index.html', 'index.txt', 'web.html'])
  })

  it('prints the --json summary of the contract', () => {
    const summary = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['dir', 'html', 'text', 'data', 'eml', 'articles', 'quotes', 'figures', 'htmlBytes', 'messages']))
    expect(summary.articles).toBe(5)
    expect(summary.htmlBytes).toBe(Buffer.byteLength(html))
  })

  it('stays under Gmail’s 102 KB clipping limit', () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(102_400)
  })

  it('lists all five articles in date order, in the data and in the HTML', () => {
    const dates = data.articles.map((article) => article.date)
    expect(dates).toEqual(['2023-10-17', '2023-11-23', '2023-12-12', '2025-03-05', '2025-06-01'])
    // In the timeline (the stories above it name some headlines too).
    const positions = data.articles.map((article) => html.indexOf(escapeHtml(article.title), html.indexOf('TIMELINE')))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('shows for every topic at least one quote with its speaker and one figure', () => {
    expect(data.topics.length).toBeGreaterThan(0)
    for (const topic of data.topics) {
      const quoted = topic.quotes.find((quote) => quote.speaker)
      expect(quoted, topic.name).toBeDefined()
      expect(topic.figures.length, topic.name).toBeGreaterThan(0)
      expect(html).toContain(escapeHtml(quoted?.speaker ?? ''))
    }
  })

  it('writes a multipart/alternative message with both parts', async () => {
    const eml = await readFile(path.join(dir, 'email.eml'), 'utf8')
    expect(eml).toMatch(/Content-Type: multipart\/alternative/)
    expect(eml).toMatch(/Content-Type: text\/plain/)
    expect(eml).toMatch(/Content-Type: text\/html/)
  })
})

describe('digest build on hostile content', () => {
  it('shows markup and template syntax from articles as text', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-inject-'))
    const result = await runDigest(['build', '--content', path.join(fixtures, 'injection/content'), '--config', path.join(fixtures, 'injection/digest.config.yaml'), '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const dir = result.stdout.trim()
    const html = await readFile(path.join(dir, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toMatch(/(\{\{|&#123;&#123;|&#x7B;&#x7B;|&lcub;&lcub;)constructor(\}\}|&#125;&#125;|&#x7D;&#x7D;|&rcub;&rcub;)/)
    const mjml = await readFile(path.join(dir, 'email.mjml'), 'utf8')
    expect(mjml).not.toContain('<script')
    expect(html).toContain('Council debates &lt;script&gt;alert(1)&lt;/script&gt; ban')
    expect(mjml).not.toMatch(/<mj-text>tags/)
  })
})

describe('digest build with bad articles', () => {
  it('reports each bad article at file:line:column, builds the others, and exits 1', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-bad-'))
    const content = path.join(fixtures, 'bad-front-matter/content')
    const result = await runDigest(['build', '--content', path.relative(repoRoot, content), '--out', out, '--config', path.join(fixtures, 'injection/digest.config.yaml')])
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n')
    expect(lines).toContain('tests/fixtures/bad-front-matter/content/bad-date.md:3:7  error  Unexpected `date` value "2024-13-45", expected a date as YYYY-MM-DD, or a time with its offset as 2023-11-23T22:30:00-05:00  date')
    expect(lines.some((line) => line.startsWith('tests/fixtures/bad-front-matter/content/2024-05-02-broken-yaml.md:2:8  error  Unexpected YAML'))).toBe(true)
    expect(lines).toContain('tests/fixtures/bad-front-matter/content/no-date.txt:1:1  error  Unexpected missing date, expected a `date:` in front matter or a YYYY-MM-DD file-name prefix  date')
    const data = JSON.parse(await readFile(path.join(result.stdout.trim(), 'digest.json'), 'utf8')) as DigestJson
    expect(data.articles.map((article) => article.title)).toEqual(['A good article'])
  })

  it('exits 1 with a clear message when the window holds no article', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-empty-'))
    const result = await runDigest(['build', '--out', out, '--week', '2020-W01'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/No articles between 2019-12-30 and 2020-01-05/)
    expect(await readdir(out)).toEqual([])
  })

  it('exits 2 on wrong usage', async () => {
    expect((await runDigest(['build', '--no-such-flag'])).code).toBe(2)
    expect((await runDigest(['build', '--week', '2023-47'])).code).toBe(2)
    expect((await runDigest(['frobnicate'])).code).toBe(2)
  })

  it('reports every config issue with its key path and line', async () => {
    const result = await runDigest(['build', '--config', path.join(fixtures, 'bad-config/digest.config.yaml'), '--out', await mkdtemp(path.join(tmpdir(), 'digest-config-'))])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/digest\.config\.yaml:4:\d+ {2}topics\.0\.keywords: /)
    expect(result.stderr).toMatch(/digest\.config\.yaml:\d+:\d+ {2}brand\.color: Expected a colour as #rrggbb/)
    expect(result.stderr).toMatch(/limits\.quotesPerTopic/)
  })
})

describe('digest extract --json', () => {
  it('prints one contract-shaped object per article with exact offsets', async () => {
    const result = await runDigest(['extract', 'content', '--json'])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {file: string; title?: string; date?: string; quotes: {text: string; speaker: string; kind: string; start: number; end: number; score: number}[]; figures: {value: unknown; unit: string; text: string; sentence: string; start: number; end: number; score: number}[]})
    expect(lines).toHaveLength(5)
    for (const article of lines) {
      const content = await readFile(path.join(repoRoot, article.file), 'utf8')
      for (const quote of article.quotes) {
        expect(content.slice(quote.start, quote.end)).toBe(quote.text)
        expect(['full', 'partial']).toContain(quote.kind)
        expect(typeof quote.score).toBe('number')
      }
      for (const figure of article.figures) expect(content.slice(figure.start, figure.end)).toBe(figure.text)
    }
    expect(lines.flatMap((article) => article.quotes).some((quote) => quote.speaker === 'Gershon Baskin')).toBe(true)
  })

  it('accepts plain text without front matter or date', async () => {
    const result = await runDigest(['extract', 'tests/fixtures/bad-front-matter/content/no-date.txt', '--json'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({file: 'tests/fixtures/bad-front-matter/content/no-date.txt', title: 'Plain Text Without Any Date Given'})
  })
})

function escapeHtml(text: string) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;')
}
