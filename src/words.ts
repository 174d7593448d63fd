/**
 * Word-level helpers shared by topics, scoring, selection and series: one tokeniser, one
 * stop-word list and one plural rule, so "hostages" means the same thing in every stage.
 */
import pluralize from 'pluralize'

/** Function words and news filler that never name a topic or a measured thing. */
export const stopWords = new Set(
  (
    'a about above after again against all almost along also although am among an and another any are around as at ' +
    'back be became because been before being below between both but by can could did do does doing done down during ' +
    'each either else even ever every few for from further get gets got had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just last least less like made make many may me might more most ' +
    'much must my near nearly neither never new next no nor not now of off on once one only or other others our ours out ' +
    'over own per perhaps rather said same say says see several she should since so some such than that the their theirs ' +
    'them themselves then there these they this those though through thus to too toward towards under until up upon us ' +
    'very via was we well were what when where whether which while who whom whose why will with within without would yet ' +
    'you your yours also according told tell tells week weeks year years day days today yesterday monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec time times first second third including include includes including ' +
    'reported reports report reportedly stated states stating announced called added noted two three four five six seven ' +
    'eight nine ten hundred hundreds thousand thousands million millions billion dozen dozens part people way ways use used ' +
    'still already later earlier early late currently recent recently went going come came take took taken give gave given ' +
    'mr mrs ms dr st percent whose being man men woman women matter special national international official officials ' +
    'government group thing things number lot former source sources regarding believe believed familiar ' +
    'according told around'
  ).split(' ')
)

/** A word: letters, digits, inner hyphens and apostrophes. */
export const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

// What `wordPattern` reads, one code point at a time: a table for the basic plane (0 not yet
// asked, 1 a letter or digit, 2 not), filled from the regular expression as each is first met,
// so the scanner below finds exactly its words without running it once per word.
const letterOrDigit = /^[\p{L}\p{N}]$/u
const upper = /^\p{Lu}$/u
const basicWordChars = new Uint8Array(0x10000)
const basicUpper = new Uint8Array(0x10000)

function classify(table: Uint8Array, pattern: RegExp, code: number) {
  let known = table[code]!
  if (known === 0) table[code] = known = pattern.test(String.fromCharCode(code)) ? 1 : 2
  return known === 1
}

/** The code point at `at`, a surrogate pair read as one, as a `u` pattern reads it. */
function codePointAt(text: string, at: number, end: number) {
  const code = text.charCodeAt(at)
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < end) {
    const low = text.charCodeAt(at + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + low - 0xdc00 + 0x10000
  }
  return code
}

/** ASCII letters and digits: most text is ASCII, read here (and in `wordAt`) without a call per character. */
export const asciiWordChars = new Uint8Array(0x80).map((_, code) => ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0))

/** True when the code point is a letter or digit (`[\p{L}\p{N}]`). */
function isWordCode(code: number) {
  if (code < 0x80) return asciiWordChars[code] === 1
  return code < 0x10000 ? classify(basicWordChars, letterOrDigit, code) : letterOrDigit.test(String.fromCodePoint(code))
}

/** True when `text` has a capital letter (`^\p{Lu}`) at `at`. */
export function upperAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at)
  if (first < 0x80) return first >= 65 && first <= 90
  const code = codePointAt(text, at, text.length)
  return code < 0x10000 ? classify(basicUpper, upper, code) : upper.test(String.fromCodePoint(code))
}

/** Where the next word of `text` at or after `from` starts (before `to`), or -1: the start of `wordPattern`'s next match in `text.slice(from, to)`. */
export function nextWord(text: string, from: number, to = text.length): number {
  for (let at = from; at < to;) {
    const first = text.charCodeAt(at)
    if (first < 0x80) {
      if (asciiWordChars[first] === 1) return at
      at++
      continue
    }
    const code = codePointAt(text, at, to)
    if (isWordCode(code)) return at
    at += code > 0xffff ? 2 : 1
  }
  return -1
}

/** Where the word starting at `start` ends (before `to`): letters and digits, joined by inner hyphens and apostrophes. */
export function wordEnd(text: string, start: number, to = text.length): number {
  let at = start
  for (;;) {
    while (at < to) {
      const first = text.charCodeAt(at)
      if (first < 0x80) {
        if (asciiWordChars[first] !== 1) break
        at++
        continue
      }
      const code = codePointAt(text, at, to)
      if (!isWordCode(code)) break
      at += code > 0xffff ? 2 : 1
    }
    const joiner = text.charCodeAt(at)
    if (at + 1 < to && (joiner === 45 || joiner === 39 || joiner === 0x2019) && isWordCode(codePointAt(text, at + 1, to))) at++
    else return at
  }
}

/** A word as the stages compare it: lower case, with a typographic apostrophe made straight. */
export function wordKey(surface: string): string {
  const lower = surface.toLowerCase()
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower
}

/** Words of a text, lower-cased, with their surface form: letters, digits, inner hyphens and apostrophes. */
export function words(text: string): {word: string; surface: string; index: number}[] {
  const result: {word: string; surface: string; index: number}[] = []
  for (let start = nextWord(text, 0), end = 0; start >= 0; start = nextWord(text, end)) {
    end = wordEnd(text, start)
    const surface = text.slice(start, end)
    result.push({word: wordKey(surface), surface, index: start})
  }
  return result
}

/** Where each word of a text starts. */
export function wordStarts(text: string): number[] {
  const starts: number[] = []
  for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd(text, start))) starts.push(start)
  return starts
}

