import {describe, expect, it} from 'vitest'
import {layOutChronology} from '../../src/briefing/chronology.js'
import {scoreCandidates} from '../../src/briefing/score.js'
import {selectHighlights} from '../../src/briefing/select.js'
import {deriveTopics, keywordMatcher} from '../../src/briefing/topics.js'
import type {Article, Figure, Quote} from '../../src/types.js'

/** An article whose quotes and figures are found in its one paragraph, as the extract stage gives them. */
function article(id: string, date: string, title: string, paragraph: string, figures: [string, number, string][], quotes: [string, string][] = []): Article {
  const at = (text: string) => paragraph.indexOf(text)
  return {
    id, date, title, file: `${id}.md`, paragraphs: [paragraph],
    figures: figures.map(([text, value, unit]): Figure => ({value, unit, ...(/^at least /.test(text) ? {qualifier: 'at least'} : {}), text, sentence: paragraph, start: at(text), end: at(text) + text.length, score: 1, reasons: [{name: 'base', points: 1}]})),
    quotes: quotes.map(([text, speaker]): Quote => ({text, speaker, kind: 'full', sentence: paragraph, start: at(text), end: at(text) + text.length, score: 2, reasons: [{name: 'speaker', points: 2}]}))
  }
}

const topics = [{name: 'Hostages', keywords: ['hostage', 'captive'], weight: 1}, {name: 'Talks', keywords: ['talks', 'negotiation'], weight: 1}]
const articles = [
  article('a', '2023-10-17', 'Hostage rescue in Gaza', 'Hamas is believed to hold at least 199 people hostage in Gaza. “We will bring every hostage home,” said Jane Doe at the talks.', [['at least 199 people', 199, 'people']], [['We will bring every hostage home,', 'Jane Doe']]),
  article('b', '2023-12-12', 'Hostage talks in Gaza stall', 'Officials believe there are 135 hostages still in Gaza, with 116 confirmed to be alive. “We will bring every hostage home,” said Jane Doe.', [['135 hostages', 135, 'hostages'], ['116 confirmed', 116, 'confirmed']], [['We will bring every hostage home,', 'Jane Doe']]),
  article('c', '2025-03-05', 'Direct talks on Gaza hostages', 'Approximately 24 living captives are believed to be held in Gaza, and 135 hostages were held there in December.', [['24 living', 24, 'living'], ['135 hostages', 135, 'hostages']])
]

