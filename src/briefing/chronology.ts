import {leadOf} from './lead.js'
import {plural, sentenceAround} from '../words.js'
import type {Highlight, SeriesHighlight, Selection} from './select.js'
import type {Story} from './stories.js'
import type {Article, Figure, Omitted, Quote, Reason, Topic} from '../types.js'
import type {Period} from './window.js'

export interface BriefingArticle {
  id: string
  title: string
  date: string
  dateNote?: string
  source?: string
  url?: string
  /** The news in one or two sentences (at most 60 words), without dateline, date line or byline. */
  lead: string
  /** The article's key figure, for the timeline: its news. */
  topFigure?: BriefingFigure
  /** Other copies of this article (the same URL or text) that were merged into it. */
  copies?: BriefingSource[]
}

/** An article that reported an item. */
export interface BriefingSource {
  id: string
  title: string
  date: string
  source?: string
  url?: string
}

interface Attribution {
  /** The article the item was taken from. */
  article: string
  date: string
  /** Every article that reported it (near-duplicates merged), the one it was taken from first. */
  sources: BriefingSource[]
  /** `sources.length`, for templates: "reported by 3 sources" when above 1. */
  sourceCount: number
  score: number
  reasons: Reason[]
}

export type BriefingQuote = Omit<Quote, 'score' | 'reasons'> & Attribution & {
  /** For a partial quote: the reporter's sentence it is printed in. */
  frame?: string
}
export type BriefingFigure = Omit<Figure, 'score' | 'reasons'> & Attribution & {
  /** The phrase the email prints: the number with its hedge, its counted thing and the words that give it meaning. */
  shown: string
}

/** One measured thing reported on several dates: hostages held 199 → 135 → 24. */
export interface FigureSeries {
  key: string
  /** What is measured, in words: "hostages held". */
  label: string
  /** The family of the counted noun: "hostage". */
  unit: string
  /** In date order, one per date. */
  points: {date: string; value: Figure['value']; qualifier?: string; text: string; shown: string; unit: string; sentence: string; article: string; sources: BriefingSource[]}[]
  /** The row as text: "at least 199 (2023-10-17) → 135 (2023-12-12) → 24 (2025-03-05)". */
  summary: string
}

export interface BriefingTopic {
  name: string
  /** The keywords the topic was matched with (for derived topics: its top terms). */
  keywords: string[]
  quotes: BriefingQuote[]
  figures: BriefingFigure[]
  series: FigureSeries[]
}

export interface Briefing {
  id: string
  title: string
  period: {start: string; end: string}
  /** In date order. */
  articles: BriefingArticle[]
  topics: BriefingTopic[]
  /** True when no topics were configured and they were derived from the articles. */
  topicsDerived: boolean
  /** Editor's notes for the reader, such as how the topics were found. */
  notes: string[]
  /** Articles reported as one story, largest first. */
  stories: Story[]
  /** Every article read and left out, with why. */
  omitted: Omitted[]
}

export interface LayoutOptions {
  topics?: Topic[]
  topicsDerived?: boolean
  stories?: Story[]
  omitted?: Omitted[]
  /** Copies merged into an article, by the id of the article kept. */
  copies?: Map<string, Article[]>
  /** Each article's lead, when it was found already (`Prepared`). */
  leadOf?: (article: Article) => string
}

/**
 * Lays the selection out in time: a timeline of the window's articles (headline, lead sentence,
 * top figure), and inside each topic its items in date order with their sources and its series of
 * figures over time as rows of dated values.
 */
