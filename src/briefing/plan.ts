import {layOutChronology, type Briefing} from './chronology.js'
import {scoreCandidates} from './score.js'
import {selectHighlights, type Limits, type Selection} from './select.js'
import {preparedFor} from './prepare.js'
import {findStories, mergeSameArticles} from './stories.js'
import {deriveTopics} from './topics.js'
import {resolveWindow, type Period, type WindowSpec} from './window.js'
import type {Article, Omitted, Topic} from '../types.js'

export interface PlanInput {
  /** Articles after extraction, dated in the configured zone. */
  articles: Article[]
  /** Articles load read and could not use or left out itself, with why. */
  omitted?: Omitted[]
  window: WindowSpec
  /** The period, when the caller resolved it already (over every article read, before the limit). */
  period?: Period
  title: string
  /** Configured topics; none derives them from the articles of the window. */
  topics: Topic[]
  limits: Limits & {articles: number}
}

export interface Plan {
  briefing: Briefing
  selection: Selection
  /** The articles the briefing shows, newest first. */
  articles: Article[]
  topics: Topic[]
  topicsDerived: boolean
  /** The period the window asked for (`briefing.period` is the span of the articles shown). */
  window: Period
}

/**
 * The briefing stage, a pure function: window → limit → one article per text → topics → stories →
 * score → select (with series) → chronology. Every article read ends up either shown (at least in
 * the timeline) or in `briefing.omitted` with why: outside the window, over `limits.articles`
 * (the newest are kept), or a duplicate of another.
 */
export function planBriefing(input: PlanInput): Plan {
  const omitted: Omitted[] = [...(input.omitted ?? [])]
  const leave = (article: Article, why: string) => omitted.push({id: article.id, ...(article.title ? {title: article.title} : {}), ...(article.date ? {date: article.date} : {}), why})
  const window = input.period ?? resolveWindow(input.window, input.articles.map((article) => article.date))
  const inWindow: Article[] = []
  for (const article of input.articles) {
    if (article.date >= window.start && article.date <= window.end) inWindow.push(article)
    else leave(article, `outside the window (${window.start} to ${window.end})`)
  }
  const prepared = preparedFor()
  const {kept, copies} = mergeSameArticles(inWindow, (article) => prepared(article).textKey)
  const copiesOf = new Map<string, Article[]>()
  for (const {article, of} of copies) {
    leave(article, `duplicate of ${of.id}`)
    copiesOf.set(of.id, [...(copiesOf.get(of.id) ?? []), article])
  }
  const newestFirst = kept.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
  const shown = newestFirst.slice(0, input.limits.articles)
  for (const article of newestFirst.slice(input.limits.articles)) leave(article, `over limits.articles (${input.limits.articles}): the newest are kept`)
  const topicsDerived = input.topics.length === 0
  const topics = topicsDerived ? deriveTopics(shown, {}, (article) => prepared(article).terms) : input.topics
  const {stories, storyOf} = findStories(shown, (article) => prepared(article).signals)
  const candidates = scoreCandidates(shown, topics, (article) => prepared(article).scoring)
  const selection = selectHighlights(candidates, topics, input.limits, (id) => storyOf.get(id) ?? -1)
  const dates = shown.map((article) => article.date).sort()
  // The header says what the email shows: the span of its articles, not the period asked for.
  const period = {...window, start: dates[0] ?? window.start, end: dates.at(-1) ?? window.end}
  const briefing = layOutChronology(selection, shown, period, input.title, {
    topics,
    topicsDerived,
    stories: stories.filter((story) => story.articles.length > 1),
    omitted: omitted.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id)),
    copies: copiesOf,
    leadOf: (article) => prepared(article).lead
  })
  return {briefing, selection, articles: shown, topics, topicsDerived, window}
}