describe('selection', () => {
  const selection = selectHighlights(scoreCandidates(articles, topics), topics, {quotesPerTopic: 3, figuresPerTopic: 3})
  const briefing = layOutChronology(selection, articles, {start: '2023-10-17', end: '2025-03-05', label: 'all'}, 'Test', {topics})

  it('merges a quote reported by several articles into one item listing every source', () => {
    const quotes = briefing.topics.flatMap((topic) => topic.quotes)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]?.sources.map((source) => source.id).sort()).toEqual(['a', 'b'])
    expect(quotes[0]?.sourceCount).toBe(2)
    expect(selection.decisions.find((decision) => decision.kind === 'quote' && !decision.picked)?.why).toMatch(/merged into/)
  })

  it('shows one measured thing over time as one row of dated values, best figure per date', () => {
    const series = briefing.topics.flatMap((topic) => topic.series)
    // The living captives of 2025 are another measure than all hostages held: they join no series of it.
    const held = series.find((row) => row.label === 'hostages held')
    expect(held?.points.map((point) => [point.date, point.value])).toEqual([['2023-10-17', 199], ['2023-12-12', 135]])
    expect(held?.summary).toBe('at least 199 (2023-10-17) → 135 (2023-12-12)')
    expect(series.flatMap((row) => row.points).filter((point) => point.value === 24).every((point) => series.find((row) => row.points.includes(point))?.label !== 'hostages held')).toBe(true)
  })

  it('keeps counts of another scale out of a series: two freed children are not the truce’s releases', () => {
    const released = [
      article('d', '2023-10-20', 'Video of hostages', 'A video from Hamas in Gaza appeared to show two hostages being released near the border.', [['two hostages', 2, 'hostages']]),
      article('e', '2023-11-28', 'Truce frees hostages', 'During the truce Hamas released 105 hostages from Gaza, officials said.', [['105 hostages', 105, 'hostages']]),
      article('f', '2023-12-01', 'Truce ends', 'By the end of the truce Hamas had released 110 hostages from Gaza.', [['110 hostages', 110, 'hostages']])
    ]
    const chosen = selectHighlights(scoreCandidates(released, topics), topics, {quotesPerTopic: 3, figuresPerTopic: 3})
    const rows = chosen.topics.flatMap((topic) => topic.series).map((series) => series.points.map((point) => point.item.value))
    expect(rows).toEqual([[105, 110]])
  })

  it('makes no series of shares or lengths of time, which describe different things', () => {
    const shares = [
      article('g', '2023-10-20', 'Hostage poll', 'A poll in Gaza found 37 percent backed a hostage deal, and talks lasted 8 months.', [['37 percent', 37, 'percent'], ['8 months', 8, 'months']]),
      article('h', '2023-11-28', 'Hostage vote', 'In Gaza 25 percent voted for the hostage plan after 3 months of talks.', [['25 percent', 25, 'percent'], ['3 months', 3, 'months']])
    ]
    const chosen = selectHighlights(scoreCandidates(shares, topics), topics, {quotesPerTopic: 3, figuresPerTopic: 3})
    expect(chosen.topics.flatMap((topic) => topic.series)).toEqual([])
  })

  it('shows an item once in the whole briefing, and says why each candidate was or was not picked', () => {
    const keys = selection.topics.flatMap((topic) => [...topic.quotes, ...topic.figures, ...topic.series.flatMap((series) => series.points)].map((item) => item.key))
    expect(new Set(keys).size).toBe(keys.length)
    expect(selection.decisions).toHaveLength(scoreCandidates(articles, topics).length)
    for (const decision of selection.decisions) {
      expect(decision.why).not.toBe('')
      expect(decision.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBeCloseTo(decision.score, 5)
    }
  })

  it('orders the timeline and topic items by date', () => {
    expect(briefing.articles.map((entry) => entry.date)).toEqual(['2023-10-17', '2023-12-12', '2025-03-05'])
  })
})

describe('topics', () => {
  it('matches keywords on word boundaries with plurals', () => {
    const matcher = keywordMatcher({name: 't', keywords: ['hostage', 'casualty', 'peace talks', 'news'], weight: 1})
    expect('Hostages, casualties, peace  talks, hostage-taking, news'.match(matcher)).toEqual(['Hostages', 'casualties', 'peace  talks', 'hostage', 'news'])
    expect('unhostaged new'.match(matcher)).toBeNull()
  })

  it('derives topics when none are configured, named from their top terms', () => {
    const story = (id: string, date: string, title: string, text: string) => article(id, date, title, text, [])
    const derived = deriveTopics([
      story('v1', '2020-01-20', 'New coronavirus spreads in Wuhan', 'The coronavirus outbreak in Wuhan grew as hospitals reported new coronavirus cases.'),
      story('v2', '2020-01-28', 'Germany confirms coronavirus case', 'Germany confirmed its first coronavirus case linked to Wuhan travel.'),
      story('v3', '2020-02-10', 'Coronavirus deaths in Wuhan', 'Foreigners died of the coronavirus in Wuhan hospitals.'),
      story('p1', '2020-02-23', 'Sanders wins Nevada caucuses', 'Bernie Sanders won the Nevada caucuses and most delegates.'),
      story('p2', '2020-03-02', 'Biden wins South Carolina primary', 'Joe Biden beat Bernie Sanders for delegates in the primary.'),
      story('p3', '2020-03-11', 'Biden wins Michigan primary', 'Joe Biden took most delegates from Bernie Sanders in Michigan.')
    ])
    expect(derived.length).toBeGreaterThanOrEqual(2)
    expect(derived.map((topic) => topic.name).join(' | ')).toMatch(/coronavirus|Wuhan/i)
    expect(derived.map((topic) => topic.name).join(' | ')).toMatch(/Sanders|delegate|Biden/i)
    const virus = derived.find((topic) => /coronavirus|wuhan/i.test(topic.name))
    expect(virus?.keywords.some((keyword) => /sanders|biden/i.test(keyword))).toBe(false)
  })
})
