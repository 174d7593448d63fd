import type {Briefing} from '../briefing/chronology.js'
import type {Templates} from './templates.js'
import {renderHtml} from './html.js'
import {mostThatFit} from './fit-search.js'
import {mjmlOfView, type RenderedMjml, type ViewOptions} from './mjml.js'
import {textOfView} from './text.js'
import {renderWebHtml} from './web.js'
import {buildView} from './view.js'

/** An item auto-fit left out of the email (it stays in the web version). */
export interface Dropped {
  kind: 'quote' | 'figure' | 'article' | 'story'
  topic?: string
  /** The quote, the figure, the article title or the story's title, as the build output shows it. */
  label: string
  score: number
}

export interface RenderedEmail {
  /** The briefing as the email shows it, after auto-fit. */
  briefing: Briefing
  mjml: RenderedMjml
  html: string
  /** The plain-text part of the same items: auto-fit drops from both alike. */
  text: string
  /** Every item, no budget: what `web.html` holds (the same as `html` when nothing was dropped). */
  webHtml: string
  /** Lowest score first, the order they were dropped in. */
  dropped: Dropped[]
}

export interface FitOptions extends Omit<ViewOptions, 'omitted'> {
  /** Bytes of HTML; Gmail clips larger messages. @default 102400 */
  budget?: number
  /** Bytes of the plain-text part, which travels in the same message. @default 102400 */
  textBudget?: number
  /**
   * How many items the previous fit of this briefing left out (the preview passes its last cut):
   * the search starts there, so a small edit renders three times instead of a dozen.
   */
  lastDropped?: number
}

const defaults = {budget: 102_400, textBudget: 102_400}

interface Rendered {
  briefing: Briefing
  mjml: RenderedMjml
  html: string
  text: string
}

interface Item {
  dropped: Dropped
  date: string
  /** Position in the briefing, so equal scores keep a stable order. */
  order: number
  /** What it is in the briefing: an article's id, or its topic's index and the item's article and start. */
  key: string
}

/**
 * Renders the email and, when its HTML or its plain text is over its budget, drops the lowest-scored items (quotes,
 * figures, timeline entries, stories) until it fits, telling the reader how many more the web version has.
 * The count is searched for from the sizes of the emails tried (fit-search.ts), so a briefing of
 * thousands of items renders a handful of times: it starts from the previous cut when given, else
 * from what the whole briefing's size suggests.
 */
export async function renderEmail(briefing: Briefing, templates: Templates, options: FitOptions): Promise<RenderedEmail> {
  const {budget, textBudget, lastDropped, ...view} = {...defaults, ...options}
  const render = async (shown: Briefing, omitted: number): Promise<Rendered> => {
    const built = buildView(shown, {...view, omitted})
    const mjml = mjmlOfView(built, templates)
    return {briefing: shown, mjml, html: await renderHtml(mjml), text: textOfView(built)}
  }
  const full = await renderWeb(briefing, templates, view, budget)
  if (full.text !== undefined && fitsIn(full.text, textBudget)) return {...full, text: full.text, webHtml: full.html, dropped: []}
  const webHtml = full.html

  // Best first: keeping the first `keep` items of this list is what a smaller email means.
  const items = itemsOf(briefing).sort((a, b) => b.dropped.score - a.dropped.score || b.date.localeCompare(a.date) || a.order - b.order)
  let best: Rendered | undefined
  let least: Rendered | undefined
  const sizeOf = async (keep: number) => {
    const rendered = await render(without(briefing, items.slice(keep)), items.length - keep)
    const size = Math.max(Buffer.byteLength(rendered.html) / budget, Buffer.byteLength(rendered.text) / textBudget)
    // Each count that fits is more than the last: the latest is the best.
    if (size <= 1) best = rendered
    else if (keep === 0) least = rendered
    return size
  }
  // Without a previous cut, the share of the budget the whole briefing would use guesses one: the
  // size of an email grows about in step with its items, so the search starts near its end.
  const share = Math.min(budget / webHtml.length, full.text === undefined ? 1 : textBudget / full.text.length)
  const guess = lastDropped === undefined ? Math.floor(items.length * share * 0.9) : items.length - lastDropped
  const kept = await mostThatFit(items.length, guess, sizeOf)
  if (!best) {
    least ??= await render(briefing, 0)
    return {...least, webHtml, dropped: items.reverse().map((item) => item.dropped)}
  }
  return {...best, webHtml, dropped: items.slice(kept).reverse().map((item) => item.dropped)}
}

