/**
 * Quotation marks paired into quotes, line by line (see the rules in quotes.ts), and the windows
 * of text around a quote in which its attribution is read, with every quotation blanked.
 */
import type {Article} from './article.js'
import {sentencesAt, type Span} from './sentences.js'

export interface Raw {
  line: number
  /** Index of the opening mark in the line. */
  open: number
  /** Index of the closing mark, or the trimmed line end when the quote runs on. */
  close: number
  continued: boolean
  group: number
  sentence: Span
  /** Index of the sentence in `Marks.sentences` of its line. */
  sentenceIndex: number
}

interface Marks {
  raws: Raw[]
  /** The sentences of each line that holds a quote, with the quotes protected. */
  sentences: Map<number, Span[]>
}

const marks = /[“”"]/g
const citation = /^\s*(?:\[[^\]]{0,40}\]|\([^)]{0,40}\))?\s*$/
const opensWithQuote = /^["“]/u

// Pair quotation marks line by line; see the module docblock for the rules.
export function findMarks(article: Article): Marks {
  const lines = article.proseLines
  const raws: Raw[] = []
  const lineSentences = new Map<number, Span[]>()
  let group = 0
  let carried = false
  for (const [index, line] of lines.entries()) {
    const text = line.text
    const found: Array<{open: number; close: number}> = []
    let open = -1
    marks.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = marks.exec(text))) {
      const at = match.index
      const mark = match[0]
      if (mark === '“') open = at
      else if (mark === '”') {
        if (open >= 0) {
          found.push({open, close: at})
          open = -1
        }
      } else if (open >= 0 && at > 0 && !isSpace(text.charCodeAt(at - 1))) {
        found.push({open, close: at})
        open = -1
      } else if (at + 1 < text.length && !isSpace(text.charCodeAt(at + 1))) open = at
    }
    const next = open >= 0 ? lines[index + 1]?.text.trimStart() : undefined
    if (next !== undefined && opensWithQuote.test(next)) {
      found.push({open, close: trimEnd(text, open + 1, text.length)})
    } else open = -1

    const carriedIn = carried
    carried = open >= 0
    if (found.length === 0) continue
    const protect = found.map((span) => ({start: span.open, end: span.close + 1}))
    const sentences = sentencesAt(text, article.cuts(line), protect)
    lineSentences.set(index, sentences)
    let sentenceIndex = 0
    let previousClose = -1
    for (const [position, span] of found.entries()) {
      const continues = position === 0 && carriedIn && span.open === firstMark(text)
      // A quote that directly follows another, with only space or a citation between, is the
      // same speech.
      const adjacent = previousClose >= 0 && citation.test(text.slice(previousClose + 1, span.open))
      if (!continues && !adjacent) group++
      previousClose = span.close
      while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex]!.end <= span.open) sentenceIndex++
      const candidate = sentences[sentenceIndex]
      const inside = candidate && candidate.start <= span.open && span.open < candidate.end
      const sentence = inside ? candidate : {start: 0, end: text.length}
      raws.push({line: index, open: span.open, close: span.close, continued: continues, group, sentence, sentenceIndex})
    }
  }
  return {raws, sentences: lineSentences}
}

// The window with every quotation in it (marks included) blanked out, so that speech verbs and
// names inside quotes are never taken for attribution. `near`: the index of a raw of that line
// close to the window, from which the scan starts; `line`: the line of the window.
export function maskWindow(text: string, window: Span, raws: readonly Raw[], near: number, line = raws[near]!.line): string {
  let first = near
  while (
    first > 0 &&
    (raws[first - 1]!.line > line || (raws[first - 1]!.line === line && raws[first - 1]!.close >= window.start))
  )
    first--
  while (first < raws.length && (raws[first]!.line < line || (raws[first]!.line === line && raws[first]!.close < window.start)))
    first++
  let masked = ''
  let from = window.start
  for (let index = first; index < raws.length; index++) {
    const raw = raws[index]!
    if (raw.line !== line || raw.open >= window.end) break
    const start = Math.max(from, raw.open)
    const end = Math.min(window.end, raw.close + 1)
    if (end <= start) continue
    masked += text.slice(from, start) + ' '.repeat(end - start)
    from = end
  }
  masked += text.slice(from, window.end)
  return masked.includes('](') ? masked.replace(link, readLink) : masked
}

// A Markdown link is read as its text ("said [Mar Hicks](http://…), a historian"): its brackets
// and destination become no-break spaces, which keep the offsets and, unlike the plain spaces of
// a blanked quotation, never end the text read after a quote.
const link = /\[([^\[\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]*\))*\)/g

function readLink(markup: string, label: string): string {
  return '\u00a0' + label + '\u00a0'.repeat(markup.length - label.length - 1)
}

export function nextOpen(masked: string, from: number): number {
  // Masked quotes are runs of spaces; the segment after a quote ends at the next run of three.
  const at = masked.indexOf('   ', from)
  return at === -1 ? masked.length : at
}

function firstMark(text: string): number {
  let index = 0
  while (index < text.length && isSpace(text.charCodeAt(index))) index++
  return index
}

export function trimStart(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  return from
}

export function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return to
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}
