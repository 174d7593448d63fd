import {mkdtemp, readFile, readdir, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {updateArchive} from '../../src/deliver/archive.js'
import {build} from '../../src/pipeline.js'
import {repoRoot} from '../cli/run.js'

describe('the archive in out/', () => {
  it('lists every briefing newest first in index.html and feed.xml, updated by each build', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-archive-'))
    const content = path.join(repoRoot, 'content')
    await build({content, out, window: {kind: 'week', week: '2023-W47'}})
    await build({content, out, window: {kind: 'week', week: '2025-W22'}})
    await build({content, out, window: {kind: 'week', week: '2023-W42'}})
    const index = await readFile(path.join(out, 'index.html'), 'utf8')
    const links = [...index.matchAll(/href="([^"]+\/web\.html)"/g)].map((match) => match[1])
    expect(links).toEqual(['2025-W22/web.html', '2023-W47/web.html', '2023-W42/web.html'])
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8')
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/)
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(3)
    expect([...feed.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"\/>\n {4}<summary>/g)].map((match) => match[1])).toEqual(links)
    // Every entry has the elements Atom requires, and its id stays the same from build to build.
    for (const entry of feed.split('<entry>').slice(1)) for (const element of ['id', 'title', 'updated']) expect(entry).toContain(`<${element}>`)
    const ids = [...feed.matchAll(/<entry>\n {4}<id>([^<]+)<\/id>/g)].map((match) => match[1])
    await build({content, out, window: {kind: 'week', week: '2023-W47'}})
    expect([...(await readFile(path.join(out, 'feed.xml'), 'utf8')).matchAll(/<entry>\n {4}<id>([^<]+)<\/id>/g)].map((match) => match[1])).toEqual(ids)
    // Written through a temporary file and a rename: nothing half-written is left beside them.
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([])
  }, 60_000)

  it('escapes titles, links the published site when webUrl is given, and skips folders that are not briefings', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-archive-'))
    await mkdir(path.join(out, '2024-W01'))
    await writeFile(path.join(out, '2024-W01', 'digest.json'), JSON.stringify({id: '2024-W01', title: 'Rates <up> & "down"', period: {start: '2024-01-01', end: '2024-01-07'}, articles: [{}], topics: [{quotes: [{}], figures: []}]}))
    await mkdir(path.join(out, 'drafts'))
    await writeFile(path.join(out, 'drafts', 'digest.json'), '{not json')
    await updateArchive(out, {title: 'The Brief', lang: 'de', webUrl: 'https://example.org/brief'})
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8')
    expect(feed).toContain('<title>Rates &lt;up&gt; &amp; &quot;down&quot; (2024-01-01 – 2024-01-07)</title>')
    expect(feed).toContain('href="https://example.org/brief/2024-W01/web.html"')
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/brief/feed.xml"/>')
    expect(feed).toContain('xml:lang="de"')
    expect([...feed.matchAll(/<entry>/g)]).toHaveLength(1)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('1 article · 1 quote · 0 figures')
  })

  it('counts a large briefing from the part of digest.json before its decisions', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'digest-archive-'))
    await mkdir(path.join(out, '2024-W02'))
    // Over a megabyte before `explain`, which is written last, one decision a line, as a build writes it.
    const articles = Array.from({length: 9_000}, (_, index) => ({id: `a-${index}`, title: `Article ${index} — “quoted” and more words to fill the line`, date: '2024-01-08'}))
    const head = JSON.stringify({id: '2024-W02', title: 'Big week', period: {start: '2024-01-08', end: '2024-01-14'}, articles, topics: [{quotes: [{}, {}], figures: [{}]}]}, null, 2).slice(0, -2)
    await writeFile(path.join(out, '2024-W02', 'digest.json'), `${head},\n  "explain": [\n    {"key": "quote:a:1"},\n    {"key": "quote:a:2"}\n  ]\n}\n`)
    await updateArchive(out, {title: 'The Brief', lang: 'en'})
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('9000 articles · 2 quotes · 1 figure')
  })
})
