import type {Article} from '../types.js'
import {writtenAt, type Written} from './written.js'
import {countWords, eachCapitalised, nextWord, sentences, stopWords, upperAt, wordEnd, wordKey, wordStarts} from '../words.js'

/**
 * What an article is about, read the way an editor reads a story: its lead (the news in one or
 * two sentences, without dateline, agency tag, date line or byline) and the names its headline
 * and lead paragraph give, which tell an aside about another place or event from the story.
 */

/** At most this many words in a lead (the rule: the news in one or two sentences). */
export const leadWords = 60

// "WASHINGTON —", "TEL AVIV —", "Washington (AFP) –", "LONDON (Reuters) -", "(CNN) —": a place in
// capitals or a short capitalised place with an agency tag, then a dash.
const dateline = /^(?:(?:\p{Lu}[\p{Lu}\p{M} .,'’-]{1,40}?|\p{Lu}[\p{L}.'’-]+(?:[ ,]+\p{Lu}[\p{L}.'’-]+){0,3}\s*\([\p{L}\p{N} .&-]{2,30}\))\s*[—–-]{1,2}\s+|\([\p{Lu}][\p{L} .&-]{1,20}\)\s*[—–-]{0,2}\s*)/u
const weekday = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'
const month = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?'
// A paragraph that only dates the story: "Friday, October 25, 2019", "25 October 2019", "2019-10-25".
const dateLine = new RegExp(`^(?:${weekday},?\\s+)?(?:${month}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${month},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\.?$`, 'iu')
// "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline paragraph.
const byline = /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,))*(?:,\s*[\p{L} ]{0,40})?$/iu

/** The body paragraphs a reader is meant to read: date lines and bylines left out, the first one's dateline cut. */
export function bodyParagraphs(article: Pick<Article, 'paragraphs'>): string[] {
  return bodyOf(article).map((paragraph) => paragraph.text)
}

/** `bodyParagraphs` with the place in `article.paragraphs` each is read from, and whether a dateline was cut from it (else it is that paragraph trimmed). */
export function bodyOf(article: Pick<Article, 'paragraphs'>): {text: string; from: number; cut: boolean}[] {
  const body = article.paragraphs
    .map((paragraph, from) => ({text: paragraph.trim(), from, cut: false}))
    .filter(({text}) => text && !dateLine.test(text) && !(byline.test(text) && countWords(text) <= 12))
  if (body[0]) {
    const text = stripDateline(body[0].text)
    body[0] = {...body[0], text, cut: text !== body[0].text}
  }
  return body.filter(({text}) => text)
}

/** The paragraph without a leading dateline or agency tag. */
export function stripDateline(paragraph: string): string {
  let text = paragraph
  for (let cut = dateline.exec(text); cut && cut[0].length < text.length; cut = dateline.exec(text)) text = text.slice(cut[0].length)
  return text
}

/**
 * The lead: the first sentence of the body; a second one when the first is short (under 12 words)
 * and both fit in 60 words. A first sentence over 60 words is cut at its last comma (or word)
 * within the limit and ends in an ellipsis.
 */
export function leadOf(article: Pick<Article, 'paragraphs'>, body = bodyParagraphs(article)): string {
  const first = body[0] ?? ''
  const [one, two] = sentences(first).map((sentence) => sentence.text)
  if (!one) return ''
  const words = countWords(one)
  if (two && words < 12 && words + countWords(two) <= leadWords) return `${one} ${two}`
  if (words <= leadWords) return one
  const kept = wordStarts(one)[leadWords] ?? one.length
  const head = one.slice(0, kept)
  const comma = head.lastIndexOf(',')
  return `${(comma > head.length / 2 ? head.slice(0, comma) : head).trim().replace(/[,;:—–-]+$/u, '')}…`
}

/**
 * A name's key: lower case, cut to its first five letters so that "Israel", "Israeli" and
 * "Israelis" meet, as do "Gaza" and "Gazan".
 */
export function nameKey(word: string): string {
  const lower = word.toLowerCase()
  const end = lower.length
  // A possessive's "'s" or "’s" is cut: "Israel's" is "Israel".
  const possessive = end >= 2 && lower.charCodeAt(end - 1) === 115 && (lower.charCodeAt(end - 2) === 39 || lower.charCodeAt(end - 2) === 0x2019)
  return lower.slice(0, Math.min(5, possessive ? end - 2 : end))
}

/**
 * Words of names that name no one in particular: "Islamic State" and "United States" share only
 * "State", "White House" and "House of Commons" only "House".
 */
const genericNames = new Set(('state states united house white minister prime president party secretary department office ' +
  'council court republic national government army force forces ministry news university north south east west new city county ' +
  'general federal international union world air royal supreme central democratic republican people western eastern ' +
  'northern southern middle arab european asian african latin').split(' '))

/**
 * Names in a text: capitalised words that do not open a sentence and are not function words, and
 * acronyms ("U.S.", "NATO") wherever they stand. Returned as name keys.
 */
export function namesIn(text: string): Set<string> {
  const found = new Set<string>()
  eachCapitalised(text, (start, stop, first) => addName(found, text, start, stop, first))
  return found
}

/** Adds to `names` the name key of the capitalised word at `start`…`stop` of a sentence starting at `first`, when it is a name (`namesIn`). */
export function addName(names: Set<string>, text: string, start: number, stop: number, first: number, word = writtenAt(text, start, stop)): void {
  // An acronym names something even where a sentence starts; a dotted one runs past the word ("U.S.").
  if (start === first && !/^\p{Lu}{2,}$/u.test(word.surface) && !dottedAcronym(text, start)) return
  const name = (word.name ??= nameOf(word))
  if (name) names.add(name)
}

/** The name key of a capitalised word, or "" for a function word or a word of names that names no one in particular. */
function nameOf(word: Written) {
  const key = word.key.surface
  return !stopWords.has(key) && !genericNames.has(key) && key.length >= 2 ? nameKey(word.surface) : ''
}

/** "U.S.", "U.N.": capitals each followed by a dot, at `at`. */
function dottedAcronym(text: string, at: number) {
  dotted.lastIndex = at
  return dotted.test(text)
}

const dotted = /(?:\p{Lu}\.){2,}/uy

/**
 * The names of the story an article tells: those of its headline and first two paragraphs, and
 * those the article comes back to (named in three paragraphs or more).
 */
export function storyNames(article: Pick<Article, 'title' | 'paragraphs'>, body = bodyParagraphs(article), namesOf: (paragraph: number) => Set<string> = (paragraph) => namesIn(body[paragraph]!)): Set<string> {
  const names = namesIn(article.title)
  // A headline in title case capitalises every word; its first word may be a name too.
  const headlineFirst = nextWord(article.title, 0)
  if (headlineFirst >= 0 && upperAt(article.title, headlineFirst)) {
    const surface = article.title.slice(headlineFirst, wordEnd(article.title, headlineFirst))
    if (!stopWords.has(wordKey(surface))) names.add(nameKey(surface))
  }
  const seen = new Map<string, number>()
  for (const index of body.keys()) {
    for (const name of namesOf(index)) {
      if (index < 2) names.add(name)
      seen.set(name, (seen.get(name) ?? 0) + 1)
    }
  }
  for (const [name, count] of seen) if (count >= 3) names.add(name)
  return names
}

/**
 * Why a sentence is an aside to the article's story, or undefined when it is not: it names places,
 * people or bodies (`names`, as `namesIn` reads them from it) and none of them is one the headline
 * or lead paragraph names ("members of the Islamic State kidnapped…" in a story about Gaza).
 */
export function asideWhy(names: Set<string>, story: Set<string>): string | undefined {
  if (names.size === 0 || story.size === 0) return undefined
  for (const name of names) if (story.has(name)) return undefined
  return `its sentence names ${[...names].slice(0, 3).join(', ')}, none of the names of the headline and lead`
}
