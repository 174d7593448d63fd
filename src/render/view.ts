import type {Briefing, BriefingFigure, BriefingQuote} from '../briefing/chronology.js'
import {displayText} from '../briefing/quotes.js'
import {labelsFor, type Labels} from './labels.js'

/** What the caller tells the templates besides the briefing itself. */
export interface ViewOptions {
  lang: string
  dir: 'ltr' | 'rtl'
  brand: {name: string; color: string; logo?: string; footer: string; unsubscribeUrl?: string; webUrl?: string}
  /** Items auto-fit left out of this email; the note says they are in the web version. @default 0 */
  omitted?: number
}

/** Template output that is already HTML (the preheader padding); every other value is escaped. */
export class Raw {
  constructor(readonly html: string) {}
}

const defaults = {omitted: 0}

// Light and dark page colours; the brand colour is adjusted against them for readable text.
const paper = '#ffffff'
const night = '#17181a'

/**
 * The data the templates see: the briefing as given (`briefing`), plus what a template should not
 * have to compute: readable dates, the preheader, colours with enough contrast, the sources list.
 */
export function buildView(briefing: Briefing, options: ViewOptions) {
  const settings = {...defaults, ...options}
  const labels = labelsFor(settings.lang)
  const date = dateFormatter(settings.lang)
  const sources = sourceList(briefing, date)
  const sourceNumber = new Map(sources.map((source, index) => [source.id, index + 1]))
  const credit = (item: {article: string; date: string; sources: BriefingQuote['sources']}) => {
    const first = item.sources.find((source) => source.id === item.article) ?? item.sources[0]
    return {
      dateLabel: date(item.date),
      source: first?.source ?? '',
      url: first?.url ?? '',
      ref: sourceNumber.get(item.article) ?? 0,
      alsoReported: Math.max(0, item.sources.length - 1),
      reportedBy: item.sources.length > 1 ? labels.count.reportedBy(item.sources.length) : ''
    }
  }
  const counts = {
    quotes: briefing.topics.reduce((sum, topic) => sum + topic.quotes.length, 0),
    figures: briefing.topics.reduce((sum, topic) => sum + topic.figures.length + topic.series.filter((series) => series.points.length > 1).length, 0)
  }
  const accent = readableOn(settings.brand.color, paper)
  const preheader = preheaderOf(briefing)
  return {
    lang: settings.lang,
    dir: settings.dir,
    brand: settings.brand,
    // Filled in for each reader when their message is composed (deliver/message.ts); the built
    // files keep them as written, so the preview and email.eml show where they go.
    reader: {email: '{{reader.email}}', name: '{{reader.name}}', token: '{{reader.token}}'},
    colors: {brand: settings.brand.color, accent, accentDark: readableOn(settings.brand.color, night), onBrand: contrast(settings.brand.color, '#ffffff') >= 4.5 ? '#ffffff' : '#111111', paper, night},
    briefing,
    title: briefing.title,
    periodLabel: periodLabel(briefing, date),
    preheader,
    // Mail clients fill the inbox preview with body text after the preheader; invisible
    // joiners and spaces take up that room instead.
    preheaderPad: new Raw('&#847;&zwnj;&nbsp;'.repeat(Math.max(0, 110 - preheader.length))),
    // The header counts what the email shows: series rows are figures too.
    countsLabel: [labels.count.articles(briefing.articles.length), labels.count.quotes(counts.quotes), labels.count.figures(counts.figures)].join(' · '),
    /** The words of the email in its language (`lang`): one locale file per language. */
    /** Section headings in capitals, by the language's own rules (no CSS text-transform, which Outlook and Gmail drop). */
    headings: {stories: labels.upper(labels.stories), timeline: labels.upper(labels.timeline), figures: labels.upper(labels.figures), figuresOverTime: labels.upper(labels.figuresOverTime), sources: labels.upper(labels.sources), leftOut: labels.upper(labels.leftOut)},
    labels: {stories: labels.stories, timeline: labels.timeline, keyFigure: labels.keyFigure, figures: labels.figures, figuresOverTime: labels.figuresOverTime, overTime: labels.overTime, sources: labels.sources, leftOut: labels.leftOut, unattributed: labels.unattributed, moreNote: labels.moreNote, readOnWeb: labels.readOnWeb, unsubscribe: labels.unsubscribe},
    counts: {articles: briefing.articles.length, ...counts},
    timeline: briefing.articles.map((article) => ({
      ...article,
      dateLabel: date(article.date),
      ref: sourceNumber.get(article.id) ?? 0,
      figure: article.topFigure ? displayText(article.topFigure.shown) : '',
      alsoFrom: (article.copies ?? []).map((copy) => copy.source ?? copy.id).join(', ')
    })),
    stories: (briefing.stories ?? []).map((story) => ({
      title: story.title,
      count: story.articles.length,
      sources: story.sources,
      label: `${labels.count.sources(story.sources)}${story.sources !== story.articles.length ? `, ${labels.count.articles(story.articles.length)}` : ''}`,
      refs: story.articles.map((id) => sourceNumber.get(id) ?? 0).filter((ref) => ref > 0).sort((a, b) => a - b).map((ref) => `[${ref}]`).join(' ')
    })),
    leftOut: leftOut(briefing, date, labels),
    topics: briefing.topics
      .filter((topic) => topic.quotes.length + topic.figures.length + topic.series.length > 0)
      .map((topic) => ({
        name: topic.name,
        // A quote that ran on into the sentence (“…, he said”) loses its trailing comma when it stands alone.
        quotes: topic.quotes.map((quote) => ({...quote, ...credit(quote), text: displayText(quote.text).replace(/[,;:]\s*$/u, ''), frame: quote.frame ? displayText(quote.frame) : '', speaker: quote.speaker || ''})),
        figures: topic.figures.map((figure) => ({...figure, ...credit(figure), text: displayText(figure.shown), context: around(displayText(figure.sentence), displayText(figure.text), 200)})),
        series: topic.series
          .filter((series) => series.points.length > 1)
          .map((series) => ({
            unit: series.label,
            steps: series.points.map((point, index) => ({value: numberText(point.value, settings.lang), qualifier: point.qualifier ?? '', dateLabel: date(point.date), first: index === 0})),
            // The hedge stays with its number: "at least 199" is not the same claim as "199".
            line: series.points.map((point) => `${point.qualifier ? `${point.qualifier} ` : ''}${numberText(point.value, settings.lang)}`).join(' → '),
            shown: series.points.map((point) => displayText(point.shown)),
            span: `${date(series.points[0]?.date ?? '')} – ${date(series.points.at(-1)?.date ?? '')}`
          }))
      })),
    sources,
    notes: briefing.notes,
    more: {count: settings.omitted, url: settings.brand.webUrl ?? '', label: labels.count.more(settings.omitted)}
  }
}

