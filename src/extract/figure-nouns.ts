/**
 * What a figure counts: the first plural noun after a number, skipping adjectives, with the
 * word lists that decide what is a noun, a unit or a person; and the noun after "one".
 */
import {plural} from '../words.js'
import {letters} from './letters.js'
import {at, cardinal, guard} from './figure-forms.js'
import {currencyWords} from './units.js'
import type {Options} from './figures.js'

const L = letters.letter
// "U.S.", "U.N.": an abbreviation of capitals and dots is a word too ("5000 U.S. troops").
const wordAfter = new RegExp(`[ \\u00a0]+((?:[A-Z]\\.){2,}|[${L}][${L}’'\\-]*)`, 'y')
const listAfter = new RegExp(
  `(?:,[ \\u00a0]+and[ \\u00a0]+|,[ \\u00a0]+|[ \\u00a0]+and[ \\u00a0]+)([${L}][${L}’'\\-]*)`,
  'y'
)

// prettier-ignore
export const functionWords = new Set([
  'of', 'the', 'a', 'an', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'but',
  'that', 'which', 'who', 'whom', 'it', 'its', 'is', 'was', 'were', 'are', 'be', 'been', 'being',
  'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'than',
  'as', 'into', 'per', 'each', 'every', 'this', 'these', 'those', 'their', 'his', 'her', 'our',
  'while', 'during', 'after', 'before', 'since', 'until', 'over', 'under', 'about', 'more', 'less',
  'still', 'also', 'not', 'only', 'now', 'then', 'ago', 'later', 'earlier', 'he', 'she', 'they',
  'we', 'you', 'i', 'them', 'us', 'there', 'here', 'if', 'so', 'yet', 'when', 'where', 'because',
  'whose', 'what', 'all', 'both', 'out', 'up', 'down', 'off', 'between', 'among', 'against', 'via',
  'across', 'through', 'throughout', 'without', 'within', 'including', 'like', 'near', 'did', 'do',
  'does', 'said', 'says', 'year', 'percent'
])

// prettier-ignore
const irregular = new Set([
  'people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'cattle', 'feet', 'teeth',
  'mice', 'geese', 'deer', 'sheep', 'fish', 'aircraft', 'livestock', 'crew', 'youth', 'clergy', 'buffalo',
  'bison', 'moose', 'salmon', 'elk', 'reindeer', 'offspring'
])

