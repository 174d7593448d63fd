import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {planBriefing, type PlanInput} from '../../src/briefing/plan.js'
import {prepareArticle} from '../../src/briefing/prepare.js'
import {scoreCandidates} from '../../src/briefing/score.js'
import {deriveTopics} from '../../src/briefing/topics.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import type {Article} from '../../src/types.js'

// The multi-week Wikinews corpus (tests/fixtures/wikinews, CC BY 2.5, Wikinews contributors).
const content = path.resolve(import.meta.dirname, '../fixtures/wikinews/content')
const read = () => analyzeArticles(readdirSync(content).sort().map((name) => new VFile({path: path.join(content, name), value: readFileSync(path.join(content, name), 'utf8')})))
const plan = (articles: Article[]) => {
  const input: PlanInput = {articles, window: {kind: 'all'}, title: 'Wikinews', topics: [], limits: {articles: 100, quotesPerTopic: 3, figuresPerTopic: 3}}
  const {briefing, selection} = planBriefing(input)
  return JSON.stringify({briefing, selection})
}

describe('the briefing stages over what a worker prepared', () => {
  it('plan the same briefing from `prepared` alone, without the paragraphs', () => {
    const plain = plan(read())
    const prepared = read().map((article) => ({...article, prepared: prepareArticle(article), paragraphs: []}))
    expect(plan(prepared)).toBe(plain)
    expect(JSON.parse(plain).briefing.articles.every((article: {lead: string}) => article.lead.length > 20)).toBe(true)
  }, 120_000)

  it('score an article dated into another year than it was prepared in as if prepared in that year', () => {
    const articles = read()
    const topics = deriveTopics(articles)
    // "in 2019" is old news in 2020 and the news itself in 2019: the year moves the figures' news points.
    const moved = articles.map((article) => ({...article, date: article.date.startsWith('2019') ? `2020${article.date.slice(4)}` : `2019${article.date.slice(4)}`}))
    const kept = moved.map((article, index) => ({...article, prepared: prepareArticle(articles[index]!), paragraphs: []}))
    const fresh = scoreCandidates(moved, topics)
    expect(scoreCandidates(kept, topics, (article) => article.prepared!.scoring)).toEqual(fresh)
    const before = scoreCandidates(articles, topics)
    const news = (candidates: typeof fresh) => candidates.flatMap((candidate) => (candidate.kind === 'figure' ? [candidate.news] : []))
    expect(news(fresh)).not.toEqual(news(before))
  }, 120_000)
})