/**
 * Every item, no budget: the web version, and the email when it fits. Its plain text is made only
 * when the HTML fits, since only then can the whole briefing be the email.
 */
async function renderWeb(briefing: Briefing, templates: Templates, options: ViewOptions, budget: number) {
  const built = buildView(briefing, options)
  const mjml = mjmlOfView(built, templates)
  const html = await renderWebHtml(mjml)
  return {briefing, mjml, html, text: fitsIn(html, budget) ? textOfView(built) : undefined}
}

/** A string no longer than `limit` characters may still be longer in UTF-8 bytes; one longer cannot be shorter. */
const fitsIn = (text: string, limit: number) => text.length <= limit && Buffer.byteLength(text) <= limit

function itemsOf(briefing: Briefing): Item[] {
  const items: Item[] = []
  const best = new Map<string, number>()
  for (const topic of briefing.topics) {
    for (const item of [...topic.quotes, ...topic.figures]) best.set(item.article, Math.max(best.get(item.article) ?? Number.NEGATIVE_INFINITY, item.score))
  }
  briefing.articles.forEach((article, index) => {
    // An entry counts for as much as the best item taken from its article.
    const score = best.get(article.id) ?? article.topFigure?.score ?? 0
    items.push({dropped: {kind: 'article', label: article.title, score}, date: article.date, order: index, key: articleKey(article.id)})
  })
  // A story counts for as much as its best entry, and is as recent as its newest article: a week
  // of thousands of articles has hundreds of stories, more than an email can list.
  const entries = new Map(briefing.articles.map((article, index) => [article.id, items[index]!]))
  // As the view does, a briefing made before stories existed has none.
  for (const [index, story] of (briefing.stories ?? []).entries()) {
    let score = Number.NEGATIVE_INFINITY
    let date = ''
    for (const id of story.articles) {
      const entry = entries.get(id)
      if (!entry) continue
      score = Math.max(score, entry.dropped.score)
      if (entry.date > date) date = entry.date
    }
    items.push({dropped: {kind: 'story', label: story.title, score: Number.isFinite(score) ? score : 0}, date, order: items.length, key: storyKey(index)})
  }
  briefing.topics.forEach((topic, topicIndex) => {
    for (const quote of topic.quotes) {
      items.push({dropped: {kind: 'quote', topic: topic.name, label: `“${quote.text}”${quote.speaker ? ` (${quote.speaker})` : ''}`, score: quote.score}, date: quote.date, order: items.length, key: itemKey(topicIndex, 'quote', quote)})
    }
    for (const figure of topic.figures) {
      items.push({dropped: {kind: 'figure', topic: topic.name, label: figure.text, score: figure.score}, date: figure.date, order: items.length, key: itemKey(topicIndex, 'figure', figure)})
    }
  })
  return items
}

const articleKey = (id: string) => `article\0${id}`
const storyKey = (index: number) => `story\0${index}`
const itemKey = (topic: number, kind: 'quote' | 'figure', item: {article: string; start: number}) => `${kind}\0${topic}\0${item.article}\0${item.start}`

/** The briefing less `dropped`, in one pass over each list: a fit of thousands of items stays linear. */
function without(briefing: Briefing, dropped: Item[]): Briefing {
  const gone = new Set(dropped.map((item) => item.key))
  return {
    ...briefing,
    articles: briefing.articles.filter((article) => !gone.has(articleKey(article.id))),
    ...(briefing.stories ? {stories: briefing.stories.filter((_, index) => !gone.has(storyKey(index)))} : {}),
    topics: briefing.topics.map((topic, index) => {
      const figures = topic.figures.filter((figure) => !gone.has(itemKey(index, 'figure', figure)))
      const removed = topic.figures.filter((figure) => gone.has(itemKey(index, 'figure', figure)))
      // A series point stands for a figure: it goes with it, and a series needs two points.
      const pointGone = new Set(removed.map((figure) => `${figure.article}\0${figure.text}`))
      return {
        ...topic,
        quotes: topic.quotes.filter((quote) => !gone.has(itemKey(index, 'quote', quote))),
        figures,
        series: pointGone.size === 0 ? topic.series : topic.series
          .map((series) => ({...series, points: series.points.filter((point) => !pointGone.has(`${point.article}\0${point.text}`))}))
          .filter((series) => series.points.length > 1)
      }
    })
  }
}
