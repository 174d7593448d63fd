/**
 * Whether a number is a person's age: "Mia Schem, 21,", "aged 17", "over the age of 18", "a
 * 10-year-old", "He was 68.", "Hagan, North Carolina's first female senator, was 66.".
 */
import {ageAfter, ageBefore, at} from './figure-forms.js'

const yearOld = /-year-old\b/u
const agedBefore = /\baged[ \u00a0]$/u
const ageOfBefore = /\b(?:ages?|aged)[ \u00a0]+(?:of|from|between)[ \u00a0]+$/u
const ageOfWords = new Set(['of', 'from', 'between'])
const ageVerbs = new Set(['was', 'is'])
// A pronoun or a name with an appositive between commas, then the verb, open the sentence.
const personIs = /^[ \u00a0]*(?:(?:He|She)|\p{Lu}[\p{L}’'.\-]+(?:[ \u00a0]\p{Lu}[\p{L}’'.\-]+)*,[^,]+,)[ \u00a0](?:was|is)[ \u00a0]$/u

/** Where a number stands in its sentence. */
export interface Place {
  /** Up to 24 characters of the sentence before the number. */
  before: string
  /** The word before the number, lower case. */
  previousWord: string
  sentenceStart: number
  /** Where the number (or its currency sign) starts. */
  index: number
  /** Where the number read so far ends. */
  end: number
}

/**
 * `'years'` when a whole number (`integer`) with no unit of its own is an age, `'age'` when a
 * figure read with its unit is one ("a 10-year-old", "aged 17"), else `undefined`. `single`: no
 * money and no range, as a lone age after a name is.
 */
export function readAge(text: string, place: Place, unit: string, integer: boolean, single: boolean, value: number): 'years' | 'age' | undefined {
  const {before, previousWord, end} = place
  if (!unit && integer && single && value >= 1 && value <= 120) {
    const person = ageBefore.test(before) || (ageVerbs.has(previousWord) && personIs.test(text.slice(place.sentenceStart, place.index)))
    if (person && at(ageAfter, text, end)) return 'years'
  }
  // "over the age of 18".
  if (!unit && integer && ageOfWords.has(previousWord) && ageOfBefore.test(before)) return 'years'
  const hyphen = text.charCodeAt(end) === 45 || text.charCodeAt(end + 1) === 45
  if ((hyphen && yearOld.test(text.slice(end, end + 10))) || (previousWord === 'aged' && agedBefore.test(before))) return 'age'
  return undefined
}