export type View = ReturnType<typeof buildView>

/** How many articles were left out and why, and the ones worth naming (all but those outside the window), at most 20. */
function leftOut(briefing: Briefing, date: (day: string) => string, labels: Labels) {
  const omitted = briefing.omitted ?? []
  const reasons = new Map<string, number>()
  for (const entry of omitted) {
    const reason = entry.why.replace(/^(duplicate of|unreadable|outside the window|over limits\.articles).*$/, '$1')
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  const named = omitted.filter((entry) => !entry.why.startsWith('outside the window'))
  return {
    count: omitted.length,
    summary: omitted.length === 0 ? '' : `${labels.count.articles(omitted.length)}: ${[...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).join(', ')}.`,
    items: named.slice(0, 20).map((entry) => ({...entry, label: `${entry.title ?? entry.id}${entry.date ? `, ${date(entry.date)}` : ''}: ${entry.why}`})),
    more: Math.max(0, named.length - 20)
  }
}

/** Every article the email cites, numbered in date order: the timeline's and the items' sources. */
function sourceList(briefing: Briefing, date: (day: string) => string) {
  const byId = new Map<string, {id: string; title: string; date: string; source?: string; url?: string}>()
  for (const article of briefing.articles) byId.set(article.id, article)
  for (const topic of briefing.topics) {
    for (const item of [...topic.quotes, ...topic.figures]) {
      for (const source of item.sources) if (!byId.has(source.id)) byId.set(source.id, source)
    }
  }
  return [...byId.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .map((article, index) => ({n: index + 1, id: article.id, title: article.title, source: article.source ?? '', url: article.url ?? '', date: article.date, dateLabel: date(article.date)}))
}

function preheaderOf(briefing: Briefing): string {
  const quote = briefing.topics.flatMap((topic) => topic.quotes).sort((a, b) => b.score - a.score)[0]
  const figure = briefing.topics.flatMap((topic) => topic.figures).sort((a, b) => b.score - a.score)[0]
  const lead = briefing.articles.at(-1)?.lead
  const text = quote && (!figure || quote.score >= figure.score)
    ? `“${displayText(quote.text).replace(/[,\s]+$/, '')}”${quote.speaker ? ` — ${quote.speaker}` : ''}`
    : figure ? displayText(figure.shown) : lead ?? briefing.title
  return shorten(text, 140)
}

/** Up to `length` characters of `sentence` with `part` in view, ellipses where it was cut. */
function around(sentence: string, part: string, length: number) {
  if (sentence.length <= length) return sentence
  const at = Math.max(0, sentence.indexOf(part))
  let start = Math.max(0, Math.min(at - Math.floor((length - part.length) / 2), sentence.length - length))
  if (start > 0) start = sentence.indexOf(' ', start) + 1
  const clipped = shorten(sentence.slice(start), length)
  return start > 0 ? `…${clipped}` : clipped
}

function shorten(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1).replace(/\s+\S*$/, '')}…` : text
}

function periodLabel(briefing: Briefing, date: (day: string) => string) {
  const {start, end} = briefing.period
  return start === end ? date(start) : `${date(start)} – ${date(end)}`
}

function dateFormatter(lang: string) {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat(lang, {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})
  } catch {
    format = new Intl.DateTimeFormat('en', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})
  }
  return (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? format.format(new Date(`${day}T00:00:00Z`)) : day)
}

function numberText(value: BriefingFigure['value'], lang: string) {
  const format = (number: number) => number.toLocaleString(lang === 'en' ? 'en-US' : lang)
  return Array.isArray(value) ? `${format(value[0])}–${format(value[1])}` : format(value)
}

/** The colour itself when it reads well on `background` (WCAG AA, 4.5:1), else mixed toward black or white until it does. */
function readableOn(color: string, background: string): string {
  if (contrast(color, background) >= 4.5) return color
  const target = luminance(background) > 0.5 ? [0, 0, 0] : [255, 255, 255]
  const rgb = channels(color)
  for (let step = 1; step <= 20; step++) {
    const mixed = rgb.map((value, index) => Math.round(value + ((target[index] ?? 0) - value) * (step / 20)))
    const hex = `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`
    if (contrast(hex, background) >= 4.5) return hex
  }
  return luminance(background) > 0.5 ? '#000000' : '#ffffff'
}

function channels(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

function luminance(hex: string) {
  const [r = 0, g = 0, b = 0] = channels(hex).map((value) => {
    const channel = value / 255
    return channel <= 0.039_28 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu, …), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return /^(?:ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)(?:-|$)/i.test(lang) ? 'rtl' : 'ltr'
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
