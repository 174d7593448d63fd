import type {Figure} from '../types.js'
import {plural, remembered, sentenceAround, singular, stopWords, words} from '../words.js'

/**
 * What a figure measures, so that the same thing reported on several dates lines up as a series
 * and the same fact reported twice merges: a head-noun family ("hostages", from "hostages",
 * "captives", "people … hostage") and what happened to it ("held", "released", "killed").
 */
export interface Measure {
  /** `hostage·held`: family and aspect, the key series and duplicates group on. */
  key: string
  family: string
  aspect?: string
  /** What state the counted things are in ("living", "dead", "released"…): a series joins one state only. */
  state?: string
  /** "confirmed" or "suspected", when the sentence says: the two are never one count. */
  certainty?: string
  /** Human label for a series row: "hostages held". */
  label: string
  /** True when the noun was found next to the number, not borrowed from an earlier figure. */
  explicit: boolean
}

/** Nouns that name the same counted thing; the first is the family's name. */
const families: string[][] = [
  ['hostage', 'captive', 'abductee', 'kidnapping victim'],
  ['prisoner', 'detainee', 'inmate'],
  ['soldier', 'troop', 'reservist', 'servicemember', 'service member'],
  ['death', 'fatality', 'casualty', 'dead', 'victim'],
  ['case', 'infection', 'patient'],
  ['percent', '%', 'per cent', 'percentage point'],
  ['dollar', 'usd', '$', 'us dollar'],
  ['euro', '€'],
  ['pound', '£'],
  ['person', 'people', 'individual', 'civilian', 'man', 'men', 'woman', 'women', 'child', 'children', 'resident', 'adult']
]

/** Nouns so broad that a more specific noun right after them says better what is counted: "199 people hostage". */
const generic = new Set(['person'])

/** Words near a number that tell what happened to what is counted. */
const aspects: [string, RegExp][] = [
  ['released', /^(?:release|released|releasing|freed|free|freeing|exchange|exchanged|swap|swapped|returned)$/],
  ['killed', /^(?:killed|killing|kill|killings|murdered|murdering|dead|died|deaths?|deceased|fatalities|perished)$/],
  ['injured', /^(?:injured|injuring|wounded|hurt)$/],
  ['taken', /^(?:captured|capturing|abducted|abducting|kidnapped|kidnapping|seized|took|taken|taking)$/],
  ['held', /^(?:hold|holds|held|holding|still|remain|remains|remaining|living|alive|captivity)$/]
]

/** The state a count is in, from the words of its clause: living captives are not all captives. */
const states: [string, RegExp][] = [
  ['living', /^(?:living|alive)$/],
  ['dead', /^(?:dead|deceased|killed|died|bodies|body|remains)$/],
  ['injured', /^(?:injured|wounded|hurt)$/],
  ['recovered', /^(?:recovered|recoveries|cured)$/],
  ['missing', /^(?:missing|unaccounted)$/],
  ['released', /^(?:released|freed|returned)$/]
]

const familyOf = new Map<string, string>()
for (const members of families) for (const member of members) familyOf.set(member, members[0] ?? member)

const numberWords = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|half|about|approximately|nearly|over|around|some|almost|roughly|estimated|us|\$|€|£)$/

/**
 * The measure of a figure in the sentence it stands in. `previous` is the measure of the figure
 * before it in the same sentence, lent to a figure whose noun is elided ("135 hostages, with 116
 * confirmed alive"). Undefined when no noun can be found. `sentence`, the one around the figure, when the caller has it.
 */
