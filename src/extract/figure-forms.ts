/**
 * The forms a number takes in news prose, as patterns shared by the figure reader: digits with
 * separators and decimals, number words, currency signs, scales, percentages, ranges, and the
 * words around a number that make it a date, a time, an ordinal or a year.
 */
import {byFirstLetter} from './alternation.js'
import {letters} from './letters.js'
import {symbolInitials, unitSymbolAfter} from './units.js'

// prettier-ignore
const cardinals = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'
]
// Case is spelled out in the pattern ("[Ee]ight") rather than with the `i` flag: the candidate
// scan runs over every character of the article and is much faster without `i` and `u`.
export const cardinal = `${byFirstLetter(cardinals, true)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`
const cardinalInside = `${byFirstLetter(cardinals)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`
const scaleWord = String.raw`(?:hundred|thousand|million|billion|trillion|dozen)`
const wordRun = String.raw`(?:[Aa]n?[ \u00a0]+${scaleWord}|${cardinal})(?:(?:[ \u00a0]+and[ \u00a0]+|[ \u00a0-]+)(?:${cardinalInside}|${scaleWord}))*`
// Thousands grouped by commas ("1,400") or, as SI style and much of the world write them, by
// spaces ("10 000", thin or no-break ones too); never after a month, where the first group is a
// day ("May 5 200 people"). A lookahead first, so that other numbers never try the lookbehind.
const digits = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?=\d{1,3}[ \u00a0\u2009\u202f]\d{3}(?![0-9]))(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \u00a0])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![0-9]|[.,][0-9])|\d+(?:\.\d+)?`
// Finding numbers takes two steps, for speed: `starts` finds where one may begin (a digit, a
// currency sign, a number word), then the sticky `candidate` reads it whole from there. The
// character before a candidate and after a word run are checked in code (see `boxedIn`).
// The same scan notes the words of quantity phrases (group 1: "hundreds of", "half of", "twice"),
// so that a line without one is not scanned again for them.
/** Letters found in every word of a quantity phrase (see figure-phrases.ts). */
export const phraseWordSource = 'undred|housand|illion|alf|third|quarter|fifth|tenth|wice|hrice'
export const starts = new RegExp(
  String.raw`[$£€¥0-9½¼¾⅓⅔⅛]|\.(?=[0-9])|\b(?:[Aa]n?[ \u00a0]+${scaleWord}|${cardinal})(?:\b|(?=fold\b))|(${byFirstLetter(phraseWordSource.split('|'))})`,
  'g'
)
// A sign may follow a currency sign ("$-50.8bn"); a decimal may open with its point (".001").
export const candidate = new RegExp(
  String.raw`(?:(CDN|CA|AU|US|A|C|NZ|HK|S)?([$£€¥])(?:US|A)?(?:[ \u00a0]|[-−](?=[0-9]))?)?(?:(${digits}|(?<![A-Za-z0-9.])\.[0-9]+|[½¼¾⅓⅔⅛](?![0-9]))|\b(${wordRun})(?:\b|(?=fold\b)))`,
  'y'
)
export const currencyPrefix = /(?:^|[^A-Za-z])(CDN|CA|AU|US|A|C|NZ|HK|S)$/
// prettier-ignore
export const fractions = new Map([['halves', 2], ['thirds', 3], ['quarters', 4], ['fifths', 5], ['sixths', 6], ['eighths', 8], ['tenths', 10]])
export const currencies = new Map([
  ['$', 'dollars'],
  ['£', 'pounds'],
  ['€', 'euros'],
  ['¥', 'yen']
])
// prettier-ignore
export const scaleValues = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['m', 1e6], ['mn', 1e6],
  ['billion', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['t', 1e12],
  ['crore', 1e7], ['crores', 1e7], ['lakh', 1e5], ['lakhs', 1e5]
])

// Sticky patterns, tried at the end of a number; the patterns before a number are anchored at
// the end of a short window. None uses the `u` flag: they run for every number in the article.
const L = letters.letter
const U = letters.upper
export const scaleAfter = new RegExp(
  `[ \\u00a0]?(hundred|thousand|million|billion|trillion|crores?|lakhs?)\\b|(bn|mn|tn|m|b|k|t)(?![0-9${L}])`,
  'iy'
)
export const percentAfter = /[ \u00a0]?(?:%|percent\b|per[ \u00a0]cent\b)/iy
export const pointsAfter = /[ \u00a0]percentage[ \u00a0-]points?\b/iy
export const hyphenUnit = /-(?:(year|month|week|day)s?-old\b|(lb-ft|[A-Za-zµμ°][A-Za-z]*)\b)/y
export const spacedAge = /[ \u00a0](year|month|week|day)s?[- \u00a0]old\b/iy
// "four-, five- and six-cylinder": the unit comes after the last number of the list.
export const suspendedUnit = /-,?[ \u00a0]+(?:[\w.]+-,?[ \u00a0]+)*(?:and|or|to)[ \u00a0]+[\w.]+-([A-Za-z]+)\b/y
export const moreScale = /[ \u00a0](hundred|thousand|million|billion|trillion)\b/iy
export const negative = /(?:(?:^|[\s(\[])[-−]|\bminus[ \u00a0]+)$/i
// Before a four-digit number: words that make it a year even before a noun ("in 2019 people …"),
// and those that make it a year when no counted noun follows.
export const strongYearWords = new Set('the its his her their in since during until till circa early late mid spring summer autumn winter fiscal season year'.split(' '))
export const yearWords = new Set([...strongYearWords, 'by', 'of', 'from', 'to', 'before', 'after', 'through', 'between', 'and', 'or'])
export const notCountWords = new Set('no any every each the this that which one only'.split(' '))
export const boundAnd = /[ \u00a0]+and[ \u00a0]+/
export const fromAfter = new RegExp(String.raw`[ \u00a0]+from[ \u00a0]+(?:[$£€¥])?(${digits})(?![0-9${L}])`, 'y')
// A sign on the second bound only after "to" ("from -18 °C to -34 °C"): "5--3" is not a range.
export const rangeAfter = new RegExp(
  String.raw`[ \u00a0]?(?:[-–—]|to)[ \u00a0]?(?:[$£€¥]|(?<=to[ \u00a0]?)[-−](?=[0-9]))?(${digits})(?![0-9${L}])`,
  'iy'
)
export const wordRangeAfter = new RegExp(String.raw`[ \u00a0]?(?:-|–|to|or)[ \u00a0]?(${wordRun})\b`, 'iy')
export const andAfter = new RegExp(
  String.raw`[ \u00a0]+and[ \u00a0]+(?:[$£€¥])?(?:(${digits})|(${wordRun}))(?![0-9${L}])`,
  'iy'
)
export const timeAfter =
  /[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|EST\b|EDT\b|PST\b|CET\b|o[’']clock\b)|:\d/iy
// "1900 hrs": a time of day on the 24-hour clock; after other numbers "hrs" is hours.
export const clockAfter = /[ \u00a0]?(?:hrs|h)\b/iy
export const ordinalAfter = /(?:st|nd|rd|th)\b/iy
export const decadeAfter = /[’']?s\b/y
export const monthAfter = /[ \u00a0](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/y
export const monthBefore = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*[.,]?[ \u00a0]$/
export const capitalBefore = new RegExp(`(?:^|[ \\u00a0(*_])([${L}&]*[${U}][${L}&\\-]*\\.?|No\\.|#|number)[ \\u00a0]?$`)
// "and a half" after a count: "two and a half years", "three-and-a-half million".
export const halfAfter = /[ \u00a0-]and[ \u00a0-]a[ \u00a0-]half\b/y
// Unicode fractions after a count: "6 ½ minutes".
export const vulgarAfter = /[ \u00a0]?([½¼¾⅓⅔⅛])/y
export const vulgarValues = new Map([['½', 0.5], ['¼', 0.25], ['¾', 0.75], ['⅓', 1 / 3], ['⅔', 2 / 3], ['⅛', 0.125]])
// A label before a number makes it a name, not a count ("round 3", "page 12", "Route 66").
// prettier-ignore
export const labelWords = new Set([
  'round', 'page', 'pages', 'chapter', 'article', 'section', 'route', 'gate', 'platform', 'level', 'stage',
  'phase', 'episode', 'grade', 'category', 'game', 'figure', 'table', 'exhibit', 'item', 'lane',
  'terminal', 'pier', 'zone', 'district', 'ward', 'precinct', 'runway', 'volume', 'issue', 'paragraph',
  'clause', 'amendment', 'step', 'line', 'flight', 'room', 'suite', 'unit', 'apartment', 'highway', 'interstate',
  'code', 'zip', 'postcode', 'status', 'id', 'jersey', 'shirt'
])
export const ageBefore = new RegExp(`[${U}][${L}’'.\\-]*,[ \\u00a0]$|\\baged[ \\u00a0]$`)
export const ageAfter = /(?:,|\)|;|\.|$)/y
export const hedge =
  /\b(at least|at most|more than|less than|fewer than|no more than|over|nearly|almost|about|approximately|some|around|roughly|an estimated|the estimated|estimated|up to|close to|as many as|as much as|as few as|upwards of|just over|just under|well over|under|somewhere between|between|approx\.)[ \u00a0]+$/i


/** The sticky `pattern` tried at `index` of `text` (a guard first, when it has one: see `guard`). */
export function at(pattern: RegExp, text: string, index: number): RegExpExecArray | undefined {
  const opens = openings.get(pattern)
  if (opens && !opens(text, index)) return undefined
  pattern.lastIndex = index
  return pattern.exec(text) ?? undefined
}

// The sticky patterns run at every candidate number, most of them failing on its first
// character; a regex call costs several times a lookup, so each has a guard: a test of the
// characters it may open with, after the spaces it opens with.
const openings = new Map<RegExp, (text: string, index: number) => boolean>()

/** Register `opens`, a test that lets through every text `pattern` matches at an index. */
export function guardBy(pattern: RegExp, opens: (text: string, index: number) => boolean): RegExp {
  openings.set(pattern, opens)
  return pattern
}

/**
 * Register the characters `pattern` may open with (`first`), after no space, an optional one
 * (`[ \u00a0]?`), exactly one, or one or more (`[ \u00a0]+`). The guard must let through every
 * text the pattern matches.
 */
export function guard(pattern: RegExp, space: 'none' | 'optional' | 'one' | 'some', first: string): RegExp {
  // A table for the Latin-1 characters most patterns open with, a set for the others ("×", "–").
  const latin = new Uint8Array(256)
  const others = new Set<number>()
  for (const char of first) {
    const code = char.charCodeAt(0)
    if (code < 256) latin[code] = 1
    else others.add(code)
  }
  const opensWith = (code: number) => (code < 256 ? latin[code] === 1 : others.has(code))
  openings.set(pattern, (text, index) => {
    let code = text.charCodeAt(index)
    if (space === 'none') return opensWith(code)
    if (code === 32 || code === 160) code = text.charCodeAt(++index)
    else if (space !== 'optional') return false
    if (space === 'some') while (code === 32 || code === 160) code = text.charCodeAt(++index)
    return opensWith(code)
  })
  return pattern
}

// A time opens with "a.m."/"am", "p.m."/"pm", a zone (GMT, UTC, BST, EST, EDT, PST, CET), "o’clock" or
// ":" and a digit: its first two characters, after an optional space.
const timeOpenings = new Map([...'aApP'].map((char) => [char.charCodeAt(0), '.mM']))
for (const [first, second] of [['gG', 'mM'], ['uU', 'tT'], ['bB', 'sS'], ['eE', 'sSdD'], ['cC', 'eE'], ['oO', "’'"]] as const)
  for (const char of first) timeOpenings.set(char.charCodeAt(0), (timeOpenings.get(char.charCodeAt(0)) ?? '') + second)
timeOpenings.set('pP'.charCodeAt(0), '.mMsS')
timeOpenings.set('pP'.charCodeAt(1), '.mMsS')
guardBy(timeAfter, (text, index) => {
  let code = text.charCodeAt(index)
  if (code === 32 || code === 160) code = text.charCodeAt(++index)
  if (code === 58) return true
  const seconds = timeOpenings.get(code)
  return seconds !== undefined && seconds.includes(text.charAt(index + 1))
})
guard(clockAfter, 'optional', 'hH')
guard(ordinalAfter, 'none', 'sSnNrRtT')
guard(decadeAfter, 'none', "s'’")
guard(monthAfter, 'one', 'JFMASOND')
guard(scaleAfter, 'optional', 'hHtTmMbBcClLkK')
guard(percentAfter, 'optional', '%pP')
guard(pointsAfter, 'one', 'pP')
guard(hyphenUnit, 'none', '-')
guard(spacedAge, 'one', 'yYmMwWdD')
guard(suspendedUnit, 'none', '-')
guard(vulgarAfter, 'optional', '½¼¾⅓⅔⅛')
// "and a half" opens with a space or a hyphen, then "a".
guardBy(halfAfter, (text, index) => {
  const code = text.charCodeAt(index)
  return (code === 32 || code === 160 || code === 45) && text.charCodeAt(index + 1) === 97
})
guard(moreScale, 'one', 'hHtTmMbB')
guard(fromAfter, 'some', 'f')
guard(rangeAfter, 'optional', '-–—tT')
guard(wordRangeAfter, 'optional', '-–tToO')
guard(andAfter, 'some', 'aA')
guard(unitSymbolAfter, 'optional', symbolInitials)

// Patterns read once a number's value is known: a ratio ("for every hostage"), inches before a
// dimension, a range in a compound ("8- to 16-meter"), a currency sign after the number, the
// second count of a change ("from five people to six").
export const ratioAfter = guard(
  new RegExp(
    `[ \\u00a0]+(?:for|per)[ \\u00a0]+(?:every|each)[ \\u00a0]+(?:[${L}’'\\-]+[ \\u00a0]+)??([${L}][${L}’'\\-]*)`,
    'y'
  ),
  'some',
  'fp'
)
export const inchesAfter = guard(/[ \u00a0]in\.?(?=[ \u00a0](?:thick|long|wide|tall|high|deep|across)\b)/y, 'one', 'i')
// "8- to 16-meter", "320- to 640-inch".
export const suspendedRange = guard(
  new RegExp(`-[ \\u00a0]+to[ \\u00a0]+(?:(\\d[\\d,]*(?:\\.\\d+)?)|(${cardinal}))-([A-Za-z]+)\\b`, 'y'),
  'none',
  '-'
)
export const currencyAfter = guard(/[ \u00a0]?([$£€¥])(?![0-9])/y, 'optional', '$£€¥')
export const countToAfter = guard(
  new RegExp(
    `[ \\u00a0]+to[ \\u00a0]+(?:(\\d{1,3}(?:,\\d{3})+|\\d+)|(${cardinal}))(?![0-9A-Za-z.,-]|[ \\u00a0]+(?:hundred|thousand|million|billion|trillion|percent)\\b)`,
    'y'
  ),
  'some',
  't'
)

