/**
 * Where an article names someone: runs of capitalised words ("Secretary of State Antony J.
 * Blinken", "Mr. O’Leary"), found by a search for the next capital and tried by one pattern
 * there, and whether the word before a run makes it a place or an audience. names.ts reads who
 * they are.
 */
import {letters} from './letters.js'
import {openers, particle, titles} from './name-words.js'
import {isLower} from './name-search.js'

const token = `(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr)\\.|[${letters.upper}](?:\\.|[${letters.letter}’'\\-]*))`

// The character before a mention is checked in code: a lookbehind here would run at every
// character of the article. A lone opener or title ("The", "President") is most of the
// capitalised words of an article and never a person on its own, so it is passed over here
// rather than in code: a capital not followed by a plain word of `lone` standing alone.
const lone = [...new Set([...openers, ...titles])]
  .filter((word) => /^[A-Za-z]+$/.test(word))
  .sort((a, b) => b.length - a.length)
export const nameSpaces = /[ \u00a0]+/
const mentionPattern = new RegExp(
  String.raw`(?=[${letters.upper}])(?!(?:${lone.join('|')})(?![${letters.letter}’'.\-]|[ \u00a0]+(?:${particle}[ \u00a0]+)?[${letters.upper}]))` +
    String.raw`${token}(?:[ \u00a0]+(?:${particle}[ \u00a0]+)?${token})*`,
  'y'
)
const capital = new RegExp(`[${letters.upper}]`, 'g')

// The first mention at or after `from`. Every mention opens with a capital: a search for the
// next one, tried by the pattern where it stands, costs far less than the pattern's own search,
// which tries its lookaheads at every character of the article.
export function nextMention(text: string, from: number): RegExpExecArray | null {
  for (;;) {
    capital.lastIndex = from
    if (!capital.test(text)) return null
    const at = capital.lastIndex - 1
    mentionPattern.lastIndex = at
    const match = mentionPattern.exec(text)
    if (match) return match
    from = at + 1
  }
}

// Names after these are places, bodies or audiences ("told Scientific American"), not people.
const placeWords = new Set(
  'in at from to near into across of on for toward towards outside inside the told tells a an'.split(' ')
)

// Whether the word before `at` makes the name there a place, a body or an audience; read
// backwards by character codes, as this runs for most capitalised words.
export function placeBefore(text: string, at: number): boolean {
  let end = at
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--
  let start = end
  while (start > 0 && end - start <= 8 && isLower(text.charCodeAt(start - 1))) start--
  if (start === end || !placeWords.has(text.slice(start, end))) return false
  // "according to Kidston" names a source, not a place.
  return !(text.slice(start, end) === 'to' && text.slice(Math.max(0, start - 10), start).toLowerCase() === 'according ')
}

// The words of a mention, split at runs of spaces and no-break spaces (a mention has no other
// white space, and neither end is a space).
export function splitAtSpaces(mention: string): string[] {
  const words: string[] = []
  let start = 0
  for (let index = 0; index < mention.length; index++) {
    const code = mention.charCodeAt(index)
    if (code !== 32 && code !== 160) continue
    if (index > start) words.push(mention.slice(start, index))
    start = index + 1
  }
  words.push(mention.slice(start))
  return words
}
