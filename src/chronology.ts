import type {Highlight, Selection} from './select.js'
import type {Article, Figure, Quote, Reason} from './types.js'
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

interface Attribution {
  /** The article the item was taken from. */
  article: string
  date: string
  /** Every article that reported it (near-duplicates merged), as `{id, title, date}`. */
  sources: {id: string; title: string; date: string; source?: string; url?: string}[]
  score: number
  reasons: Reason[]
}

export type BriefingQuote = Omit<Quote, 'score' | 'reasons'> & Attribution
export type BriefingFigure = Omit<Figure, 'score' | 'reasons'> & Attribution

/** One measured thing reported on several dates: hostages held 199 → 135 → 24. */
export interface FigureSeries {
  unit: string
  points: {date: string; value: Figure['value']; qualifier?: string; text: string; article: string}[]
}

export interface Briefing {
  id: string
  title: string
  period: {start: string; end: string}
  /** In date order. */
  articles: BriefingArticle[]
  topics: {name: string; quotes: BriefingQuote[]; figures: BriefingFigure[]; series: FigureSeries[]}[]
}

/**
 * Lays the selection out in time: a timeline of the window's articles, and inside each topic its
 * items in date order. A figure whose unit recurs on several dates within a topic becomes a series.
 */
export function layOutChronology(selection: Selection, articles: Article[], period: Period, title: string): Briefing {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const ordered = [...articles].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
  const attribution = (highlight: Highlight): Attribution => ({
    article: highlight.article,
    date: highlight.date,
    sources: highlight.sources.map((id) => {
      const article = byId.get(id)
      return {id, title: article?.title ?? id, date: article?.date ?? '', ...(article?.source ? {source: article.source} : {}), ...(article?.url ? {url: article.url} : {})}
    }),
    score: highlight.score,
    reasons: highlight.reasons
  })
  const byDate = (a: Highlight, b: Highlight) => a.date.localeCompare(b.date) || a.item.start - b.item.start
  const topics = selection.topics.map((topic) => {
    const figures = [...topic.figures].sort(byDate).map((highlight) => ({...stripScore(highlight.item), ...attribution(highlight)}))
    return {
      name: topic.name,
      quotes: [...topic.quotes].sort(byDate).map((highlight) => ({...stripScore(highlight.item), ...attribution(highlight)})),
      figures,
      series: seriesOf(figures)
    }
  })
  return {
    id: period.label,
    title,
    period: {start: period.start, end: period.end},
    articles: ordered.map((article) => {
      const best = [...article.figures].sort((a, b) => b.score - a.score)[0]
      return {
        id: article.id,
        title: article.title,
        date: article.date,
        ...(article.dateNote ? {dateNote: article.dateNote} : {}),
        ...(article.source ? {source: article.source} : {}),
        ...(article.url ? {url: article.url} : {}),
        lead: firstSentence(article.paragraphs[0] ?? ''),
        ...(best ? {topFigure: {...stripScore(best), article: article.id, date: article.date, sources: [{id: article.id, title: article.title, date: article.date}], score: best.score, reasons: best.reasons}} : {})
      }
    }),
    topics
  }
}

function stripScore<T extends {score: number; reasons: Reason[]}>(item: T): Omit<T, 'score' | 'reasons'> {
  const {score: _score, reasons: _reasons, ...rest} = item
  return rest
}

function seriesOf(figures: BriefingFigure[]): FigureSeries[] {
  const byUnit = new Map<string, BriefingFigure[]>()
  for (const figure of figures) byUnit.set(figure.unit, [...(byUnit.get(figure.unit) ?? []), figure])
  return [...byUnit.entries()]
    .filter(([, entries]) => new Set(entries.map((entry) => entry.date)).size > 1)
    .map(([unit, entries]) => ({
      unit,
      points: entries.map((entry) => ({date: entry.date, value: entry.value, ...(entry.qualifier ? {qualifier: entry.qualifier} : {}), text: entry.text, article: entry.article}))
    }))
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
