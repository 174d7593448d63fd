import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type Written} from '../../src/pipeline.js'
import type {WindowSpec} from '../../src/briefing/window.js'

// The multi-week Wikinews corpus (tests/fixtures/wikinews, CC BY 2.5, Wikinews contributors).
const root = path.resolve(import.meta.dirname, '../..')
const out = mkdtempSync(path.join(tmpdir(), 'digest-wikinews-'))
afterAll(() => rmSync(out, {recursive: true, force: true}))
const content = 'tests/fixtures/wikinews/content'
const run = (config: string, window?: WindowSpec) =>
  build({cwd: root, content, config, out, ...(window ? {window} : {})})

describe('a briefing of the Wikinews corpus', () => {
  let week: Written
  let all: Written
  beforeAll(async () => {
    week = await run('tests/fixtures/briefing-wikinews-2020-W01/digest.config.yaml', {kind: 'week', week: '2020-W01'})
    all = await run('tests/fixtures/briefing-wikinews-all/digest.config.yaml')
  })

  it('takes an ISO week across the year boundary, edges included, neighbours left out', () => {
    expect(week.briefing.period).toEqual({start: '2019-12-30', end: '2020-01-05'})
    expect(week.briefing.articles.map((article) => article.date)).toEqual(['2019-12-30', '2020-01-01', '2020-01-05'])
    const dates = all.briefing.articles.map((article) => article.date)
    expect(dates).toContain('2019-12-28') // Saturday of 2019-W52
    expect(dates).toContain('2020-01-06') // Monday of 2020-W02
  })

  it('opens with a timeline in date order, each with a lead sentence', () => {
    const dates = all.briefing.articles.map((article) => article.date)
    expect(dates).toEqual([...dates].sort())
    // 51 articles, of which the newest `limits.articles` (50 by default) make the briefing.
    expect(all.briefing.articles).toHaveLength(50)
    for (const article of all.briefing.articles) expect(article.lead.length).toBeGreaterThan(20)
  })

  it('derives topics from the articles and says so', () => {
    expect(all.briefing.topicsDerived).toBe(true)
    expect(all.messages.some((message) => message.ruleId === 'topics')).toBe(true)
    const names = all.briefing.topics.map((topic) => topic.name).join(' | ')
    expect(names).toMatch(/coronavirus|COVID-19/i)
    expect(names).toMatch(/Soleimani/)
    expect(names).toMatch(/Sanders|Biden|primary|delegates/i)
    // Each named after one thing, never a list of loose words.
    for (const topic of all.briefing.topics) expect(topic.name).not.toMatch(/,| and /)
  })

  it('merges what several articles report into one item and lists every source', () => {
    const merged = all.selection.decisions.filter((decision) => /merged into/.test(decision.why))
    expect(merged.length).toBeGreaterThan(0)
    const items = all.briefing.topics.flatMap((topic) => [...topic.quotes, ...topic.figures])
    const keys = all.briefing.topics.flatMap((topic) => [...topic.quotes, ...topic.figures].map((item) => `${item.article}:${item.start}`))
    expect(new Set(keys).size).toBe(keys.length)
    for (const item of items) expect(item.sourceCount).toBe(item.sources.length)
  })

  it('shows a measured thing reported on several dates as one row of dated values', () => {
    const series = all.briefing.topics.flatMap((topic) => topic.series)
    expect(series.length).toBeGreaterThan(0)
    for (const row of series) {
      const dates = row.points.map((point) => point.date)
      expect(new Set(dates).size).toBe(dates.length)
      expect(dates).toEqual([...dates].sort())
      expect(dates.length).toBeGreaterThanOrEqual(2)
    }
  })
})
