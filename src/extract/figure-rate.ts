/**
 * What follows a figure's value and changes how it reads: a rate's divisor ("$350 per kg" →
 * dollars per kilogram) and a measurement's uncertainty ("5.2 ± 0.3 mm" is one figure, 5.2 mm).
 */
import {at, guard} from './figure-forms.js'
import {currencyWords, divisorAfter, isMeasure, readDivisor, symbolUnit, unitSymbolAfter} from './units.js'

guard(divisorAfter, 'optional', 'p/')
const money = new Set(currencyWords.values())
// "± 0.3", "+/- 0.3", "+/−1e-5".
const uncertaintyAfter = guard(/[ \u00a0]?(?:±|\+\/[-−])[ \u00a0]?\d+(?:\.\d+)?(?:e[-−+]?\d+)?(?![0-9])/y, 'optional', '±+')

/**
 * The unit of a money or measure figure read as a rate when "per" or "/" and a divisor follow
 * ("dollars per kilogram", "milligrams per litre"), and where it ends; counts of things keep their
 * noun ("18.9 deaths per 100,000 people", "cases per day" are left as they are).
 */
export function rateAfter(text: string, end: number, unit: string): {unit: string; end: number} | undefined {
  // Most figures have neither: a look at the next characters first.
  const next = text.charCodeAt(end) === 32 || text.charCodeAt(end) === 160 ? text.charCodeAt(end + 1) : text.charCodeAt(end)
  if (next !== 112 && next !== 47) return undefined
  const per = unit.indexOf(' per ')
  const base = per < 0 ? unit : unit.slice(0, per)
  if (!money.has(base) && !isMeasure(base)) return undefined
  const found = at(divisorAfter, text, end)
  const divisor = found && readDivisor(found)
  if (!divisor) return undefined
  // A range's second bound repeats the divisor ("$350 per kg to $680 per kg"): read, not doubled.
  if (per >= 0) return unit.slice(per + 5) === divisor ? {unit, end: end + found[0].length} : undefined
  return {unit: `${unit} per ${divisor}`, end: end + found[0].length}
}

/** Where an uncertainty written after a value ends ("± 0.3", "± 0.3 mm" after "mm"), else `end`. */
export function skipUncertainty(text: string, end: number, unit: string): number {
  const found = at(uncertaintyAfter, text, end)
  if (!found) return end
  const after = end + found[0].length
  const again = unit ? at(unitSymbolAfter, text, after) : undefined
  return again && (symbolUnit(again[1]!) ?? again[1]) === unit ? after + again[0].length : after
}