export function layOutChronology(selection: Selection, articles: Article[], period: Period, title: string, options?: LayoutOptions): Briefing {
  const settings = {topics: [] as Topic[], topicsDerived: false, stories: [] as Story[], omitted: [] as Omitted[], copies: new Map<string, Article[]>(), leadOf: (article: Article) => leadOf(article), ...options}
  const byId = new Map(articles.map((article) => [article.id, article]))
  const sourceOf = (id: string): BriefingSource => {
    const article = byId.get(id)
    return {id, title: article?.title ?? id, date: article?.date ?? '', ...(article?.source ? {source: article.source} : {}), ...(article?.url ? {url: article.url} : {})}
  }
  const ordered = [...articles].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
  const attribution = (highlight: Highlight): Attribution => ({
    article: highlight.article,
    date: highlight.date,
    sources: highlight.sources.map(sourceOf),
    sourceCount: highlight.sources.length,
    score: highlight.score,
    reasons: highlight.reasons
  })
  const byDate = (a: Highlight, b: Highlight) => a.date.localeCompare(b.date) || a.item.start - b.item.start
  const topics = selection.topics.map((topic) => {
    return {
      name: topic.name,
      keywords: settings.topics.find((entry) => entry.name === topic.name)?.keywords ?? [],
      quotes: [...topic.quotes].sort(byDate).map((highlight) => ({...stripScore(highlight.item), ...(highlight.display ? {text: highlight.display} : {}), ...(highlight.frame ? {frame: highlight.frame} : {}), ...attribution(highlight)})),
      figures: [...topic.figures].sort(byDate).map((highlight) => ({...stripScore(highlight.item), shown: highlight.shown ?? highlight.item.text, ...attribution(highlight)})),
      series: topic.series.map((entry) => seriesOf(entry, sourceOf))
    }
  })
  const notes = settings.topicsDerived
    ? [`No topics were configured, so these were derived from the ${articles.length} articles: ${settings.topics.map((topic) => topic.name).join('; ')}.`]
    : []
  return {
    id: period.label,
    title,
    period: {start: period.start, end: period.end},
    articles: ordered.map((article) => {
      const best = selection.topFigures[article.id]
      return {
        id: article.id,
        title: article.title,
        date: article.date,
        ...(article.dateNote ? {dateNote: article.dateNote} : {}),
        ...(article.source ? {source: article.source} : {}),
        ...(article.url ? {url: article.url} : {}),
        lead: settings.leadOf(article),
        ...(best ? {topFigure: {...stripScore(best.item), shown: best.shown ?? best.item.text, ...attribution(best)}} : {}),
        ...(settings.copies.get(article.id)?.length ? {copies: (settings.copies.get(article.id) ?? []).map((copy) => ({id: copy.id, title: copy.title, date: copy.date, ...(copy.source ? {source: copy.source} : {}), ...(copy.url ? {url: copy.url} : {})}))} : {})
      }
    }),
    topics,
    topicsDerived: settings.topicsDerived,
    notes,
    stories: settings.stories,
    omitted: settings.omitted
  }
}

function stripScore<T extends {score: number; reasons: Reason[]}>(item: T): Omit<T, 'score' | 'reasons'> {
  const {score: _score, reasons: _reasons, ...rest} = item
  return rest
}

function seriesOf(entry: SeriesHighlight, sourceOf: (id: string) => BriefingSource): FigureSeries {
  const points = entry.points.map((point) => ({
    date: point.date,
    value: point.item.value,
    ...(point.item.qualifier ? {qualifier: point.item.qualifier} : {}),
    text: point.item.text,
    shown: point.shown ?? point.item.text,
    unit: plural(entry.measure.family),
    sentence: sentenceAround(point.item.sentence, point.item.text),
    article: point.article,
    sources: point.sources.map(sourceOf)
  }))
  return {
    key: entry.key,
    label: entry.measure.label,
    unit: entry.measure.family,
    points,
    summary: points.map((point) => `${point.qualifier ? `${point.qualifier} ` : ''}${formatValue(point.value)} (${point.date})`).join(' → ')
  }
}

const numberFormat = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2})

function formatValue(value: Figure['value']) {
  const format = (number: number) => numberFormat.format(number)
  return Array.isArray(value) ? `${format(value[0])}–${format(value[1])}` : format(value)
}
