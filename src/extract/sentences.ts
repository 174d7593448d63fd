/**
 * Sentence boundaries in one line of prose.
 *
 * A boundary is `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by white space
 * and a capital, a digit or an opening quote. It is not a boundary after a known abbreviation
 * ("Mr.", "Oct.", "Gen."), an initial ("J."), or a dotted acronym ("U.S.", "F.B.I.") unless a
 * common sentence opener follows, and never inside a protected range (a quotation may hold
 * several sentences and still stand in one sentence of the report).
 */

import {hasCase, letters} from './letters.js'
import {speechVerb} from './speech.js'

/** A half-open range `[start, end)` of the text. */
export interface Span {
  start: number
  end: number
}

// The part of `sentence` from `before` characters ahead of [from, to) to `after` characters past
// it, cut at spaces.
export function around(sentence: Span, from: number, to: number, before: number, after: number, text: string): Span {
  let start = sentence.start
  if (from - start > before) {
    start = text.indexOf(' ', from - before) + 1
    if (start <= 0 || start > from) start = from
  }
  let end = sentence.end
  if (end - to > after) {
    end = text.lastIndexOf(' ', to + after)
    if (end < to) end = to
  }
  return {start, end}
}

const boundary = new RegExp(`[.!?…]+["”’')\\]]*\\s+(?=["“‘(0-9${letters.upper}])`, 'g')

// prettier-ignore
const abbreviations = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Capt', 'Sgt', 'Maj',
  'Adm', 'Cmdr', 'Rev', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'vs', 'etc', 'Jan', 'Feb',
  'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Nos', 'Mt', 'Ft',
  'Ave', 'Blvd', 'Dept', 'Univ', 'approx', 'est', 'Fig', 'Gens', 'Pres', 'Supt', 'Det', 'Insp'
])

// prettier-ignore
const openers = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'However', 'In', 'This', 'That',
  'There', 'His', 'Her', 'Their', 'Its', 'On', 'At', 'After', 'As', 'And', 'Meanwhile', 'Officials'
])

/**
 * Where sentences of `text` end, before any protection: each cut is the start of the next
 * sentence. Whether a boundary ends a sentence depends only on the text around it, so the cuts
 * of a line can be found once and split it under several protections (see `sentencesAt`).
 */
export function sentenceCuts(text: string): number[] {
  const cuts: number[] = []
  boundary.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = boundary.exec(text))) {
    const cut = match.index + match[0].length
    const mark = text.charCodeAt(match.index)
    if (mark === 46 /* . */ && !endsSentence(text, match.index, cut)) continue
    // “Why?” Smith asked: a question or exclamation in quotes, then its attribution.
    if ((mark === 63 || mark === 33) && closesQuote(match[0]) && attributionNext(text, cut)) continue
    cuts.push(cut)
  }
  return cuts
}

/**
 * The sentences of `text`, trimmed, as spans into `text`, given its `cuts` (from `sentenceCuts`).
 * `protect`: ranges (sorted by start) in which no sentence may end, such as quotations.
 */
export function sentencesAt(text: string, cuts: readonly number[], protect: readonly Span[] = []): Span[] {
  const spans: Span[] = []
  let start = 0
  let guard = 0
  for (const cut of cuts) {
    while (guard < protect.length && protect[guard]!.end <= cut) guard++
    if (guard < protect.length && protect[guard]!.start < cut && cut < protect[guard]!.end) continue
    push(start, cut)
    start = cut
  }
  push(start, text.length)
  return spans

  function push(from: number, to: number) {
    while (from < to && isSpace(text.charCodeAt(from))) from++
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--
    if (to > from) spans.push({start: from, end: to})
  }
}

function closesQuote(run: string): boolean {
  return run.includes('”') || run.includes('"')
}

// Up to four capitalised words and a speech verb ("Smith said", "Ana Lopez asked"), or the verb
// first ("said Smith").
const attribution = new RegExp(
  `^(?:(?:[${letters.upper}][${letters.letter}’'.\\-]*\\s+){1,4}(?:${speechVerb})|(?:${speechVerb})\\s+[${letters.upper}])`
)

function attributionNext(text: string, at: number): boolean {
  return attribution.test(text.slice(at, at + 80))
}

// Whether the period at `dot` ends a sentence, given the word before it and the one after.
function endsSentence(text: string, dot: number, next: number): boolean {
  let from = dot
  while (from > 0 && dot - from < 24 && isWordChar(text.charCodeAt(from - 1))) from--
  if (from === dot) return true
  // A quotation opening after an abbreviation starts a sentence ("… in the U.S. “We …”").
  const opener = text.charCodeAt(next)
  if (opener === 0x201c || opener === 34) return true
  const word = text.slice(from, dot)
  if (abbreviations.has(word)) return false
  // An initial ("Antony J. Blinken").
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false
  // A dotted acronym ("U.S.", "a.m."): a boundary only before a common opener.
  if (word.includes('.')) {
    const after = /^[\p{L}]+/u.exec(text.slice(next, next + 16))
    return after !== null && openers.has(after[0])
  }
  return true
}

// Letters, dots, apostrophes and hyphens: the characters of a word before a full stop.
function isWordChar(code: number): boolean {
  if (code === 46 || code === 39 || code === 0x2019 || code === 45) return true
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  if (code < 0xc0) return false
  return hasCase(code)
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}