export function measureOf(figure: Figure, previous?: Measure, sentence = sentenceAround(figure.sentence, figure.text)): Measure | undefined {
  const at = Math.max(0, sentence.indexOf(figure.text))
  // Only the figure's own clause speaks about it: in "2741 confirmed cases, 80 deaths" the deaths
  // are another figure's. A clause ends at a comma, semicolon, colon or the next number.
  const before = words(lastClause(sentence.slice(0, at))).slice(-5).map((entry) => entry.word)
  // From the number on: a hedge written before it ("at least") is not what is counted.
  const digit = figure.text.search(/\d/)
  const fromNumber = sentence.slice(at + Math.max(0, digit))
  const number = /^[\d,.]*\d/.exec(fromNumber)?.[0] ?? ''
  const rest = fromNumber.slice(number.length)
  const clauseEnd = rest.search(/[,;:]|(?<!\b(?:and|to|or))\s\d/)
  const clause = number + (clauseEnd < 0 ? rest : rest.slice(0, clauseEnd))
  const after = words(clause).map((entry) => entry.word)
  // Skip the number as written, with the far end of a range ("between 200 and 300 women").
  while (after.length > 0 && (numberWords.test(after[0] ?? '') || (/^(?:and|to|or)$/.test(after[0] ?? '') && /^\d/.test(after[1] ?? '')))) after.shift()
  const unit = figure.unit.toLowerCase()
  const unitFamily = nounFamily(unit) ?? (isNoun(unit) ? singular(unit) : undefined)
  let family = unitFamily && !generic.has(unitFamily) ? unitFamily : undefined
  let broad = unitFamily
  // Adjectives and generic nouns stand before the noun that says what is counted: "24 living captives", "199 people hostage".
  for (const word of family ? [] : after.slice(0, 3)) {
    const found = nounFamily(word)
    if (found && !generic.has(found)) {
      family = found
      break
    }
    if (found) broad ??= found
    else if (isNoun(word)) {
      broad ??= singular(word)
      break
    } else if (stopWords.has(word)) break
  }
  family ??= broad
  let explicit = family !== undefined
  // A generic noun or none after a specific one in the same sentence refers back to it: "24 captives and 35 deceased individuals".
  if (previous && (!family || generic.has(family)) && !generic.has(previous.family)) {
    family = previous.family
    explicit = false
  }
  family ??= previous?.family
  if (!family) return undefined
  const near = [...before, ...after.slice(0, 6)]
  const found = aspects[firstOf(near, aspectOf)]?.[0] ?? (explicit ? undefined : previous?.aspect)
  // "deaths killed" says it twice.
  const aspect = family === 'death' && found === 'killed' ? undefined : found
  const counted = plural(family)
  const state = states[firstOf(near, stateOf)]?.[0]
  const certainty = near.find((word) => word === 'confirmed' || word === 'suspected')
  const label = `${state && state !== aspect && !(state === 'dead' && aspect === 'killed') ? `${state} ` : ''}${aspect ? `${counted} ${aspect}` : counted}`
  return {key: `${family}·${aspect ?? ''}·${state ?? ''}`, family, ...(aspect ? {aspect} : {}), ...(state ? {state} : {}), ...(certainty ? {certainty} : {}), label, explicit}
}

/** A known family for a word, by itself or by its singular. */
function nounFamily(word: string): string | undefined {
  return familyOf.get(word) ?? familyOf.get(singular(word))
}

/** A guess without a part-of-speech tagger: participles, "-ing" forms and function words are not nouns. */
function isNoun(word: string) {
  return /^\p{L}[\p{L}-]+$/u.test(word) && !stopWords.has(word) && !/(?:ed|ing|ly)$/.test(word) && aspectOf(word) < 0
}

/** The text after its last comma, semicolon, colon or digit: the clause that ends there. */
function lastClause(text: string) {
  let at = text.length - 1
  for (let code = text.charCodeAt(at); at >= 0 && code !== 44 && code !== 59 && code !== 58 && !(code >= 48 && code <= 57); code = text.charCodeAt(--at));
  return text.slice(at + 1)
}

// Which aspect and which state a word says (their place in the lists, -1 for none): the few
// hundred words near figures are tested against the lists once each.
const aspectOf = remembered((word) => aspects.findIndex(([, pattern]) => pattern.test(word)))
const stateOf = remembered((word) => states.findIndex(([, pattern]) => pattern.test(word)))

/** The first entry of a list that one of `near` says: the lowest place any of them has (-1 for none). */
function firstOf(near: string[], placeOf: (word: string) => number) {
  let first = -1
  for (const word of near) {
    const place = placeOf(word)
    if (place >= 0 && (first < 0 || place < first)) first = place
  }
  return first
}
