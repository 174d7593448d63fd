/**
 * The second bound of a figure: a range ("200-300", "200 to 300", "between 200 and 300") or a
 * change ("from 5.2% to 4.8%", "rose to 7% from 6%"), each as [first, second] in reading order
 * of time: a change is [from, to] whether it rises or falls.
 */
import {parseNumberWords} from './numbers.js'
import {digitsValue} from './figure-value.js'
import {symbolUnit, unitSymbolAfter} from './units.js'
import {andAfter, at, fromAfter, percentAfter, rangeAfter, scaleAfter, scaleValues, wordRangeAfter} from './figure-forms.js'

const scaleInside = /(hundred|thousand|million|billion|trillion)$/iu
const signedSecond = /to[ \u00a0]?[-−]/i
const digitsOnly = /^[0-9][0-9,.]*$/

/** What is known of the first bound when the second is read. */
export interface FirstBound {
  numberText: string
  isDigits: boolean
  /** A scale word or letter followed the first bound ("1.5 billion", "2m"). */
  scaled: boolean
  /** A currency sign or code came before the first bound. */
  currency: boolean
  unit: string
  /** The unit is a symbol ("km", "°C"). */
  symbol: boolean
  previousWord: string
  /** "from" opened a change ("from 14", "from about $350"). */
  from: boolean
  /** "between" opened the range. */
  between: boolean
}

export interface Bounds {
  /** The first bound's value, rescaled by a scale written only on the second ("1 to 2 million"). */
  value: number
  range?: [number, number]
  /** Where the range ends in the text. */
  end: number
}

/**
 * The range or change after a first bound of `value` ending at `end`; `undefined` when the two
 * numbers are not a figure at all (a score "3-1", a year span "2013-14").
 */
// A unit symbol after the second bound only when it names the first bound's unit ("44 ml to 50 mg" is no range).
function sameSymbol(found: RegExpExecArray | undefined, unit: string): RegExpExecArray | undefined {
  return found && (symbolUnit(found[1]!) ?? found[1]) === unit ? found : undefined
}

export function readBounds(text: string, end: number, value: number, first: FirstBound): Bounds | undefined {
  const {numberText, isDigits, scaled, currency, unit, symbol, previousWord, between} = first
  const change = first.from
  const second = between
    ? at(andAfter, text, end)
    : isDigits
      ? at(rangeAfter, text, end)
      : (at(wordRangeAfter, text, end) ?? (change ? at(rangeAfter, text, end) : undefined))
  if (second) {
    let high = Number.NaN
    if (second[1] !== undefined) high = isDigits || between || digitsOnly.test(second[1]) ? digitsValue(second[1]) : (parseNumberWords(second[1]) ?? Number.NaN)
    if (signedSecond.test(second[0])) high = -high
    if (second[2] !== undefined) high = parseNumberWords(second[2]) ?? Number.NaN
    // "five to six million": the second bound's scale word scales a first bound written short.
    const inner = !isDigits && !scaled && second[1] !== undefined ? scaleInside.exec(second[1]) : null
    if (inner && value < 1000) value *= scaleValues.get(inner[1]!.toLowerCase()) ?? 1
    if (!Number.isNaN(high)) {
      let afterSecond = end + second[0].length
      const secondScale = at(scaleAfter, text, afterSecond)
      let factor = scaled ? value / digitsValue(numberText) || 1 : 1
      if (secondScale) {
        const word = (secondScale[1] ?? secondScale[2] ?? '').toLowerCase()
        if (secondScale[1] !== undefined || currency) {
          const secondFactor = scaleValues.get(word) ?? factor
          afterSecond += secondScale[0].length
          // A scale on the second bound rescales a first bound written short ("1 to 2 million"),
          // never one written in full ("$800,000 to $1.3 million").
          if (!scaled && Math.abs(value) <= high) value *= secondFactor
          factor = secondFactor
        }
      }
      high *= factor
      const sameUnit =
        unit === 'percent' ? at(percentAfter, text, afterSecond) : symbol ? sameSymbol(at(unitSymbolAfter, text, afterSecond), unit) : undefined
      if (sameUnit) afterSecond += sameUnit[0].length
      const toWord = /to/i.test(second[0])
      // "rose by 2% to 13,176": a share and a level are two figures, not one range.
      const unitKept = sameUnit !== undefined || (unit !== 'percent' && !symbol)
      // "grew by $5 million to $40 million": the change and the level are two figures.
      const byThenTo = toWord && previousWord === 'by'
      if (unitKept && !byThenTo && (high > value || (change && toWord && high !== value))) return {value, range: [value, high], end: afterSecond}
      // A score or a year span ("3-1", "2013-14").
      if (unitKept && isDigits && !between && !toWord) return undefined
    }
  }
  // "rose to 7% from 6%": the change as [from, to].
  if (previousWord === 'to') {
    const from = at(fromAfter, text, end)
    if (from) {
      let low = digitsValue(from[1]!)
      let afterFrom = end + from[0].length
      const fromScale = at(scaleAfter, text, afterFrom)
      if (fromScale && fromScale[1] !== undefined) {
        low *= scaleValues.get(fromScale[1].toLowerCase()) ?? 1
        afterFrom += fromScale[0].length
      } else if (scaled) low *= value / digitsValue(numberText) || 1
      const sameUnit = unit === 'percent' ? at(percentAfter, text, afterFrom) : undefined
      if (sameUnit) afterFrom += sameUnit[0].length
      if (low !== value) return {value, range: [low, value], end: afterFrom}
    }
  }
  return {value, end}
}

/** "one to two meters", "one or two books": "one" opens a range in words. */
export function spelledRange(text: string, end: number): boolean {
  const range = at(wordRangeAfter, text, end)
  return range !== undefined && /^[ \u00a0](?:to|or)[ \u00a0]/i.test(range[0])
}