/** How many words `words` finds in a text, without making them. */
export function countWords(text: string): number {
  let count = 0
  for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd(text, start))) count++
  return count
}

// pluralize knows English inflection ("crises" → "crisis", "children" → "child"); these are
// the words news counts in that it gets wrong for our use: mass nouns and units that keep their
// form, and units spelled out the way figures name them.
const uncountable = [
  'data', 'media', 'news', 'series', 'species', 'means', 'percent', 'police', 'staff', 'personnel',
  'equipment', 'information', 'aircraft', 'livestock', 'headquarters', 'hp', 'bhp', 'rpm', 'mph',
  'mpg', 'kwh', 'mah', 'ppm', 'ppb', 'lb-ft', 'crore', 'lakh', 'yuan', 'yen', 'rand', 'baht', 'won'
]
for (const word of uncountable) pluralize.addUncountableRule(word)
const irregularPlurals = new Map([['km', 'kilometres']])

/**
 * `inflect` remembered per word: a build meets the same few thousand words again and again, and
 * pluralize tries dozens of rules each time (a rule list tried per word is as slow). Bounded, so a
 * stream of odd words cannot grow it.
 */
export function remembered<T>(inflect: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>()
  return (word) => {
    let found = known.get(word)
    if (found === undefined) {
      found = inflect(word)
      if (known.size >= 200_000) known.clear()
      known.set(word, found)
    }
    return found
  }
}

const pluralizeSingular = remembered((word) => pluralize.singular(word))
const pluralizePlural = remembered((word) => pluralize.plural(word))

/** The singular a plural most likely stands for: "casualties" → "casualty", "crises" → "crisis". */
export function singular(word: string): string {
  return word.length <= 3 ? word : pluralizeSingular(word)
}

/** The plural of a counted noun, the inverse of `singular`: "casualty" → "casualties", "person" → "people". */
export function plural(word: string): string {
  const irregular = irregularPlurals.get(word)
  if (irregular) return irregular
  // Shares and currencies do not take an s: "40 percent", "£600m".
  if (/(?:%|percent|\$|€|£)$/.test(word)) return word
  return pluralizePlural(word)
}

/** The sentences of a text, split after `.`, `!` or `?` unless the dot ends a known abbreviation. */
export function sentences(text: string): {text: string; start: number}[] {
  const result: {text: string; start: number}[] = []
  const bounds = sentenceBounds(text)
  for (let index = 0; index < bounds.length; index += 2) result.push({text: text.slice(bounds[index], bounds[index + 1]).trim(), start: bounds[index]!})
  return result
}

/**
 * Where the sentences of `sentences` stand in the text, without cutting them out: start and end
 * of each, one after the other. A start is the sentence's untrimmed start, as `sentences` gives it.
 */
export function sentenceBounds(text: string): number[] {
  const bounds: number[] = []
  const boundary = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu
  let start = 0
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length
    const before = text.slice(start, match.index + 1)
    // "U.S.", "Oct.", "Mr." end in a dot without ending the sentence.
    if (/(?:^|[\s(])(?:[\p{Lu}]|[\p{Lu}]\.[\p{Lu}]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)\.$/u.test(before)) continue
    bounds.push(start, end)
    start = end
  }
  if (start < text.length && nextNonSpace(text, start, text.length) < text.length) bounds.push(start, text.length)
  return bounds
}

/**
 * Calls `visit` with the start and end of each capitalised word of `text` and the start of its
 * sentence (its first non-space character): what both readers of names in a text walk over.
 */
export function eachCapitalised(text: string, visit: (start: number, stop: number, sentenceStart: number) => void): void {
  const bounds = sentenceBounds(text)
  for (let index = 0; index < bounds.length; index += 2) {
    const end = bounds[index + 1]!
    const first = nextNonSpace(text, bounds[index]!, end)
    for (let start = nextWord(text, first, end), stop = 0; start >= 0; start = nextWord(text, stop, end)) {
      stop = wordEnd(text, start, end)
      // Most words are not capitalised: the cheapest test first, without cutting the word out.
      if (upperAt(text, start)) visit(start, stop, first)
    }
  }
}

/** The first position from `at` on that is not white space as `trim` and `\s` know it (`end` when none is). */
export function nextNonSpace(text: string, at: number, end: number): number {
  while (at < end && isSpace(text.charCodeAt(at))) at++
  return at
}

function isSpace(code: number) {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** The sentence of `text` that holds `part`; the whole text when `part` is not found in it. */
export function sentenceAround(text: string, part: string): string {
  const at = text.indexOf(part)
  if (at < 0) return text
  const bounds = sentenceBounds(text)
  for (let index = bounds.length - 2; index >= 0; index -= 2) if (bounds[index]! <= at) return text.slice(bounds[index], bounds[index + 1]).trim()
  return text
}

/** The lower-case words of a text, in order (`words`' `word`, without the rest). */
export function wordKeys(text: string): string[] {
  const keys: string[] = []
  for (let start = nextWord(text, 0), end = 0; start >= 0; start = nextWord(text, end)) keys.push(wordKey(text.slice(start, (end = wordEnd(text, start)))))
  return keys
}

/** The distinct lower-case words of a text. */
export function wordSet(text: string): Set<string> {
  return new Set(wordKeys(text))
}

/** Share of the smaller set of words that the other text also has: 1 when one contains the other. */
export function wordOverlap(a: string | Set<string>, b: string | Set<string>): number {
  const left = typeof a === 'string' ? wordSet(a) : a
  const right = typeof b === 'string' ? wordSet(b) : b
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / Math.min(left.size, right.size)
}
