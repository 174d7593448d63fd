import {mkdtemp, readFile, rm, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config.js'
import {loadArticles} from '../../src/load/files.js'
import {build, compile, type Written} from '../../src/pipeline.js'
import {checkEmail} from '../../src/render/check.js'
import {renderEmail} from '../../src/render/fit.js'
import {loadTemplates} from '../../src/render/templates.js'

const budget = 102_400
const speakers = ['Maria Lindqvist', 'Tomasz Nowak', 'Aiyana Redcloud', 'Kwame Mensah', 'Sofia Marchetti', 'Hiroshi Tanaka', 'Leila Haddad', 'Owen Gallagher']
const places = ['river', 'harbour', 'bridge', 'rail yard', 'school', 'clinic', 'market', 'depot']

/** One generated article a day from 2024-01-01: a lead, two quotes with speakers, two figures. */
function article(index: number) {
  const day = new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10)
  const place = places[index % places.length] ?? 'harbour'
  const speaker = speakers[index % speakers.length] ?? 'Maria Lindqvist'
  const other = speakers[(index + 3) % speakers.length] ?? 'Tomasz Nowak'
  return {
    name: `${day}-${place.replace(' ', '-')}-${index}.md`,
    text: `---
title: 'Flood repairs at the ${place} enter week ${index + 1}'
date: ${day}
source: Valley Courier
url: https://example.org/news/${index}
---

Crews worked through the night at the ${place} as the flood repairs entered their ${index + 1}th week, with ${120 + index} workers on site and at least ${30 + (index % 17)} homes still without power.

“We are rebuilding the ${place} so that it holds through the next hundred winters, and every crew knows it,” said ${speaker}, who leads the repair programme for the valley council.

The council said the repairs had cost about ${2 + (index % 9)} million dollars so far. “Nobody in the valley has been left to wait alone for help at the ${place},” ${other} said on the ${index + 1}th day of the works.
`
  }
}

describe('auto-fit', () => {
  let root: string
  let written: Written

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'digest-fit-'))
    await mkdir(path.join(root, 'content'))
    await Promise.all(Array.from({length: 200}, (_, index) => article(index)).map((entry) => writeFile(path.join(root, 'content', entry.name), entry.text)))
    await writeFile(path.join(root, 'digest.config.yaml'), `title: Valley flood repairs
window: all
limits: {articles: 200, quotesPerTopic: 60, figuresPerTopic: 60}
topics:
  - {name: Repairs, keywords: [repairs, rebuilding, crews, works]}
  - {name: Power and homes, keywords: [power, homes, valley]}
brand: {webUrl: 'https://example.org/briefing'}
`)
    written = await build({cwd: root})
  }, 120_000)

  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('keeps the email of 200 articles under the budget and says how many more the web version has', async () => {
    const html = await readFile(written.files.html, 'utf8')
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(budget)
    // Only a briefing over the budget proves anything here.
    expect(Buffer.byteLength(written.webHtml)).toBeGreaterThan(budget)
    expect(written.dropped.length).toBeGreaterThan(0)
    expect(html).toContain(`${written.dropped.length} more items are in the web version`)
    expect(html).toContain('href="https://example.org/briefing"')
    expect(await readFile(written.files.web, 'utf8')).not.toContain('more items are in the web version')
    expect(checkEmail({html, text: written.text}).filter((finding) => finding.severity === 'error')).toEqual([])
  })

  it('drops the lowest-scored items first', () => {
    // Timeline entries count as much as the best item of their article; near-duplicate quotes of
    // the generated articles merge into few items, so entries and items are dropped together.
    const dropped = written.dropped.map((item) => item.score)
    expect(dropped.length).toBeGreaterThan(0)
    expect(dropped).toEqual([...dropped].sort((a, b) => a - b))
    const kept = written.briefing.topics.flatMap((topic) => [...topic.quotes, ...topic.figures]).map((item) => item.score)
    expect(kept.every((score) => score >= Math.max(...dropped))).toBe(true)
  })
})

describe('auto-fit of a week with hundreds of stories', () => {
  it('drops the least of the stories too, so a very large week still fits', async () => {
    const repo = path.resolve(import.meta.dirname, '../..')
    const config = loadConfig(path.join(repo, 'digest.config.yaml'), repo)
    const templates = await loadTemplates(undefined)
    const {briefing} = await compile(await loadArticles(['content'], repo), config, templates)
    const ids = briefing.articles.map((entry) => entry.id)
    // Ten thousand articles of one week group into hundreds of stories: here, 600 over the sample's articles.
    const stories = Array.from({length: 600}, (_, index) => ({
      title: `Story ${index + 1}: regional councils report on the flood repairs and the cost of rebuilding`,
      articles: [ids[index % ids.length]!, ids[(index + 1) % ids.length]!],
      sources: 2
    }))
    const email = await renderEmail({...briefing, stories}, templates, {lang: config.lang, dir: 'ltr', brand: config.brand})
    expect(Buffer.byteLength(email.webHtml)).toBeGreaterThan(budget)
    expect(Buffer.byteLength(email.html)).toBeLessThanOrEqual(budget)
    const droppedStories = email.dropped.filter((item) => item.kind === 'story')
    expect(droppedStories.length).toBeGreaterThan(0)
    expect(email.briefing.stories.length + droppedStories.length).toBe(600)
    expect(email.html).toContain(`${email.dropped.length} more items are in the web version`)
    // Dropped lowest first, whatever their kind: what the email keeps is worth at least what it left.
    const dropped = email.dropped.map((item) => item.score)
    expect(dropped).toEqual([...dropped].sort((x, y) => x - y))
    const kept = email.briefing.topics.flatMap((topic) => [...topic.quotes, ...topic.figures]).map((item) => item.score)
    expect(kept.every((score) => score >= Math.max(...droppedStories.map((item) => item.score)))).toBe(true)
  }, 120_000)
})