// prettier-ignore
const singularUnits = new Set([
  'day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'decade', 'century', 'mile',
  'kilometre', 'kilometer', 'metre', 'meter', 'foot', 'inch', 'acre', 'hectare', 'ton', 'tonne',
  'pound', 'dollar', 'euro', 'yen', 'person', 'gallon', 'litre', 'liter', 'barrel', 'degree',
  'yard', 'page', 'point', 'basis', 'storey', 'story', 'lane', 'seat', 'bed', 'room', 'member', 'game',
  'round', 'episode', 'step', 'cylinder', 'speed', 'door', 'star', 'hole', 'lap', 'kilogram', 'gram',
  'ounce', 'carat', 'acre', 'bedroom', 'floor', 'inning', 'stage', 'leg', 'mile', 'kilobyte', 'megabyte',
  'gigabyte', 'terabyte', 'cup', 'tablespoon', 'teaspoon', 'parsec'
])
const times = new Set(['day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'decade', 'century'])
const ratePerTime = /^([a-z]+)-(?:a|per)-(day|week|month|year|hour|minute|second)$/
// Plurals inflected inside a compound ("grandchildren", "policemen", "townspeople").
const compoundPlural =
  /(?:children|people|women|(?:police|fire|fisher|crafts|business|sales|country|gentle|states|chair|congress|council|alder|sports|towns|tribes|gun|service|middle|freed|work|horse|boat|air|sea|camera|fore|crew|spokes|news|lay)men)$/
// Collective nouns that name a group by its kind: before a plural they qualify it ("youth
// suicides", "police officers", "staff members").
const collective = new Set(['youth', 'police', 'staff', 'crew', 'personnel', 'clergy', 'aircraft', 'livestock', 'cattle', 'fish'])
// "square kilometres", "cubic metres": the measure keeps its dimension.
const dimensions = new Set(['square', 'cubic', 'light'])
const measures = new Set(['years', 'kilometres', 'kilometers', 'metres', 'meters', 'miles', 'feet', 'yards', 'inches', 'centimetres', 'centimeters', 'millimetres', 'millimeters', 'acres'])
const lengths = new Set(['kilometres', 'kilometers', 'metres', 'meters', 'miles', 'feet', 'knots'])
// After "degrees": the scale ("degrees Celsius"); after a length: the time of a speed ("miles per hour").
const scaleOfDegrees = guard(/[ \u00a0]+(Celsius|Fahrenheit|centigrade|C|F)\b/y, 'some', 'CFc')
const perTime = guard(/[ \u00a0]+(?:per|an?)[ \u00a0]+(hour|second|minute)\b/y, 'some', 'pa')
const degreeScales = new Map([['C', 'Celsius'], ['F', 'Fahrenheit'], ['centigrade', 'Celsius']])
const allCaps = /^[A-Z]{2,}$/
const expansionAfter = guard(/[ \u00a0]\([^()]{1,80}\)/y, 'one', '(')
const verbForm = /(?:ed|ing)$/
const acronymPlural = /^[A-Z]{2,}s$/
const pointWord = guard(/[ \u00a0]+points?\b/y, 'some', 'p')

// prettier-ignore
export const abbreviations = new Map([
  ['km', 'kilometres'], ['mi', 'miles'], ['kg', 'kilograms'], ['mg', 'milligrams'], ['g', 'grams'],
  ['ml', 'millilitres'], ['cm', 'centimetres'], ['mm', 'millimetres'], ['ft', 'feet'], ['lb', 'pounds'],
  ['lbs', 'pounds'], ['mph', 'miles per hour'], ['kph', 'kilometres per hour'], ['km/h', 'kilometres per hour'],
  ['m', 'metres'], ['l', 'litres'], ['t', 'tonnes'], ['gw', 'gigawatts'], ['mw', 'megawatts'],
  ['kw', 'kilowatts'], ['kwh', 'kilowatt hours'], ['mwh', 'megawatt hours'], ['gb', 'gigabytes'],
  ['mb', 'megabytes'], ['tb', 'terabytes'], ['sq', 'square']
])

// prettier-ignore
export const humans = new Set([
  'people', 'persons', 'person', 'civilians', 'children', 'kids', 'babies', 'men', 'women', 'girls',
  'boys', 'adults', 'soldiers', 'troops', 'fighters', 'militants', 'prisoners', 'detainees',
  'hostages', 'captives', 'victims', 'casualties', 'dead', 'residents', 'inhabitants', 'citizens',
  'nationals', 'dual-nationals', 'workers', 'employees', 'staff', 'patients', 'refugees',
  'migrants', 'asylum-seekers', 'students', 'pupils', 'teachers', 'doctors', 'nurses', 'voters',
  'officials', 'officers', 'members', 'individuals', 'passengers', 'survivors', 'protesters',
  'demonstrators', 'supporters', 'families', 'reservists', 'journalists', 'lawmakers', 'delegates',
  'athletes', 'players', 'fans', 'tourists', 'visitors', 'users', 'customers', 'suspects', 'police',
  'personnel', 'deaths', 'injuries', 'infections', 'cases'
])

// "one" and the noun it counts: "one count of fraud" → counts, "one of the five largest banks" → banks.
const oneOfThe = /[ \u00a0]+of[ \u00a0]+(?:the|those|these|its|their|his|her|our|my|your)(?=[ \u00a0])/y
// A unit of a charge or a tally: "one count of fraud", "one case of measles".
const oneNoun = /[ \u00a0]+([a-z][a-z\-]{2,})(?=[ \u00a0]+of[ \u00a0])/y
const numberNext = new RegExp(`[ \\u00a0]+(?:[0-9]|${cardinal}\\b)`, 'y')
// "one more case", "one new death": a count of one added to a tally.
const oneMeasure =
  /[ \u00a0]+(?:(?:more|new|additional)[ \u00a0]+)?(week|month|year|hour|minute|second|kilometre|kilometer|mile|metre|meter|person|man|woman|child|victim|patient|soldier|officer|student|worker|passenger|resident|death|case|suspect|casualty|fatality|infection)\b(?![ \u00a0-](?:of|or|and|another|after)\b)/y
const notCounted = new Set(['another', 'other', 'more', 'way', 'such', 'last', 'hand', 'side', 'day', 'point', 'time', 'thing'])

// "of the 2240", "of these": a number may stand between the determiner and the noun.
const ofGroup = guard(
  new RegExp(`[ \\u00a0]+of[ \\u00a0]+(?:the|these|those|its|their|his|her|our|my|your)(?:[ \\u00a0]+(?:[0-9][0-9,]*|${cardinal}))?(?=[ \\u00a0])`, 'y'),
  'some',
  'o'
)

/** The noun of the group a count is a part of: "908 of the 2240 attendees" → attendees. */
export function groupNoun(text: string, from: number, limit: number): {unit: string; end: number} | undefined {
  const of = at(ofGroup, text, from)
  if (!of) return undefined
  // "five of those involved ligatures": "those" stands alone before a verb.
  const next = at(wordAfter, text, from + of[0].length)
  if (next && verbForm.test(next[1]!)) return undefined
  return countedNoun(text, from + of[0].length, limit)
}

export function oneWithNoun(text: string, from: number, settings: Required<Options>): {unit: string; end: number} | undefined {
  const of = at(oneOfThe, text, from)
  if (of) {
    // Only one of a counted set: "one of the five largest banks", not "one of the officials".
    const counted = at(numberNext, text, from + of[0].length)
    return counted ? countedNoun(text, from + of[0].length, settings.maxAdjectives + 1) : undefined
  }
  // "one week", "one person": a measure or a person counted once.
  const single = at(oneMeasure, text, from)
  if (single) return {unit: single[1]!, end: from + single[0].length}
  const noun = at(oneNoun, text, from)
  if (!noun) return undefined
  const word = noun[1]!
  if (functionWords.has(word) || notCounted.has(word) || word.endsWith('ly') || word.endsWith('ing') || isPlural(word)) return undefined
  return {unit: plural(word), end: from + noun[0].length}
}

// The first plural noun after a number, past at most `limit` adjectives; a demonym before a
// capitalised noun and a list of nouns ("men, women, and children") are kept.
export function countedNoun(text: string, from: number, limit: number): {unit: string; end: number} | undefined {
  let position = from
  let skipped = 0
  let demonymStart = -1
  let previous = ''
  let previousStart = from
  while (skipped <= limit) {
    const word = at(wordAfter, text, position)
    if (!word) return undefined
    // A plural possessive counts as its plural ("six weeks' time").
    const written = word[1]!
    const token = isPossessivePlural(written) ? written.slice(0, -1) : written
    const lower = token.toLowerCase()
    const wordStart = position + word[0].length - written.length
    position += word[0].length
    // "US dollars": a word in capitals is a name, not a function word.
    // "32,000 more deaths": "more" before a noun is an adjective.
    if (functionWords.has(lower) && !allCaps.test(token) && !(lower === 'more' && skipped === 0)) return undefined
    const abbreviation = abbreviations.get(lower)
    if (abbreviation && skipped === 0 && token.length <= 3) return {unit: abbreviation, end: position}
    const money = skipped === 0 ? currencyWords.get(lower) : undefined
    if (money && lower !== 'p' && lower !== 'won') return {unit: money, end: position}
    const perDay = skipped === 0 && lower.includes('-') ? ratePerTime.exec(lower) : null
    if (perDay) return {unit: `${plural(perDay[1]!)} a ${perDay[2]}`, end: position}
    if (skipped === 0 && singularUnits.has(lower)) {
      // "a 40 yard line", "60 basis point": a singular measure noun is the unit.
      const basis = lower === 'basis' ? at(pointWord, text, position) : undefined
      if (basis) return {unit: 'basis points', end: position + basis[0].length}
      // "19,000 lane miles": it qualifies a measure after it.
      const measure = at(wordAfter, text, position)
      if (measure && measures.has(measure[1]!)) return {unit: `${lower} ${measure[1]!}`, end: position + measure[0].length}
      return {unit: plural(lower), end: position}
    }
    // After an adjective a singular time is when, not how long ("1,500 last week"); "US dollar" is a unit.
    if (isPlural(token) || irregular.has(lower) || (singularUnits.has(lower) && !times.has(lower)) || (lower.endsWith('n') || lower.endsWith('e') ? compoundPlural.test(lower) : false)) {
      const capital = startsUpper(token)
      // "five Armed Forces personnel": a capitalised plural names the body the noun after belongs to.
      const member = capital ? at(wordAfter, text, wordStart + token.length) : undefined
      if (member && memberNoun(member[1]!)) {
        previous = lower
        previousStart = wordStart
        position = wordStart + token.length
        skipped++
        continue
      }
      let start = capital && demonymStart >= 0 ? demonymStart : wordStart
      let end = wordStart + token.length
      let list: RegExpExecArray | undefined
      // Only a list of people is one count ("men, women, and children"), not "civilians, and hundreds".
      while (humans.has(lower) && (list = at(listAfter, text, end)) && humans.has(list[1]!.toLowerCase())) {
        end += list[0].length
      }
      let next: RegExpExecArray | undefined
      if (collective.has(lower) && (next = at(wordAfter, text, end)) && isPlural(next[1]!)) end += next[0].length
      else if (dimensions.has(previous) && measures.has(lower)) start = previousStart
      else if (lower === 'degrees' && (next = at(scaleOfDegrees, text, end)))
        return {unit: `degrees ${degreeScales.get(next[1]!) ?? next[1]!}`, end: end + next[0].length}
      else if (lengths.has(lower) && (next = at(perTime, text, end))) {
        const unit = `${text.slice(start, end).toLowerCase()} per ${next[1]!.toLowerCase()}`
        return {unit, end: end + next[0].length}
      }
      const unit = text.slice(start, end)
      return {unit: capital ? unit : unit.toLowerCase(), end}
    }
    previous = lower
    previousStart = wordStart
    if (startsUpper(token)) {
      if (demonymStart < 0) demonymStart = wordStart
    } else demonymStart = -1
    skipped++
    // "hundreds of ISIS (Islamic State of Iraq and Syria) fighters": an acronym's expansion.
    const expansion = allCaps.test(token) ? at(expansionAfter, text, position) : undefined
    if (expansion) position += expansion[0].length
  }
  return undefined
}

export function isPlural(token: string): boolean {
  const lower = token.toLowerCase()
  if (functionWords.has(lower) || lower.length < 3) return false
  // "non-Hamas" is an adjective; a capitalised plural is a people or a party ("Americans", "Democrats").
  if (token.includes('-') && /-\p{Lu}/u.test(token)) return false
  // "PIs", "CEOs", "NGOs".
  if (startsUpper(token)) {
    if (acronymPlural.test(token)) return true
    return /(?:ans|ites|ists|ers|ors|ots|ons|ims|ews|ds|ts|ces|lis|qis|nis|zis|kis)$/u.test(token)
  }
  if (!lower.endsWith('s')) return false
  // "ss", "us", "is" (and "ous"), "'s", "’s": not a plural.
  const before = lower.charCodeAt(lower.length - 2)
  return before !== 115 && before !== 117 && before !== 105 && before !== 39 && before !== 0x2019
}

// Whether `token` opens with a capital (ASCII by code, other scripts by pattern).
function startsUpper(token: string): boolean {
  const code = token.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return upperStart.test(token)
}
const upperStart = /^\p{Lu}/u

// "weeks'", "weeks’": a plural possessive.
function isPossessivePlural(word: string): boolean {
  const last = word.charCodeAt(word.length - 1)
  return (last === 39 || last === 0x2019) && word.charCodeAt(word.length - 2) === 115
}

// A lower-case plural or a group noun after a capitalised plural ("Armed Forces personnel").
function memberNoun(word: string): boolean {
  const code = word.charCodeAt(0)
  return code >= 97 && code <= 122 && (isPlural(word) || irregular.has(word))
}
