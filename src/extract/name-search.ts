/**
 * Cheap tests on an article's text that spare the reading of names (see `indexNames` in
 * names.ts) its costly steps: each lets through every text where the step could find something,
 * and is wrong only in that direction. Reading the names runs over every capitalised word up to
 * a quote, and was most of the cost of finding speakers.
 */
import {letters} from './letters.js'
import {particle, particles, plain} from './name-words.js'
import {speechVerbFirstWords} from './speech.js'

// What `plain` may change into ASCII: Latin letters with an accent ("ğ" → "g"), the marks
// themselves, and a few signs ("K" for the Kelvin sign, ";" for the Greek question mark, "=" for "≠").
const foldable = /[\u00C0-\u024F\u0300-\u036F\u037E\u1E00-\u1EFF\u1FEF\u212A\u212B\u2260\u226E\u226F]/
const mark = /\p{M}/u
// Outside the basic plane a character may become one of fewer code units.
const surrogate = /[\uD800-\uDFFF]/

/**
 * `text` as `plain` (name-words.ts) spells each word, character for character, so that "Erdogan"
 * is found where the text has "Erdoğan"; `''` when that cannot be kept in step with the text (a
 * mark, which `plain` drops, or a character that becomes more or fewer code units).
 */
export function plainLetters(text: string): string {
  if (!foldable.test(text)) return text
  if (mark.test(text) || surrogate.test(text)) return ''
  const folded = plain(text)
  return folded.length === text.length ? folded : ''
}

const upper = new RegExp(`[${letters.upper}]`)
// What follows a word inside a name: spaces, perhaps a particle, and the next word's capital.
const nextNameWord = new RegExp(`[ \\u00a0]+(?:${particle}[ \\u00a0]+)?[${letters.upper}]`, 'y')

/**
 * Whether `first` and `second` may open a run of three name words or more in `text`
 * ("first second Third …"): the runs a two-word name may stand for are all such.
 */
export function mayOpenRun(text: string, first: string, second: string): boolean {
  for (let at = text.indexOf(second); at !== -1; at = text.indexOf(second, at + 1)) {
    nextNameWord.lastIndex = at + second.length
    if (!nextNameWord.test(text)) continue
    const end = spacesBefore(text, at)
    if (end < at && text.startsWith(first, end - first.length)) return true
  }
  return false
}

/**
 * Whether the ASCII word `surname`, at or after `from` in `text` (found in `plainText`, its
 * `plainLetters`), may be the last word of a longer name (after a word with a capital, or a
 * particle) or the first word of one (before a capitalised word): only those give it a fuller name.
 */
export function mayBeFuller(text: string, plainText: string, surname: string, from: number): boolean {
  for (let index = 0; index < surname.length; index++) if (surname.charCodeAt(index) > 127) return true
  for (let at = plainText.indexOf(surname, from); at !== -1; at = plainText.indexOf(surname, at + 1)) {
    nextNameWord.lastIndex = at + surname.length
    if (nextNameWord.test(text)) return true
    const end = spacesBefore(text, at)
    if (end === at) continue
    let start = end
    while (start > 0 && !isNameSpace(text.charCodeAt(start - 1))) start--
    const word = text.slice(start, end)
    if (upper.test(word) || particles.has(word)) return true
  }
  return false
}

// Where the spaces (and no-break spaces) right before `at` start.
function spacesBefore(text: string, at: number): number {
  let end = at
  while (end > 0 && isNameSpace(text.charCodeAt(end - 1))) end--
  return end
}

function isNameSpace(code: number): boolean {
  return code === 32 || code === 160
}

// A cheap necessary condition for `subjectOfSpeech` (names.ts) on the 24 characters after a mention: a
// comma or white space, then a word that can open a speech verb (or "also", "later", "then").
// Read by character codes (as `/,?\s+([a-z]+)/y` would): this runs for most capitalised words.
export function mayOpenSpeech(text: string, after: number): boolean {
  let index = text.charCodeAt(after) === 44 ? after + 1 : after
  const spaces = index
  while (isRegexSpace(text.charCodeAt(index))) index++
  if (index === spaces) return false
  const start = index
  while (isLower(text.charCodeAt(index))) index++
  if (index === start) return false
  // The regex sees only 24 characters: a word cut short there is left to it.
  if (index >= after + 24) return true
  const word = text.slice(start, index)
  return speechVerbFirstWords.has(word) || word === 'also' || word === 'later' || word === 'then'
}

// What `\s` matches.
function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

export function isLower(code: number): boolean {
  return code >= 97 && code <= 122
}
