/**
 * The value of a number as written: digits with separators, a fraction ("2 1/2", "1⁄32", "6 ½",
 * "⅓"), scientific notation ("1.99×10⁻³⁰", "4e14"), number words ("a hundred and two") and
 * fractions in words ("one sixth", "three-eighths").
 */
import {parseNumberWords} from './numbers.js'
import {at, boundAnd, guard, guardBy, vulgarAfter, vulgarValues} from './figure-forms.js'
import {functionWords, isPlural} from './figure-nouns.js'

// "and" only joins after a scale word ("a hundred and two"), never two counts ("seven and eight").
const joiningAnd = /(?<!hundred|thousand|million|billion)[ \u00a0]+and[ \u00a0]+/iu
// Fractions: "1/4", "2 1/2".
const fraction = guard(/[ \u00a0]?(\d+)?[\/⁄](\d+)(?![\p{N}])/uy, 'optional', '0123456789/⁄')
// "×10⁻³⁰", "x 10^23", "×10−5" (a minus sign glued), "e14", "e-3".
const powerAfter = guard(
  /(?:[ \u00a0]?[×x][ \u00a0]?10(?:\^[ \u00a0]?([-−+]?[0-9]{1,3})|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[-−][0-9]{1,3}))|e([-−+]?[0-9]{1,3}))(?![\p{L}\p{N}])/uy,
  'optional',
  '×xe'
)
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const denominators = new Set([2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 1000])

// The exponent of scientific notation as digits ("⁻³⁰" → "-30", "−5" → "-5").
function exponent(written: string): string {
  let digits = ''
  for (const char of written) {
    const superscript = superscripts.indexOf(char)
    digits += superscript >= 0 ? String(superscript) : char === '⁻' || char === '−' ? '-' : char === '⁺' ? '+' : char
  }
  return digits
}
// prettier-ignore
const fractionWords = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5], ['fifths', 5],
  ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8], ['ninth', 9], ['ninths', 9],
  ['tenth', 10], ['tenths', 10]
])
// After a hyphen or a space, a fraction word opens with one of these letters.
const fractionInitials = new Set([...'hHtTqQfFsSeEnN'].map((char) => char.charCodeAt(0)))
const fractionWordAfter = guardBy(
  /[- \u00a0](half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b(?!-)/iy,
  (text, index) => {
    const code = text.charCodeAt(index)
    return (code === 45 || code === 32 || code === 160) && fractionInitials.has(text.charCodeAt(index + 1))
  }
)
// A singular fraction ("one third") is one only before no noun of its own ("one third party")
// or a plural ("one-half miles").
function standsAlone(text: string, from: number): boolean {
  const next = nextWord.exec(text.slice(from, from + 40))
  return !next || functionWords.has(next[1]!.toLowerCase()) || isPlural(next[1]!)
}
const nextWord = /^[ \u00a0]+([A-Za-z]+)/

const separators = /[, \u00a0\u2009\u202f]/g

/** The value of digits as written, with their thousands separators ("1,400", "10 000"). */
export function digitsValue(written: string): number {
  return Number(written.length > 3 ? written.replace(separators, '') : written)
}

export interface Value {
  value: number
  /** Where the number ends in the text. */
  end: number
  /** The number words read (cut before an "and" that joins two bounds). */
  words: string
  /** A fraction in words was read ("one sixth"): "one" is then a count of its own. */
  fractionRead: boolean
}

/** The value of the number `numberText` that starts at `numberStart` and ends at `end`; `undefined` when it is none. */
export function readValue(
  text: string,
  numberText: string,
  isDigits: boolean,
  numberStart: number,
  end: number,
  previousWord: string
): Value | undefined {
  let value: number
  let words = numberText
  let fractionRead = false
  if (isDigits) {
    // "⅓ cup": a fraction sign on its own.
    value = vulgarValues.get(numberText) ?? digitsValue(numberText)
    // Fractions: "1/4", "2 1/2", "1⁄32".
    const found = at(fraction, text, end)
    if (found && (found[1] !== undefined || text[end] === '/' || text[end] === '⁄')) {
      const denominator = Number(found[2])
      const numerator = found[1] === undefined ? value : Number(found[1])
      // A fraction is proper, over a measure's denominator; "24/7", "9/11", "50/50" are names.
      if (numerator >= denominator || !denominators.has(denominator) || numberText.includes(',')) return undefined
      value = found[1] === undefined ? value / denominator : value + Number(found[1]) / denominator
      end += found[0].length
    }
    const vulgar = at(vulgarAfter, text, end)
    if (vulgar) {
      value += vulgarValues.get(vulgar[1]!) ?? 0
      end += vulgar[0].length
    }
    // Scientific notation: "1.99×10⁻³⁰", "6.02 x 10^23", "4e14".
    const power = !numberText.includes(',') ? at(powerAfter, text, end) : undefined
    if (power) {
      value = Number(`${value}e${exponent(power[1] ?? power[2] ?? power[3]!)}`)
      end += power[0].length
    }
  } else {
    // "between four thousand and five thousand": the "and" joins the bounds, not the words.
    const cut = words.includes(' ') || words.includes('\u00a0') ? (previousWord === 'between' ? boundAnd : joiningAnd).exec(words) : null
    if (cut) {
      words = words.slice(0, cut.index)
      end = numberStart + words.length
    }
    const parsed = parseNumberWords(words)
    if (parsed === undefined) return undefined
    value = parsed
    // A fraction in words: "one sixth", "one-half", "three-eighths".
    const part = parsed <= 10 ? at(fractionWordAfter, text, end) : undefined
    if (part && (part[1]!.endsWith('s') || (parsed === 1 && standsAlone(text, end + part[0].length)))) {
      value /= fractionWords.get(part[1]!.toLowerCase())!
      end += part[0].length
      fractionRead = true
    }
  }

  return {value, end, words, fractionRead}
}
