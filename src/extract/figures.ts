/**
 * Numeric figures with what they count and their hedge, as a unified plugin: `file.data.figures`.
 *
 * Numbers: digits with separators and decimals ("1,400", "2.5"), number words ("two dozen",
 * "a hundred", "seven-day"), scales ("$1.5 billion", "2.3m", "£600m"), percentages, currencies,
 * ranges ("between 200 and 300", "200-300", "200 to 300") and ratios ("three prisoners for every
 * hostage" → `per: "hostage"`). A hedge just before the number ("at least", "more than", "about",
 * "some", "the estimated"…) is the `qualifier`.
 *
 * Unit: what is counted, the first plural noun after the number, skipping up to three adjectives
 * ("150 Palestinian prisoners" → prisoners), keeping a demonym before a capitalised noun
 * ("Israeli Americans") and a list of nouns ("men, women, and children"). Currency symbols give
 * "dollars", "pounds", "euros"…, "%" gives "percent", "seven-day" gives "days". A count with no
 * noun of its own takes the unit of the figure before it in the sentence ("135 hostages …, with
 * 116 confirmed alive").
 *
 * Not figures: years (1000–2100 written without a separator, unless money or percent), dates
 * ("Oct. 7", "7 October"), times ("2 pm", "10:30"), ordinals ("21st"), decades ("1960s"),
 * identifiers (a bare number after a capitalised word inside the sentence: "Flight 847", or glued
 * to letters: "COVID-19"), a lone "one" (an article, not a count), and scores ("3-1").
 * Ages ("Mia Schem, 21,", "a 10-year-old") are kept with unit "years" and marked as ages.
 *
 * Score (intrinsic; topic relevance is added by a later stage):
 *   score = unit + hedge + magnitude + position + age, where
 *   unit      = 1 for people or a group of them (a plural noun for persons or a demonym),
 *               0.75 for money or percent, 0.5 for another unit, −0.5 when none is found
 *   hedge     = 0.5 when the figure carries a qualifier (a reader is told how exact it is)
 *   magnitude = min(1, log10(value) / 6): a million or more earns the full point
 *   position  = 0.5 × (1 − line index / line count): earlier in the article is worth more
 *   age       = −1 for an age, which is a detail about a person rather than a fact to report
 *
 * Modules: figure-forms.ts (the patterns of a number's form), figure-read.ts (one figure at a
 * number), figure-nouns.ts (what it counts), figure-phrases.ts (quantities in words),
 * figure-score.ts (the score); this file runs them over the body paragraphs.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Figure} from '../types.js'
import {readArticle, totalPoints} from './article.js'
import {hasCase} from './letters.js'
import {around, sentencesAt, type Span} from './sentences.js'
import {currencyBefore} from './units.js'
import {ageBefore, candidate, currencyPrefix, starts} from './figure-forms.js'
import {countedNoun, functionWords} from './figure-nouns.js'
import {phrased, phraseWords, readPhrase} from './figure-phrases.js'
import {readFigure} from './figure-read.js'
import {moneyUnits, scoreFigure} from './figure-score.js'

export interface Options {
  /**
   * Most adjectives skipped between a number and its noun.
   * @default 3
   */
  maxAdjectives?: number
  /**
   * Keep ages ("Mia Schem, 21,") as figures with unit "years".
   * @default true
   */
  ages?: boolean
}

const defaults: Required<Options> = {maxAdjectives: 3, ages: true}

declare module 'vfile' {
  interface DataMap {
    figures: Figure[]
  }
}

/** Find numeric figures, their units and hedges in the body paragraphs; sets `file.data.figures`. */
export default function remarkFigures(options?: Options) {
  const settings = {...defaults, ...options}
  return function (tree: Root, file: VFile) {
    file.data.figures = findFigures(tree, file, settings)
  }
}
// A figure's sentence beyond this many characters either side of it is cut at a word.
const shownAround = 300

// Score `figure`, found in `span` of a line's `text` at `position` (its line index over the line
// count), give it its sentence and its place in the article, and add it to `figures`.
function pushFigure(figures: Figure[], figure: Figure, age: boolean, inherited: boolean, span: Span, text: string, lineStart: number, position: number) {
  const shown = around(span, figure.start, figure.end, shownAround, shownAround, text)
  figure.sentence = text.slice(shown.start, shown.end)
  figure.start += lineStart
  figure.end += lineStart
  const reasons = scoreFigure(figure, age, inherited, position)
  figure.reasons = reasons
  figure.score = totalPoints(reasons)
  figures.push(figure)
}

