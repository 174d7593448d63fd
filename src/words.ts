/**
 * Word-level helpers shared by topics, scoring, selection and series: one tokeniser, one
 * stop-word list and one plural rule, so "hostages" means the same thing in every stage.
 */
import pluralize from 'pluralize'

/** Function words and news filler that never name a topic or a measured thing. */
export const stopWords = new Set(
  (
    'a about above after again against all almost along also although am among an and another any are around as at ' +
    'back be became because been before being below between both but by can could did do does doing done down during ' +
    'each either else even ever every few for from further get gets got had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just last least less like made make many may me might more most ' +
    'much must my near nearly neither never new next no nor not now of off on once one only or other others our ours out ' +
    'over own per perhaps rather said same say says see several she should since so some such than that the their theirs ' +
    'them themselves then there these they this those though through thus to too toward towards under until up upon us ' +
    'very via was we well were what when where whether which while who whom whose why will with within without would yet ' +
    'you your yours also according told tell tells week weeks year years day days today yesterday monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec time times first second third including include includes including ' +
    'reported reports report reportedly stated states stating announced called added noted two three four five six seven ' +
    'eight nine ten hundred hundreds thousand thousands million millions billion dozen dozens part people way ways use used ' +
    'still already later earlier early late currently recent recently went going come came take took taken give gave given ' +
    'mr mrs ms dr st percent whose being man men woman women matter special national international official officials ' +
    'government group thing things number lot former source sources regarding believe believed familiar ' +
    'according told around'
  ).split(' ')
)

/** A word: letters, digits, inner hyphens and apostrophes. */
export const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** Words of a text, lower-cased, with their surface form: letters, digits, inner hyphens and apostrophes. */
export function words(text: string): {word: string; surface: string; index: number}[] {
  const result: {word: string; surface: string; index: number}[] = []
  for (const match of text.matchAll(wordPattern)) {
    result.push({word: match[0].toLowerCase().replace(/’/g, "'"), surface: match[0], index: match.index})
  }
  return result
}

// pluralize knows English inflection ("crises" → "crisis", "children" → "child"); these are
// the words news counts in that it gets wrong for our use: mass nouns and units that keep their
// form, and units spelled out the way figures name them.
const uncountable = [
  'data', 'media', 'news', 'series', 'species', 'means', 'percent', 'police', 'staff', 'personnel',
  'equipment', 'information', 'aircraft', 'livestock', 'headquarters', 'hp', 'bhp', 'rpm', 'mph',
  'mpg', 'kwh', 'mah', 'ppm', 'ppb', 'lb-ft', 'crore', 'lakh', 'yuan', 'yen', 'rand', 'baht', 'won'
]
for (const word of uncountable) pluralize.addUncountableRule(word)
const irregularPlurals = new Map([['km', 'kilometres']])

/**
 * `inflect` remembered per word: a build meets the same few thousand words again and again, and
 * pluralize tries dozens of rules each time. Bounded, so a stream of odd words cannot grow it.
 */
function remembered(inflect: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>()
  return (word) => {
    let found = known.get(word)
    if (found === undefined) {
      found = inflect(word)
      if (known.size >= 200_000) known.clear()
      known.set(word, found)
    }
    return found
  }
}

const pluralizeSingular = remembered((word) => pluralize.singular(word))
const pluralizePlural = remembered((word) => pluralize.plural(word))

/** The singular a plural most likely stands for: "casualties" → "casualty", "crises" → "crisis". */
export function singular(word: string): string {
  return word.length <= 3 ? word : pluralizeSingular(word)
}

/** The plural of a counted noun, the inverse of `singular`: "casualty" → "casualties", "person" → "people". */
export function plural(word: string): string {
  const irregular = irregularPlurals.get(word)
  if (irregular) return irregular
  // Shares and currencies do not take an s: "40 percent", "£600m".
  if (/(?:%|percent|\$|€|£)$/.test(word)) return word
  return pluralizePlural(word)
}

/** The sentences of a text, split after `.`, `!` or `?` unless the dot ends a known abbreviation. */
export function sentences(text: string): {text: string; start: number}[] {
  const result: {text: string; start: number}[] = []
  const boundary = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu
  let start = 0
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length
    const before = text.slice(start, match.index + 1)
    // "U.S.", "Oct.", "Mr." end in a dot without ending the sentence.
    if (/(?:^|[\s(])(?:[\p{Lu}]|[\p{Lu}]\.[\p{Lu}]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)\.$/u.test(before)) continue
    result.push({text: text.slice(start, end).trim(), start})
    start = end
  }
  const rest = text.slice(start).trim()
  if (rest) result.push({text: rest, start})
  return result
}

/** The sentence of `text` that holds `part`; the whole text when `part` is not found in it. */
export function sentenceAround(text: string, part: string): string {
  const at = text.indexOf(part)
  if (at < 0) return text
  const found = sentences(text).findLast((sentence) => sentence.start <= at)
  return found?.text ?? text
}

/** The distinct lower-case words of a text. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text).map((entry) => entry.word))
}

/** Share of the smaller set of words that the other text also has: 1 when one contains the other. */
export function wordOverlap(a: string | Set<string>, b: string | Set<string>): number {
  const left = typeof a === 'string' ? wordSet(a) : a
  const right = typeof b === 'string' ? wordSet(b) : b
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / Math.min(left.size, right.size)
}
