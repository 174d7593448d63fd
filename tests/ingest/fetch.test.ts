import {mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import type {IngestLine} from '../../src/ingest/ingest.js'
import {runDigest} from '../cli/run.js'
import {startServer, type TestServer} from './server.js'

/** What `--json` prints, one per page or item: the contract's shape, as the code declares it. */
type Line = IngestLine

const fast = {DIGEST_FETCH_RETRY_DELAY: '50', DIGEST_FETCH_TIMEOUT: '10000', DIGEST_FETCH_MAX_BYTES: '2000000'}
let server: TestServer
let work: string

beforeAll(async () => {
  server = await startServer()
  work = await mkdtemp(path.join(tmpdir(), 'digest-ingest-'))
}, 60_000)
afterAll(async () => {
  await server.close()
  await rm(work, {recursive: true, force: true})
})

function lines(stdout: string): Line[] {
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line)
}

async function article(file: string) {
  const text = await readFile(file, 'utf8')
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)
  expect(match, `${file} has front matter`).toBeTruthy()
  return {meta: parseYaml(match![1]!) as Record<string, unknown>, body: match![2]!}
}

async function snapshot(dir: string) {
  const result: Record<string, number> = {}
  for (const name of await readdir(dir)) result[name] = (await stat(path.join(dir, name))).mtimeMs
  return result
}