function findFigures(tree: Root, file: VFile, settings: Required<Options>): Figure[] {
  const article = readArticle(tree, file)
  const lines = article.lines

  const figures: Figure[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const text = line.text
    const position = index / Math.max(1, lines.length)
    // Split into sentences only once a line turns out to hold a number.
    let sentences: Span[] | undefined
    let sentence = 0
    let previous: {unit: string; sentence: number; age: boolean; end: number} | undefined
    starts.lastIndex = 0
    let phraseSeen = false
    let start: RegExpExecArray | null
    while ((start = starts.exec(text))) {
      if (start[1] !== undefined) {
        phraseSeen = true
        continue
      }
      let from = start.index
      const first = text.charCodeAt(from)
      if (first < 48 || first > 57) {
        const prefix =
          first === 36 || first === 163 || first === 8364 || first === 165
            ? currencyPrefix.exec(text.slice(Math.max(0, from - 3), from))
            : null
        if (prefix) from -= prefix[1]!.length
      }
      candidate.lastIndex = from
      const match = candidate.exec(text)
      if (!match) continue
      starts.lastIndex = match.index + match[0].length
      // A currency code before the number, spaced or glued ("USD 5m", "Rs 2,000", "R500").
      let code = match[2] === undefined && mayFollowCode(text, match.index) ? currencyBefore.exec(text.slice(Math.max(0, match.index - 5), match.index)) : null
      // A lone glued letter code is money only before a real amount ("R500", not "R0" or "R2-D2").
      if (code && code[1]!.length <= 2 && !/[ \u00a0]$/.test(code[1]!) && (match[0].length < 2 || match[0] === '0' || text[match.index + match[0].length] === '-'))
        code = null
      if (!code && boxedIn(text, match)) continue
      sentences ??= sentencesAt(text, article.cuts(line))
      while (sentence < sentences.length - 1 && sentences[sentence]!.end <= match.index) sentence++
      const span = sentences[sentence] ?? {start: 0, end: text.length}
      const found = readFigure(text, match, span, settings, code?.[1])
      // A number past what a double holds (400 digits) would print as `null`: not a figure.
      if (!found || !isFiniteValue(found.figure.value)) continue
      if (found.consumed > starts.lastIndex) {
        // A phrase word inside what the figure read ("One-third of") is not seen by the scan:
        // look for one there (a little wider, for a word cut at either end).
        phraseSeen ||= phraseWords.test(text.slice(Math.max(0, starts.lastIndex - 8), found.consumed + 8))
        starts.lastIndex = found.consumed
      }
      const figure = found.figure
      let inherited = false
      let age = found.age
      // An ellipsed count takes the counted noun before it, never percent or money ("rose 0.4%
      // to 13,176": the level has no unit).
      if (
        figure.unit === '' &&
        previous &&
        previous.sentence === sentence &&
        previous.unit !== '' &&
        !moneyUnits.has(previous.unit) &&
        mayInherit(text, figure) &&
        (!previous.age || ageListed(text, previous.end, figure.start))
      ) {
        figure.unit = previous.unit
        inherited = true
        age = previous.age
      }
      previous = {unit: figure.unit, sentence, age, end: figure.end}
      pushFigure(figures, figure, age, inherited, span, text, line.start, position)
    }
    // Quantities in words: "hundreds of homes", "half of the voters", "one out of three
    // people", "twice", "threefold".
    phrased.lastIndex = 0
    let phrase: RegExpExecArray | null
    let phraseSentence = 0
    // Most lines hold none of their words (noted by the number scan): those skip the phrase regex.
    while (phraseSeen && (phrase = phrased.exec(text))) {
      if (phrase.index > 0 && isWordCode(text.charCodeAt(phrase.index - 1))) continue
      const read = readPhrase(phrase)
      if (!read) continue
      const head = phrase.index + phrase[0].length
      const noun = read.counts ? countedNoun(text, head, settings.maxAdjectives + 1) : undefined
      sentences ??= sentencesAt(text, article.cuts(line))
      while (phraseSentence < sentences.length - 1 && sentences[phraseSentence]!.end <= phrase.index) phraseSentence++
      const span = sentences[phraseSentence] ?? {start: 0, end: text.length}
      const end = noun ? noun.end : phrase.index + read.length
      const figure: Figure = {
        value: read.value,
        unit: noun?.unit ?? read.unit,
        text: text.slice(phrase.index, end),
        sentence: '',
        start: phrase.index,
        end,
        score: 0,
        reasons: []
      }
      pushFigure(figures, figure, false, false, span, text, line.start, position)
    }
  }
  // A phrase read whole ("one out of three people") wins over the numbers inside it. Figures come
  // in order but for a line's phrases, so most articles need no sort (which is stable, so the
  // order of figures it would leave in place is the same).
  if (!inOrder(figures)) figures.sort(byPlace)
  let kept = 0
  for (const figure of figures) if (kept === 0 || figure.start >= figures[kept - 1]!.end) figures[kept++] = figure
  figures.length = kept
  return figures
}

