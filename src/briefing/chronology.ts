import type {Highlight, SeriesHighlight, Selection} from './select.js'
import type {Article, Figure, Quote, Reason, Topic} from '../types.js'
import type {Period} from './window.js'

export interface BriefingArticle {
  id: string
  title: string
  date: string
  dateNote?: string
  source?: string
  url?: string
  /** The first sentence of the article: what the timeline shows. */
  lead: string
  /** The article's best figure, for the timeline. */
  topFigure?: BriefingFigure
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

export type BriefingQuote = Omit<Quote, 'score' | 'reasons'> & Attribution
export type BriefingFigure = Omit<Figure, 'score' | 'reasons'> & Attribution

/** One measured thing reported on several dates: hostages held 199 → 135 → 24. */
export interface FigureSeries {
  key: string
  /** What is measured, in words: "hostages held". */
  label: string
  /** The family of the counted noun: "hostage". */
  unit: string
  /** In date order, one per date. */
  points: {date: string; value: Figure['value']; qualifier?: string; text: string; article: string; sources: BriefingSource[]}[]
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
}

export interface LayoutOptions {
  topics?: Topic[]
  topicsDerived?: boolean
}

/**
 * Lays the selection out in time: a timeline of the window's articles (headline, lead sentence,
 * top figure), and inside each topic its items in date order with their sources and its series of
 * figures over time as rows of dated values.
 */
export function layOutChronology(selection: Selection, articles: Article[], period: Period, title: string, options?: LayoutOptions): Briefing {
  const settings = {topics: [] as Topic[], topicsDerived: false, ...options}
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
      quotes: [...topic.quotes].sort(byDate).map((highlight) => ({...stripScore(highlight.item), ...attribution(highlight)})),
      figures: [...topic.figures].sort(byDate).map((highlight) => ({...stripScore(highlight.item), ...attribution(highlight)})),
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
        lead: firstSentence(article.paragraphs[0] ?? ''),
        ...(best ? {topFigure: {...stripScore(best.item), ...attribution(best)}} : {})
      }
    }),
    topics,
    topicsDerived: settings.topicsDerived,
    notes
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

// Abbreviations such as "U.S." or "Mr." end in a full stop without ending the sentence.
function firstSentence(paragraph: string) {
  const match = /^.+?[.!?]["”’]?(?=\s+[“"A-Z]|$)/su.exec(paragraph)
  let sentence = match?.[0] ?? paragraph
  while (/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|U\.S|U\.N)\.$/.test(sentence) && sentence.length < paragraph.length) {
    const rest = /^.+?[.!?]["”’]?(?=\s+[“"A-Z]|$)/su.exec(paragraph.slice(sentence.length))
    if (!rest) return paragraph
    sentence += rest[0]
  }
  return sentence.trim()
}
