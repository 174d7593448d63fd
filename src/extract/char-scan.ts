/**
 * Scans by character codes for the text around every quote: word counts, headline case, the
 * last token. End-anchored regexes here were tried at every position of the text before a cue.
 */
import {hasCase} from './letters.js'

// Most words capitalised: a headline-case line, where speech verbs are capitalised too. One pass
// by character codes: this runs on the text around every quote.
export function isHeadline(text: string): boolean {
  let total = 0
  let lower = 0
  let inside = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const word = isWordCode(code)
    if (word && !inside) {
      total++
      if (code >= 97 && code <= 122) lower++
    }
    inside = word || (inside && (code === 39 || code === 0x2019 || code === 45))
  }
  return total >= 3 && lower <= total / 5
}

/** Runs of letters or digits (with inner apostrophes and hyphens), by character codes. */
export function countWords(text: string): number {
  let count = 0
  let inside = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const word: boolean = isWordCode(code) || (inside && (code === 39 || code === 0x2019 || code === 45))
    if (word && !inside) count++
    inside = word
  }
  return count
}

function isWordCode(code: number): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  // Below Latin-1 letters, and general punctuation and symbols (quotes, dashes), are not letters.
  if (code < 0xc0 || (code >= 0x2000 && code <= 0x2bff)) return false
  return hasCase(code)
}

// The last run of non-space characters, read backwards by character codes: as an end-anchored
// regex it was tried at every position of the text before each cue.
export function lastToken(text: string): string | undefined {
  let end = text.length
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  if (end === 0) return undefined
  let start = end
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--
  return text.slice(start, end)
}

const messageWords = new Set(['message', 'words', 'reply', 'response', 'answer', 'verdict', 'advice', 'warning', 'retort', 'tweet', 'statement'])

// A necessary condition for `messageOf`, which is end-anchored: the text ends with one of its
// nouns after a space (then perhaps a colon or a dash).
export function endsWithMessage(text: string): boolean {
  let end = text.length
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  if (end > 0 && ':,—–-'.includes(text[end - 1]!)) end--
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && text.charCodeAt(start - 1) >= 97 && text.charCodeAt(start - 1) <= 122) start--
  return start > 0 && isSpaceCode(text.charCodeAt(start - 1)) && messageWords.has(text.slice(start, end))
}

// White space as `\s` matches it.
function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