function byPlace(a: Figure, b: Figure): number {
  return a.start - b.start || b.end - a.end
}

function inOrder(figures: readonly Figure[]): boolean {
  for (let index = 1; index < figures.length; index++) if (byPlace(figures[index - 1]!, figures[index]!) > 0) return false
  return true
}

// A necessary condition for `currencyBefore` at a number: a code ends in a capital, "s" ("Rs"),
// "." ("Rs.") or a currency sign, glued or before one space. Most numbers follow a lower-case word.
function mayFollowCode(text: string, index: number): boolean {
  let code = text.charCodeAt(index - 1)
  if (code === 32 || code === 160) code = text.charCodeAt(index - 2)
  return (code >= 65 && code <= 90) || code === 115 || code === 46 || code > 0x20a0
}

// A count with a noun-like word of its own after it ("5.0 magnitude", "1 terabyte") or a decimal
// written without a scale ("version 4.1", "2.48 (6.12 acres)") does not take the noun before it;
// "35 were rescued", "seven more", "50 injured" do.
function mayInherit(text: string, figure: Figure): boolean {
  if (!Array.isArray(figure.value) && !Number.isInteger(figure.value) && !scaleWord.test(figure.text)) return false
  nextWord.lastIndex = figure.end
  const word = nextWord.exec(text)?.[1]
  if (word === undefined) return true
  if (word.charCodeAt(0) < 97) return false
  return functionWords.has(word) || inflected.test(word) || timeWords.has(word)
}
const nextWord = /[ \u00a0]*([A-Za-z]+)?/y

// An age passes its unit on only to ages listed with it ("Mia, 21, and Noa, 19", "40 and 49"),
// not to a count ("a 92-year-old woman, and injured sixteen").
function ageListed(text: string, previousEnd: number, start: number): boolean {
  return listJoint.test(text.slice(previousEnd, start)) || ageBefore.test(text.slice(Math.max(0, start - 24), start))
}
const listJoint = /^,?[ \u00a0]+(?:and|or)[ \u00a0]+$|^,[ \u00a0]+$/
const inflected = /(?:ed|ing|ly)$/
// "up from 1,500 last week": a time after the count leaves it ellipsed.
const timeWords = new Set(['last', 'next', 'yesterday', 'today', 'tonight'])
const scaleWord = /[a-z]$/i

function isFiniteValue(value: Figure['value']): boolean {
  return Array.isArray(value) ? Number.isFinite(value[0]) && Number.isFinite(value[1]) : Number.isFinite(value)
}

// A candidate glued to letters or digits before it ("A300", "x2"), or a word run glued after.
function boxedIn(text: string, match: RegExpExecArray): boolean {
  if (match.index > 0) {
    const before = text.charCodeAt(match.index - 1)
    // A URL's escape ("%3E2") too.
    if (isWordCode(before) || before === 46 || before === 44 || before === 58 || before === 47 || before === 37) return true
  }
  if (match[4] !== undefined) {
    const after = text.charCodeAt(match.index + match[0].length)
    if (isWordCode(after) && !text.startsWith('fold', match.index + match[0].length)) return true
  }
  return false
}

function isWordCode(code: number): boolean {
  if (Number.isNaN(code)) return false
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  if (code < 0xc0) return false
  return hasCase(code)
}

