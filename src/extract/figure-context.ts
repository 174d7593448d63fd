/**
 * The context of a candidate number, tested cheaply: the word before it, whether a hedge, a month
 * or a name may end the text before it. Each test is a necessary condition checked by character
 * code or a set lookup before the end-anchored pattern it guards is tried.
 */
import {letters} from './letters.js'
import {guard} from './figure-forms.js'

// Identifiers and dates that look like counts: a status id, a telephone number, a street address,
// a model name before the number, the second day of a span of dates ("May 24 to 26").
export const plainDigits = /^\d+$/
export const phoneNumber = /^\d{3}-\d{4}$/
export const streetAfter = guard(
  /(?:[ \u00a0][A-Z][A-Za-z’'\-]*\.?){1,3}[ \u00a0](?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Place|Pl|Court|Ct|Terrace|Parkway|Pkwy)\b/y,
  'one',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
)
export const blockAfter = guard(/[ \u00a0]block[ \u00a0]of\b/y, 'one', 'b')
export const dayJoins = new Set(['to', 'and', 'or', 'through', 'until', 'till'])
// "May 24 to 26": the second day of a span of dates.
export const dayRangeBefore =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \u00a0]\d{1,2}(?:st|nd|rd|th)?,?[ \u00a0](?:to|and|or|through|until|till)[ \u00a0]$/

// The last word of \`text\` (letters only, after trailing spaces), lower case; '' when none.
export function lastWord(text: string): string {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 160)) end--
  let start = end
  while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--
  return text.slice(start, end).toLowerCase()
}

export function capitalStartCode(text: string): boolean {
  const code = text.charCodeAt(0)
  return code >= 65 && code <= 90
}

export function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let index = to - 1
  while (index >= from && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 160)) index--
  return index < from
}

// Cheap necessary conditions, by character code or the word before, for the end-anchored
// patterns tried at every candidate number: most candidates fail them, and such a regex is tried
// at every position of the text before the number.
export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 160
}

// The last words of the hedges (`hedge`); '' when the text before ends in "approx.".
const hedgeEnds = new Set(['least', 'most', 'than', 'over', 'nearly', 'almost', 'about', 'approximately', 'some', 'around', 'roughly', 'estimated', 'to', 'as', 'of', 'under', 'between', ''])

export function mayHedge(previousWord: string, before: string): boolean {
  if (previousWord !== '') return hedgeEnds.has(previousWord)
  let end = before.length
  while (end > 0 && isSpaceCode(before.charCodeAt(end - 1))) end--
  return end < before.length && before.charCodeAt(end - 1) === 46
}

const monthStarts = new Set('jan feb mar apr may jun jul aug sep oct nov dec'.split(' '))

// `monthBefore`: the word before is a month, or ('' for the word) a month's "." or "," and one
// space end the text ("Oct. ", "Nov, ").
export function mayBeMonth(previousWord: string, before: string): boolean {
  if (previousWord !== '') return monthStarts.has(previousWord.slice(0, 3))
  const mark = before.charCodeAt(before.length - 2)
  return isSpaceCode(before.charCodeAt(before.length - 1)) && (mark === 46 || mark === 44)
}

const upperPattern = new RegExp(`[${letters.upper}]`)
const letterPattern = new RegExp(`[${letters.letter}]`)

// `capitalBefore`: the text ends (before one space) with "#", "number" or a word of letters, "&"
// and "-" holding a capital ("Flight", "S&P", "No.").
export function mayNameBefore(before: string): boolean {
  let end = before.length
  if (end > 0 && isSpaceCode(before.charCodeAt(end - 1))) end--
  if (end > 0 && (before.charCodeAt(end - 1) === 35 || before.charCodeAt(end - 1) === 46)) return true
  let start = end
  let capital = false
  while (start > 0) {
    const char = before[start - 1]!
    const code = char.charCodeAt(0)
    if (code >= 65 && code <= 90) capital = true
    else if (code >= 0xc0 && upperPattern.test(char)) capital = true
    else if (!((code >= 97 && code <= 122) || code === 38 || code === 45 || (code >= 0xc0 && letterPattern.test(char)))) break
    start--
  }
  return capital || before.slice(start, end) === 'number'
}

/**
 * Whether a model name of letters, digits and letters ends one space before `index` ("Core i7
 * 4790k", "Galaxy S21 128GB"), opening at `from` or after a space or "(": read by character
 * code, as it is tried before every number that follows a space.
 */
export function modelNameBefore(text: string, from: number, index: number): boolean {
  if (!isSpaceCode(text.charCodeAt(index - 1))) return false
  let at = index - 2
  while (at >= from && isLetterCode(text.charCodeAt(at))) at--
  const digitsEnd = at
  while (at >= from && isDigitCode(text.charCodeAt(at))) at--
  if (at === digitsEnd) return false
  const lettersEnd = at
  while (at >= from && isLetterCode(text.charCodeAt(at))) at--
  if (at === lettersEnd) return false
  if (at < from) return true
  const code = text.charCodeAt(at)
  return code === 32 || code === 160 || code === 40
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57
}

const letter = /[\p{L}]/u

// "^\d{4}$" by character code: tested at every number.
export function isFourDigits(text: string): boolean {
  if (text.length !== 4) return false
  for (let index = 0; index < 4; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) return false
  }
  return true
}

// "one", "a" or "an", in any letter case.
export function isLoneOne(words: string): boolean {
  if (words.length > 3) return false
  const lower = words.toLowerCase()
  return lower === 'one' || lower === 'a' || lower === 'an'
}

// A letter at `index` (any script; ASCII tested by code first).
export function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128 || Number.isNaN(code)) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return letter.test(text[index]!)
}

// A capital may open at this code: an ASCII one, or any letter beyond ASCII (tested by pattern).
export function mayBeCapital(code: number): boolean {
  return (code >= 65 && code <= 90) || code >= 128
}
