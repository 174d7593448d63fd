/**
 * Quantities written as phrases rather than numbers: vague plurals, fractions of a group and
 * multipliers.
 */
import {cardinal, guard, phraseWordSource} from './figure-forms.js'
import {parseNumberWords} from './numbers.js'

// Quantities written as phrases: vague plurals ("hundreds of", "tens of thousands of") as a
// range from the least the plural can mean to the most ("dozens of" stays out: news uses it for
// an uncounted many, and the seed gold reads it so); fractions of a group ("half of the voters",
// "a third of", "one out of three people"); multipliers ("twice", "threefold").
export const phrased = new RegExp(
  String.raw`\b(?:((?:[Aa] |[Oo]ne[- ]|[Tt]hree[- ])quarters?|[Aa] half|[Hh]alf a|[Oo]ne[- ]half)((?:[ \u00a0]of[ \u00a0]a)?[- \u00a0])(thousand|million|billion|trillion)\b` +
    String.raw`|((?:[Tt]ens|[Hh]undreds) of (?:thousands|millions)|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)[ \u00a0]of(?=[ \u00a0])` +
    String.raw`|([Hh]alf|[Aa] (?:third|quarter|fifth|tenth)|(?:[Oo]ne|[Tt]wo)[- ]thirds?|(?:[Oo]ne|[Tt]hree)[- ]quarters?)[ \u00a0]of(?:[ \u00a0]the|[ \u00a0]all|[ \u00a0]its|[ \u00a0]their)?(?=[ \u00a0])` +
    String.raw`|([Tt]wice|[Tt]hrice)(?=[ \u00a0]+(?:as|the|that)\b)` +
    String.raw`|(?:[Ss]everal|[Aa] few)[ \u00a0](hundred|thousand|million|billion)(?=[ \u00a0]))`,
  'g'
)
export const phraseWords = new RegExp(phraseWordSource)
// After a number: "one out of three", "1 in 5", "threefold", "10-fold".
export const outOf = new RegExp(String.raw`[ \u00a0]+(?:out[ \u00a0]+of|in)[ \u00a0]+(?:every[ \u00a0]+)?(${cardinal}|\d{1,3}(?:,\d{3})+|\d+)(?=[ \u00a0])`, 'y')
export const foldAfter = /-?fold\b/y
guard(outOf, 'some', 'oi')
guard(foldAfter, 'none', '-f')
const vagueRanges = new Map<string, [number, number]>([
  ['hundreds', [200, 999]], ['thousands', [2000, 9999]], ['millions', [2e6, 9999999]],
  ['billions', [2e9, 9999999999]], ['tens of thousands', [20000, 99999]], ['hundreds of thousands', [200000, 999999]],
  ['tens of millions', [2e7, 99999999]], ['hundreds of millions', [2e8, 999999999]]
])
const scales = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]])
const shares = new Map([['half', 1 / 2], ['third', 1 / 3], ['quarter', 1 / 4], ['fifth', 1 / 5], ['tenth', 1 / 10]])

export function readPhrase(match: RegExpExecArray): {value: number | [number, number]; unit: string; counts: boolean; length: number} | undefined {
  const [, part, joint, whole, vagueWords, share, times, several] = match
  // "several thousand", "a few hundred": as vague as the plural ("thousands").
  if (several !== undefined) {
    const bounds = vagueRanges.get(`${several.toLowerCase()}s`)
    return bounds && {value: bounds, unit: '', counts: true, length: match[0].length}
  }
  if (part !== undefined) {
    // "a quarter million", "half a billion", "three-quarters million".
    const words = part.toLowerCase().split(/[- ]/)
    const base = shares.get(words[words.length - 1]!.replace(/s$/, '')) ?? shares.get(words[0]!)!
    const count = words[0] === 'three' ? 3 : 1
    return {value: count * base * scales.get(whole!.toLowerCase())!, unit: '', counts: true, length: part.length + joint!.length + whole!.length}
  }
  if (vagueWords !== undefined) {
    const bounds = vagueRanges.get(vagueWords.toLowerCase().replace(/\s+/g, ' '))
    return bounds && {value: bounds, unit: '', counts: true, length: vagueWords.length}
  }
  if (share !== undefined) {
    const words = share.toLowerCase().split(/[- ]/)
    const last = words[words.length - 1]!.replace(/s$/, '')
    const base = shares.get(last)
    if (base === undefined) return undefined
    const count = words.length > 1 ? (parseNumberWords(words[0]!) ?? 1) : 1
    return {value: count * base, unit: '', counts: true, length: share.length}
  }
  if (times !== undefined) return {value: times.toLowerCase() === 'twice' ? 2 : 3, unit: 'times', counts: false, length: times.length}
  return undefined
}