describe('digest add, against a local HTTP server', () => {
  it('adds a page and one article per item of each feed format, with front matter and bodies', async () => {
    const content = path.join(work, 'feeds')
    const sources = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/rdf.xml', '/feeds/feed.json', '/moved'].map((route) => server.base + route)
    const {code, stdout, stderr} = await runDigest(['add', ...sources, '--content', content, '--json'], {cwd: work, env: fast})
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const result = lines(stdout)
    expect(result.map((line) => line.status)).toEqual(Array(result.length).fill('added'))
    // RSS 3 + Atom 2 + RDF 1 + JSON 2 + the redirected page
    expect(result).toHaveLength(9)
    const byTitle = new Map(result.map((line) => [line.title, line]))

    const sudan = byTitle.get('United States to Lift Sudan Sanctions')!
    expect(sudan).toMatchObject({date: '2017-01-13T08:38:38Z', source: 'World Desk', url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html', from: `${server.base}/pages/nytimes-1.html`})
    expect(path.basename(sudan.file!)).toBe('2017-01-13-united-states-to-lift-sudan-sanctions.md')
    const {meta, body} = await article(path.join(work, sudan.file!))
    expect(meta).toMatchObject({title: 'United States to Lift Sudan Sanctions', date: '2017-01-13T08:38:38Z', source: 'World Desk', author: 'Jeffrey Gettleman', lang: 'en'})
    expect(body).toContain('LONDON — After nearly 20 years of hostile relations, the American government plans to reverse its position on [Sudan](http://topics.nytimes.com/')
    expect(body).not.toMatch(/<(div|p|span)\b/)

    // An item without a date takes its page's; the Atom and JSON items are read from the feed itself.
    expect(byTitle.get('Obama admits US gun laws are his biggest frustration')).toMatchObject({date: '2015-07-24T04:36:09Z', source: 'World Desk'})
    const sea = byTitle.get("'What is the sea telling us?': Maori fishermen on plastic pollution")!
    expect(sea).toMatchObject({date: '2019-01-03T07:00:02Z', source: 'Long Reads', url: `${server.base}/stories/guardian-sea`})
    expect((await article(path.join(work, sea.file!))).meta).toMatchObject({author: 'Eleanor Ainge Roy'})
    expect(byTitle.get('The Hidden Heroines of Chaos')).toMatchObject({source: 'Science Notes', date: '2019-05-20T12:00:00Z'})
    expect(byTitle.get('Just-released Minecraft exploit makes it easy to crash game servers')).toMatchObject({source: 'Tech Weekly', date: '2015-04-16T20:02:01Z'})
    const seattle = byTitle.get('Alaskan halibut, caught by a cook')!
    expect(seattle.words).toBeGreaterThan(500)
    const engadget = result.find((line) => line.from === `${server.base}/moved`)!
    expect(engadget.title).toMatch(/^Xbox One X review/)
    expect(engadget.source).toBe('Engadget')

    // Every request names digest, and robots.txt was asked once for the one host.
    expect(server.log.filter((entry) => entry.startsWith('GET /robots.txt'))).toHaveLength(1)

    // The same sources again: nothing is written; each page answers 304 to its validators.
    const before = await snapshot(content)
    const again = await runDigest(['add', ...sources, '--content', content, '--json'], {cwd: work, env: fast})
    expect(again.code).toBe(0)
    expect(lines(again.stdout).every((line) => line.status === 'unchanged')).toBe(true)
    expect(await snapshot(content)).toEqual(before)
  }, 120_000)

  it('reports each failing source with what was expected, adds the others, and exits 1', async () => {
    const content = path.join(work, 'failures')
    const routes = ['/slow', '/missing', '/flaky', '/busy', '/loop', '/huge', '/image.png', '/private/secret.html', 'ftp://127.0.0.1/file.html', path.join(work, 'nowhere.html')]
    const sources = routes.map((route) => (route.startsWith('/') && !route.startsWith(work) ? server.base + route : route))
    const {code, stdout, stderr} = await runDigest(['add', ...sources, '--content', content, '--json'], {cwd: work, env: fast})
    expect(code).toBe(1)
    const byFrom = new Map(lines(stdout).map((line) => [line.from, line]))
    const reason = (route: string) => byFrom.get(route.startsWith('/') && !route.startsWith(work) ? server.base + route : route)?.reason
    expect(byFrom.get(`${server.base}/flaky`)?.status).toBe('added')
    expect(byFrom.get(`${server.base}/busy`)?.status).toBe('added')
    expect(reason('/slow')).toMatch(/expected a response within 10 s/)
    expect(reason('/missing')).toMatch(/Unexpected HTTP 404 .*expected 200 OK/)
    expect(reason('/loop')).toMatch(/expected at most 5 redirects/)
    expect(reason('/huge')).toMatch(/larger than 2 MiB/)
    expect(reason('/image.png')).toMatch(/Unexpected binary content \(image\/png\).*expected an HTML page or a feed/)
    expect(reason('/private/secret.html')).toMatch(/robots\.txt .*--ignore-robots/)
    expect(reason('ftp://127.0.0.1/file.html')).toMatch(/expected http or https/)
    expect(reason(path.join(work, 'nowhere.html'))).toMatch(/Cannot read/)
    for (const line of byFrom.values()) if (line.status === 'skipped') expect(stderr).toContain(line.from)
    // 500 then 200, 429 (Retry-After: 1) then 200: one retry each.
    expect(server.log.filter((entry) => entry.startsWith('GET /flaky'))).toEqual(['GET /flaky 500', 'GET /flaky 200'])
    expect(server.log.filter((entry) => entry.startsWith('GET /busy'))).toEqual(['GET /busy 429', 'GET /busy 200'])
    expect(server.log.filter((entry) => entry.startsWith('GET /loop')).length).toBe(6)

    const ignored = await runDigest(['add', `${server.base}/private/secret.html`, '--content', content, '--json', '--ignore-robots'], {cwd: work, env: fast})
    expect(ignored.code).toBe(0)
    expect(lines(ignored.stdout)[0]).toMatchObject({status: 'added', title: "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"})
  }, 120_000)
})

describe('digest fetch', () => {
  it('adds what the config lists, then costs one round trip per source and writes nothing', async () => {
    const project = path.join(work, 'project')
    const content = path.join(project, 'content')
    await rm(project, {recursive: true, force: true})
    await import('node:fs/promises').then(({mkdir}) => mkdir(project, {recursive: true}))
    await writeFile(path.join(project, 'digest.config.yaml'), [
      'title: Test briefing',
      'window: all',
      'sources:',
      `  - url: ${server.base}/feeds/rss.xml`,
      '    name: The World Desk',
      '    topics: [diplomacy]',
      `  - ${server.base}/pages/lemonde-1.html`,
      ''
    ].join('\n'))
    const first = await runDigest(['fetch', '--json'], {cwd: project, env: fast})
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const added = lines(first.stdout)
    expect(added.map((line) => line.status)).toEqual(['added', 'added', 'added', 'added'])
    const wapo = added.find((line) => line.title === 'Attack stokes instability fears in Tunisia')!
    expect((await article(path.join(project, wapo.file!))).meta).toMatchObject({source: 'The World Desk', topics: ['diplomacy']})
    const lemonde = added.find((line) => line.from === `${server.base}/pages/lemonde-1.html`)!
    expect((await article(path.join(project, lemonde.file!))).meta).toMatchObject({lang: 'fr', source: 'Le Monde.fr', date: '2015-05-04T11:36:31Z'})

    const before = await snapshot(content)
    const requestsBefore = server.log.length
    const second = await runDigest(['fetch', '--json'], {cwd: project, env: fast})
    expect(second.code).toBe(0)
    expect(lines(second.stdout).map((line) => line.status)).toEqual(['unchanged', 'unchanged'])
    expect(await snapshot(content)).toEqual(before)
    // robots.txt, then one conditional request per source, both answered 304.
    const secondRequests = server.log.slice(requestsBefore)
    expect(secondRequests.filter((entry) => !entry.includes('robots.txt')).sort()).toEqual(['GET /feeds/rss.xml 304', 'GET /pages/lemonde-1.html 304'])

    // What was fetched builds into a briefing.
    const build = await runDigest(['build', '--json', '--out', path.join(project, 'out')], {cwd: project})
    expect(build.code).toBe(0)
    const built = JSON.parse(build.stdout) as {data: string; articles: number}
    expect(built.articles).toBe(4)
    const data = JSON.parse(await readFile(built.data, 'utf8')) as {articles: Array<{title: string; url?: string; source?: string}>}
    expect(data.articles.map((entry) => entry.source).sort()).toEqual(['Le Monde.fr', 'The World Desk', 'The World Desk', 'The World Desk'])
  }, 120_000)

  it('says so when the config lists no sources (exit 1)', async () => {
    const project = await mkdtemp(path.join(work, 'empty-'))
    const result = await runDigest(['fetch'], {cwd: project})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/expected a `sources:` list/)
  }, 60_000)
})
