/**
 * Numeric figures with what they count and their hedge, as a unified plugin: `file.data.figures`.
 *
 * Numbers: digits with separators and decimals ("1,400", "2.5"), number words ("two dozen",
 * "a hundred", "seven-day"), scales ("$1.5 billion", "2.3m", "£600m"), percentages, currencies,
 * ranges ("between 200 and 300", "200-300", "200 to 300") and ratios ("three prisoners for every
 * hostage" → `per: "hostage"`). A hedge just before the number ("at least", "more than", "about",
 * "some", "the estimated"…) is the `qualifier`.
 *
 * Unit: what is counted, the first plural noun after the number, skipping up to three adjectives
 * ("150 Palestinian prisoners" → prisoners), keeping a demonym before a capitalised noun
 * ("Israeli Americans") and a list of nouns ("men, women, and children"). Currency symbols give
 * "dollars", "pounds", "euros"…, "%" gives "percent", "seven-day" gives "days". A count with no
 * noun of its own takes the unit of the figure before it in the sentence ("135 hostages …, with
 * 116 confirmed alive").
 *
 * Not figures: years (1000–2100 written without a separator, unless money or percent), dates
 * ("Oct. 7", "7 October"), times ("2 pm", "10:30"), ordinals ("21st"), decades ("1960s"),
 * identifiers (a bare number after a capitalised word inside the sentence: "Flight 847", or glued
 * to letters: "COVID-19"), a lone "one" (an article, not a count), and scores ("3-1").
 * Ages ("Mia Schem, 21,", "a 10-year-old") are kept with unit "years" and marked as ages.
 *
 * Score (intrinsic; topic relevance is added by a later stage):
 *   score = unit + hedge + magnitude + position + age, where
 *   unit      = 1 for people or a group of them (a plural noun for persons or a demonym),
 *               0.75 for money or percent, 0.5 for another unit, −0.5 when none is found
 *   hedge     = 0.5 when the figure carries a qualifier (a reader is told how exact it is)
 *   magnitude = min(1, log10(value) / 6): a million or more earns the full point
 *   position  = 0.5 × (1 − line index / line count): earlier in the article is worth more
 *   age       = −1 for an age, which is a detail about a person rather than a fact to report
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Figure, Reason} from '../types.js'
import {positionReason, readArticle, totalPoints} from './article.js'
import {letters} from './letters.js'
import {parseNumberWords} from './numbers.js'
import {plural} from '../words.js'
import {sentencesAt, type Span} from './sentences.js'
import {currencyBefore, currencyUnit, currencyWords, symbolUnit, unitSymbolAfter} from './units.js'

export interface Options {
  /**
   * Most adjectives skipped between a number and its noun.
   * @default 3
   */
  maxAdjectives?: number
  /**
   * Keep ages ("Mia Schem, 21,") as figures with unit "years".
   * @default true
   */
  ages?: boolean
}

const defaults: Required<Options> = {maxAdjectives: 3, ages: true}

declare module 'vfile' {
  interface DataMap {
    figures: Figure[]
  }
}

/** Find numeric figures, their units and hedges in the body paragraphs; sets `file.data.figures`. */
export default function remarkFigures(options?: Options) {
  const settings = {...defaults, ...options}
  return function (tree: Root, file: VFile) {
    file.data.figures = findFigures(tree, file, settings)
  }
}

// prettier-ignore
const cardinals = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'
]
// Case is spelled out in the pattern ("[Ee]ight") rather than with the `i` flag: the candidate
// scan runs over every character of the article and is much faster without `i` and `u`.
const capitalised = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`
const cardinal = `(?:${cardinals.map(capitalised).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`
const cardinalInside = `(?:${cardinals.join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`
const scaleWord = String.raw`(?:hundred|thousand|million|billion|trillion|dozen)`
const wordRun = String.raw`(?:[Aa]n?[ \u00a0]+${scaleWord}|${cardinal})(?:(?:[ \u00a0]+and[ \u00a0]+|[ \u00a0-]+)(?:${cardinalInside}|${scaleWord}))*`
const digits = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
// Finding numbers takes two steps, for speed: `starts` finds where one may begin (a digit, a
// currency sign, a number word), then the sticky `candidate` reads it whole from there. The
// character before a candidate and after a word run are checked in code (see `boxedIn`).
const starts = new RegExp(String.raw`[$£€¥0-9]|\b(?:[Aa]n?[ \u00a0]+${scaleWord}|${cardinal})(?:\b|(?=fold\b))`, 'g')
const candidate = new RegExp(String.raw`(?:(US|A|C|NZ|HK|S)?([$£€¥])(?:US|A)?[ \u00a0]?)?(?:(${digits})|\b(${wordRun})(?:\b|(?=fold\b)))`, 'y')
const currencyPrefix = /(?:^|[^A-Za-z])(US|A|C|NZ|HK|S)$/
// prettier-ignore
const fractions = new Map([['halves', 2], ['thirds', 3], ['quarters', 4], ['fifths', 5], ['sixths', 6], ['eighths', 8], ['tenths', 10]])
const currencies = new Map([
  ['$', 'dollars'],
  ['£', 'pounds'],
  ['€', 'euros'],
  ['¥', 'yen']
])
// prettier-ignore
const scaleValues = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['m', 1e6], ['mn', 1e6],
  ['billion', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['t', 1e12],
  ['crore', 1e7], ['crores', 1e7], ['lakh', 1e5], ['lakhs', 1e5]
])

// Sticky patterns, tried at the end of a number; the patterns before a number are anchored at
// the end of a short window. None uses the `u` flag: they run for every number in the article.
const L = letters.letter
const U = letters.upper
const scaleAfter = new RegExp(
  `[ \\u00a0]?(hundred|thousand|million|billion|trillion|crores?|lakhs?)\\b|(bn|mn|tn|m|b|k|t)(?![0-9${L}])`,
  'iy'
)
const percentAfter = /[ \u00a0]?(?:%|percent\b|per[ \u00a0]cent\b)/iy
const pointsAfter = /[ \u00a0]percentage[ \u00a0]points?\b/iy
const hyphenUnit = /-(?:(year|month|week|day)s?-old\b|(lb-ft|[A-Za-zµμ°][A-Za-z]*)\b)/y
const spacedAge = /[ \u00a0](year|month|week|day)s?[- \u00a0]old\b/iy
// "four-, five- and six-cylinder": the unit comes after the last number of the list.
const suspendedUnit = /-,?[ \u00a0]+(?:[\w.]+-,?[ \u00a0]+)*(?:and|or|to)[ \u00a0]+[\w.]+-([A-Za-z]+)\b/y
const moreScale = /[ \u00a0](hundred|thousand|million|billion|trillion)\b/iy
const negative = /(?:(?:^|[\s(\[])[-−]|\bminus[ \u00a0]+)$/i
// Before a four-digit number: words that make it a year even before a noun ("in 2019 people …"),
// and those that make it a year when no counted noun follows.
const strongYearWords = new Set('the its his her their in since during until till circa early late mid spring summer autumn winter fiscal season year'.split(' '))
const yearWords = new Set([...strongYearWords, 'by', 'of', 'from', 'to', 'before', 'after', 'through', 'between', 'and', 'or'])
const notCountWords = new Set('no any every each the this that which one only'.split(' '))
const boundAnd = /[ \u00a0]+and[ \u00a0]+/
const fromAfter = new RegExp(String.raw`[ \u00a0]+from[ \u00a0]+(?:[$£€¥])?(${digits})(?![0-9${L}])`, 'y')
const rangeAfter = new RegExp(String.raw`[ \u00a0]?(?:[-–—]|to)[ \u00a0]?(?:[$£€¥])?(${digits})(?![0-9${L}])`, 'iy')
const wordRangeAfter = new RegExp(String.raw`[ \u00a0]?(?:-|–|to|or)[ \u00a0]?(${wordRun})\b`, 'iy')
const andAfter = new RegExp(
  String.raw`[ \u00a0]+and[ \u00a0]+(?:[$£€¥])?(?:(${digits})|(${wordRun}))(?![0-9${L}])`,
  'iy'
)
const wordAfter = new RegExp(`[ \\u00a0]+([${L}][${L}’'\\-]*)`, 'y')
const listAfter = new RegExp(
  `(?:,[ \\u00a0]+and[ \\u00a0]+|,[ \\u00a0]+|[ \\u00a0]+and[ \\u00a0]+)([${L}][${L}’'\\-]*)`,
  'y'
)
const ratioAfter = new RegExp(
  `[ \\u00a0]+(?:for|per)[ \\u00a0]+(?:every|each)[ \\u00a0]+(?:[${L}’'\\-]+[ \\u00a0]+)??([${L}][${L}’'\\-]*)`,
  'y'
)
const timeAfter =
  /[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|BST\b|EST\b|EDT\b|PST\b|CET\b|o[’']clock\b|hrs\b|h\b)|:\d/iy
const ordinalAfter = /(?:st|nd|rd|th)\b/iy
const decadeAfter = /[’']?s\b/y
const monthAfter = /[ \u00a0](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/y
const monthBefore = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \u00a0]$/
const capitalBefore = new RegExp(`(?:^|[ \\u00a0(])([${L}&]*[${U}][${L}&\\-]*\\.?|No\\.|#|number)[ \\u00a0]?$`)
const ageBefore = new RegExp(`[${U}][${L}’'.\\-]*,[ \\u00a0]$|\\baged[ \\u00a0]$`)
const ageAfter = /(?:,|\)|;|\.|$)/y
const hedge =
  /\b(at least|at most|more than|less than|fewer than|no more than|over|nearly|almost|about|approximately|some|around|roughly|an estimated|the estimated|estimated|up to|close to|as many as|as much as|as few as|upwards of|just over|just under|well over|under|somewhere between|between|approx\.)[ \u00a0]+$/i

// Patterns used once a candidate is read (made once, not on every call).
const letterOrDigit = /[\p{L}\p{N}]/u
// "and" only joins after a scale word ("a hundred and two"), never two counts ("seven and eight").
const joiningAnd = /(?<!hundred|thousand|million|billion)[ \u00a0]+and[ \u00a0]+/iu
const fourDigits = /^\d{4}$/u
const peopleAfter = /^[ \u00a0]+(?:people|residents|users|viewers|voters|customers)\b/u
const loneOne = /^(?:one|an?)$/iu
const capitalisedWord = /^[ \u00a0](\p{Lu}[\p{L}’'\-]*)/u
const capitalisedStart = /^[ \u00a0]\p{Lu}\p{Ll}/u
const letter = /[\p{L}]/u
const gluedLetters = /^[\p{L}\/]+/u
const yearOld = /-year-old\b/u
const agedBefore = /\baged[ \u00a0]$/u
// Fractions: "1/4", "2 1/2".
const fraction = /[ \u00a0]?(\d+)?[\/⁄](\d+)(?![\p{N}])/uy

// prettier-ignore
const functionWords = new Set([
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
  'mice', 'geese', 'deer', 'sheep', 'fish', 'aircraft', 'livestock', 'crew', 'youth', 'clergy'
])

// prettier-ignore
const singularUnits = new Set([
  'day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'decade', 'century', 'mile',
  'kilometre', 'kilometer', 'metre', 'meter', 'foot', 'inch', 'acre', 'hectare', 'ton', 'tonne',
  'pound', 'dollar', 'euro', 'yen', 'person', 'gallon', 'litre', 'liter', 'barrel', 'degree',
  'yard', 'page', 'point', 'basis', 'storey', 'story', 'lane', 'seat', 'bed', 'room', 'member', 'game',
  'round', 'episode', 'step', 'cylinder', 'speed', 'door', 'star', 'hole', 'lap', 'kilogram', 'gram',
  'ounce', 'carat', 'acre', 'bedroom', 'floor', 'inning', 'stage', 'leg', 'mile'
])
const ratePerTime = /^([a-z]+)-(?:a|per)-(day|week|month|year|hour|minute|second)$/
const pointWord = /[ \u00a0]+points?\b/y

// prettier-ignore
const abbreviations = new Map([
  ['km', 'kilometres'], ['mi', 'miles'], ['kg', 'kilograms'], ['mg', 'milligrams'], ['g', 'grams'],
  ['ml', 'millilitres'], ['cm', 'centimetres'], ['mm', 'millimetres'], ['ft', 'feet'], ['lb', 'pounds'],
  ['lbs', 'pounds'], ['mph', 'miles per hour'], ['kph', 'kilometres per hour'], ['km/h', 'kilometres per hour'],
  ['m', 'metres'], ['l', 'litres'], ['t', 'tonnes'], ['gw', 'gigawatts'], ['mw', 'megawatts'],
  ['kw', 'kilowatts'], ['kwh', 'kilowatt hours'], ['mwh', 'megawatt hours'], ['gb', 'gigabytes'],
  ['mb', 'megabytes'], ['tb', 'terabytes'], ['sq', 'square']
])

// prettier-ignore
const humans = new Set([
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

// Quantities written as phrases: vague plurals ("hundreds of", "tens of thousands of") as a
// range from the least the plural can mean to the most ("dozens of" stays out: news uses it for
// an uncounted many, and the seed gold reads it so); fractions of a group ("half of the voters",
// "a third of", "one out of three people"); multipliers ("twice", "threefold").
const phrased = new RegExp(
  String.raw`\b(?:((?:[Tt]ens|[Hh]undreds) of (?:thousands|millions)|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)[ \u00a0]of(?=[ \u00a0])` +
    String.raw`|([Hh]alf|[Aa] (?:third|quarter|fifth|tenth)|(?:[Oo]ne|[Tt]wo)[- ]thirds?|(?:[Oo]ne|[Tt]hree)[- ]quarters?)[ \u00a0]of(?:[ \u00a0]the|[ \u00a0]all|[ \u00a0]its|[ \u00a0]their)?(?=[ \u00a0])` +
    String.raw`|([Tt]wice|[Tt]hrice)(?=[ \u00a0]+(?:as|the|that)\b))`,
  'g'
)
const phraseWords = /undreds|housands|illions|alf|third|quarter|fifth|tenth|wice|hrice/
// After a number: "one out of three", "1 in 5", "threefold", "10-fold".
const outOf = new RegExp(String.raw`[ \u00a0]+(?:out[ \u00a0]+of|in)[ \u00a0]+(?:every[ \u00a0]+)?(${cardinal}|\d+)(?=[ \u00a0])`, 'y')
const foldAfter = /-?fold\b/y
const vagueRanges = new Map<string, [number, number]>([
  ['hundreds', [200, 999]], ['thousands', [2000, 9999]], ['millions', [2e6, 9999999]],
  ['billions', [2e9, 9999999999]], ['tens of thousands', [20000, 99999]], ['hundreds of thousands', [200000, 999999]],
  ['tens of millions', [2e7, 99999999]], ['hundreds of millions', [2e8, 999999999]]
])
const shares = new Map([['half', 1 / 2], ['third', 1 / 3], ['quarter', 1 / 4], ['fifth', 1 / 5], ['tenth', 1 / 10]])

function readPhrase(match: RegExpExecArray): {value: number | [number, number]; unit: string; counts: boolean; length: number} | undefined {
  const [, vagueWords, share, times] = match
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

// A figure's sentence beyond this many characters either side of it is cut at a word.
const shownAround = 300

// The part of `sentence` within `shownAround` characters of [from, to), cut at spaces.
function capped(sentence: Span, from: number, to: number, text: string): Span {
  let start = sentence.start
  if (from - start > shownAround) {
    start = text.indexOf(' ', from - shownAround) + 1
    if (start <= 0 || start > from) start = from
  }
  let end = sentence.end
  if (end - to > shownAround) {
    end = text.lastIndexOf(' ', to + shownAround)
    if (end < to) end = to
  }
  return {start, end}
}

function findFigures(tree: Root, file: VFile, settings: Required<Options>): Figure[] {
  const article = readArticle(tree, file)
  const lines = article.lines

  const figures: Figure[] = []
  for (const [index, line] of lines.entries()) {
    const text = line.text
    // Split into sentences only once a line turns out to hold a number.
    let sentences: Span[] | undefined
    let sentence = 0
    let previous: {unit: string; sentence: number} | undefined
    starts.lastIndex = 0
    let start: RegExpExecArray | null
    while ((start = starts.exec(text))) {
      let from = start.index
      const first = text.charCodeAt(from)
      if (first < 48 || first > 57) {
        const prefix =
          first === 36 || first === 163 || first === 8364 || first === 165
            ? currencyPrefix.exec(text.slice(Math.max(0, from - 3), from))
            : null
        if (prefix) from -= prefix[1]!.length
      }
      candidate.lastIndex = from
      const match = candidate.exec(text)
      if (!match) continue
      starts.lastIndex = match.index + match[0].length
      // A currency code before the number, spaced or glued ("USD 5m", "Rs 2,000", "R500").
      let code = match[2] === undefined ? currencyBefore.exec(text.slice(Math.max(0, match.index - 5), match.index)) : null
      // A lone glued letter code is money only before a real amount ("R500", not "R0" or "R2-D2").
      if (code && code[1]!.length <= 2 && !/[ \u00a0]$/.test(code[1]!) && (match[0].length < 2 || match[0] === '0' || text[match.index + match[0].length] === '-'))
        code = null
      if (!code && boxedIn(text, match)) continue
      sentences ??= sentencesAt(text, article.cuts(line))
      while (sentence < sentences.length - 1 && sentences[sentence]!.end <= match.index) sentence++
      const span = sentences[sentence] ?? {start: 0, end: text.length}
      const found = readFigure(text, match, span, settings, code?.[1])
      if (!found) continue
      if (found.consumed > starts.lastIndex) starts.lastIndex = found.consumed
      const figure = found.figure
      let inherited = false
      // An ellipsed count takes the counted noun before it, never percent or money ("rose 0.4%
      // to 13,176": the level has no unit).
      if (figure.unit === '' && previous && previous.sentence === sentence && previous.unit !== '' && !moneyUnits.has(previous.unit)) {
        figure.unit = previous.unit
        inherited = true
      }
      previous = {unit: figure.unit, sentence}
      pushFigure(figure, found.age, inherited, span)
    }
    // Quantities in words: "hundreds of homes", "half of the voters", "one out of three
    // people", "twice", "threefold".
    phrased.lastIndex = 0
    // Most lines hold none of these words: a literal scan rules them out before the phrase regex.
    if (!phraseWords.test(text)) phrased.lastIndex = text.length
    let phrase: RegExpExecArray | null
    let phraseSentence = 0
    while ((phrase = phrased.exec(text))) {
      if (phrase.index > 0 && isWordCode(text.charCodeAt(phrase.index - 1))) continue
      const read = readPhrase(phrase)
      if (!read) continue
      const head = phrase.index + phrase[0].length
      const noun = read.counts ? countedNoun(text, head, settings.maxAdjectives + 1) : undefined
      sentences ??= sentencesAt(text, article.cuts(line))
      while (phraseSentence < sentences.length - 1 && sentences[phraseSentence]!.end <= phrase.index) phraseSentence++
      const span = sentences[phraseSentence] ?? {start: 0, end: text.length}
      const end = noun ? noun.end : phrase.index + read.length
      const figure: Figure = {
        value: read.value,
        unit: noun?.unit ?? read.unit,
        text: text.slice(phrase.index, end),
        sentence: '',
        start: phrase.index,
        end,
        score: 0,
        reasons: []
      }
      pushFigure(figure, false, false, span)
    }

    function pushFigure(figure: Figure, age: boolean, inherited: boolean, span: Span) {
      const shown = capped(span, figure.start, figure.end, text)
      figure.sentence = text.slice(shown.start, shown.end)
      figure.start += line.start
      figure.end += line.start
      const reasons = scoreFigure(figure, age, inherited, index / Math.max(1, lines.length))
      figure.reasons = reasons
      figure.score = totalPoints(reasons)
      figures.push(figure)
    }
  }
  // A phrase read whole ("one out of three people") wins over the numbers inside it.
  figures.sort((a, b) => a.start - b.start || b.end - a.end)
  let kept = 0
  for (const figure of figures) if (kept === 0 || figure.start >= figures[kept - 1]!.end) figures[kept++] = figure
  figures.length = kept
  return figures
}

// A candidate glued to letters or digits before it ("A300", "x2"), or a word run glued after.
function boxedIn(text: string, match: RegExpExecArray): boolean {
  if (match.index > 0) {
    const before = text.charCodeAt(match.index - 1)
    if (isWordCode(before) || before === 46 || before === 44 || before === 58 || before === 47) return true
  }
  if (match[4] !== undefined) {
    const after = text.charCodeAt(match.index + match[0].length)
    if (isWordCode(after) && !text.startsWith('fold', match.index + match[0].length)) return true
  }
  return false
}

function isWordCode(code: number): boolean {
  if (Number.isNaN(code)) return false
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  if (code < 0xc0) return false
  const char = String.fromCharCode(code)
  return char.toLowerCase() !== char.toUpperCase()
}

interface Found {
  figure: Figure
  age: boolean
  /** Where the scan goes on in the line. */
  consumed: number
}

// Read one figure at a candidate number, or `undefined` when it is not a figure. `code`: a
// currency code or sign read before the number ("USD ", "R").
function readFigure(
  text: string,
  match: RegExpExecArray,
  sentence: Span,
  settings: Required<Options>,
  code?: string
): Found | undefined {
  const currency = match[2] === undefined ? code : (match[1] ?? '') + match[2]
  const numberText = match[3] ?? match[4] ?? ''
  const numberStart = match.index + match[0].length - numberText.length
  let end = match.index + match[0].length
  const beforeStart = Math.max(sentence.start, match.index - 24)
  const before = text.slice(beforeStart, match.index)
  const charBefore = match.index > 0 ? text[match.index - 1]! : ''
  const isDigits = match[3] !== undefined
  // The word right before the number, lower case: most context tests need only it, and a set
  // lookup costs far less than an end-anchored regex tried at every position of \`before\`.
  const previousWord = lastWord(before)

  // Glued to a word ("COVID-19", "F-16"): an identifier.
  if (charBefore === '-' && match.index > 1 && letterOrDigit.test(text[match.index - 2]!)) return undefined

  let value: number
  let words = numberText
  if (isDigits) {
    value = Number(numberText.replaceAll(',', ''))
    // Fractions: "1/4", "2 1/2", "1⁄32".
    const found = at(fraction, text, end)
    if (found && (found[1] !== undefined || text[end] === '/' || text[end] === '⁄')) {
      const denominator = Number(found[2])
      if (denominator === 0 || numberText.includes(',')) return undefined
      value = found[1] === undefined ? value / denominator : value + Number(found[1]) / denominator
      end += found[0].length
    }
  } else {
    // "between four thousand and five thousand": the "and" joins the bounds, not the words.
    const cut = (previousWord === 'between' ? boundAnd : joiningAnd).exec(words)
    if (cut) {
      words = words.slice(0, cut.index)
      end = numberStart + words.length
    }
    const parsed = parseNumberWords(words)
    if (parsed === undefined) return undefined
    value = parsed
  }

  if (at(timeAfter, text, end) || at(ordinalAfter, text, end)) return undefined
  if (isDigits && at(decadeAfter, text, end) && fourDigits.test(numberText)) return undefined
  const integer = Number.isInteger(value) && !numberText.includes('.')
  const day = integer && value >= 1 && value <= 31
  if (day && (monthBefore.test(before) || at(monthAfter, text, end))) return undefined

  let unit = currency ? (currencyUnit(currency) ?? currencies.get(currency.slice(-1)) ?? '') : ''
  let textEnd = end
  let age = false
  const reasons: Reason[] = []
  let spanStart = currency ? match.index - (code?.length ?? 0) : numberStart

  // Signs: "-1.3%", "minus 5".
  const sign = charBefore === '-' || charBefore === '−' || previousWord === 'minus' ? negative.exec(before) : null
  if (sign && (sign[1] !== undefined || !currency)) {
    value = -value
    spanStart = match.index - (code?.length ?? 0) - sign[0].length + (sign[0].length - sign[0].trimStart().length)
  }

  // Scale: "1.5 billion", "2.3m", "£600m", "4 hundred million", "500 crore".
  const scale = at(scaleAfter, text, end)
  if (scale) {
    const word = (scale[1] ?? scale[2] ?? '').toLowerCase()
    const short = scale[2] !== undefined
    // A glued "t" is a trillion only for money ("$2.174T"); otherwise tonnes.
    if ((!short || currency || isDigits) && (word !== 't' || currency)) {
      // A glued "m" is metres unless money or a counted noun follows ("1.2m tons").
      const after = end + scale[0].length
      const glued =
        short && !currency && word === 'm' && !peopleAfter.test(text.slice(after, after + 16)) && !countedNoun(text, after, 1)
      if (!glued) {
        value *= scaleValues.get(word) ?? 1
        end = after
        let more: RegExpExecArray | undefined
        while (!short && (more = at(moreScale, text, end))) {
          value *= scaleValues.get(more[1]!.toLowerCase()) ?? 1
          end += more[0].length
        }
        textEnd = end
      }
    }
  }

  // Years: a four-digit whole number, unless money, percent, a scale or a count follows.
  const percent = at(percentAfter, text, end)
  if (isDigits && integer && !currency && !percent && !scale && fourDigits.test(numberText) && value >= 1000 && value < 3000) {
    const counted = at(unitSymbolAfter, text, end) || countedNoun(text, end, settings.maxAdjectives)
    const context = yearWords.has(previousWord) || monthBefore.test(before) || before.trim() === ''
    // A year range too ("2013-14").
    // A round number before a counted noun is a count ("1000 customers"); 1900–2100 otherwise
    // reads as a year ("the infamous 1985 hijackings").
    const count = counted && (value % 100 === 0 || value < 1900) && !strongYearWords.has(previousWord)
    if (value <= 2100 ? !count : context && !counted) return undefined
  }
  // "one" is a count only with a noun ("one count of fraud", "one of the five largest banks").
  let oneOf: {unit: string; end: number} | undefined
  if (!isDigits && loneOne.test(words) && !at(hyphenUnit, text, end) && !(words.toLowerCase() === 'one' && at(outOf, text, end))) {
    oneOf = words.toLowerCase() === 'one' && !notCountWords.has(previousWord) ? oneWithNoun(text, end, settings) : undefined
    if (!oneOf) return undefined
  }

  // A unit symbol, spaced or glued ("185 hp", "3.2GHz", "104°F").
  const symbol = !currency && !percent ? at(unitSymbolAfter, text, end) : undefined
  if (symbol) {
    unit = symbolUnit(symbol[1]!) ?? symbol[1]!
    end += symbol[0].length
    textEnd = end
  }

  // Identifiers: a bare number after a capitalised word inside the sentence ("Flight 847",
  // "S&P 500", "iPhone 11"), or after "number".
  const capital = capitalBefore.exec(before)
  if (isDigits && integer && !currency && !symbol && !numberText.includes(',') && capital) {
    const wordStart = match.index - capital[0].length + (capital[0].length - capital[0].trimStart().length)
    if (!onlySpaceBetween(text, sentence.start, wordStart) && !hedge.test(before)) return undefined
  }
  // A bare number before a capitalised name is a model or a designation ("737 Max").
  if (isDigits && integer && !currency && !symbol && capitalisedStart.test(text.slice(end, end + 3)) && !at(monthAfter, text, end)) {
    const next = capitalisedWord.exec(text.slice(end, end + 30))
    if (next && !isPlural(next[1]!) && !countedNoun(text, end, settings.maxAdjectives)) return undefined
  }
  // Letters glued after digits that are not a scale or a known unit: an identifier when digits
  // follow ("06F6", "4e14"), else the letters are the unit ("40mcg").
  if (isDigits && !scale && !symbol && letter.test(text[end] ?? '')) {
    const glued = gluedLetters.exec(text.slice(end, end + 8))![0]
    if (/[0-9]/.test(text[end + glued.length] ?? '')) return undefined
    unit = abbreviations.get(glued.toLowerCase()) ?? currencyWords.get(glued) ?? glued
    end += glued.length
    textEnd = end
  }

  // The first bound's share: "1 per cent to 1.5 per cent".
  const percentFirst = at(percentAfter, text, end)
  if (percentFirst && !unit) {
    const points = at(pointsAfter, text, end)
    unit = points ? 'percentage points' : 'percent'
    end += (points ?? percentFirst)[0].length
    textEnd = end
  }

  // "one out of three people", "1 in 5 adults": a share; "threefold": a multiplier.
  if (!unit && !currency) {
    const share = at(outOf, text, end)
    const bottom = share ? Number(share[1]) || parseNumberWords(share[1]!) : undefined
    if (share && bottom && value < bottom) {
      value /= bottom
      end += share[0].length
      textEnd = end
    } else if (at(foldAfter, text, end)) {
      end = textEnd = end + at(foldAfter, text, end)![0].length
      unit = 'times'
    }
  }

  // Ranges: "200-300", "200 to 300", "between 200 and 300", "from 5.2% to 4.8%".
  let range: [number, number] | undefined
  let qualifierMatch = hedge.exec(before)
  let qualifier = qualifierMatch ? qualifierMatch[1]!.toLowerCase() : undefined
  const between = qualifier === 'between' || qualifier === 'somewhere between'
  const change = previousWord === 'from'
  const second = between ? at(andAfter, text, end) : isDigits ? at(rangeAfter, text, end) : at(wordRangeAfter, text, end)
  if (second) {
    let high = Number.NaN
    if (second[1] !== undefined) high = isDigits || between ? Number(second[1].replaceAll(',', '')) : (parseNumberWords(second[1]) ?? Number.NaN)
    if (second[2] !== undefined) high = parseNumberWords(second[2]) ?? Number.NaN
    if (!Number.isNaN(high)) {
      let afterSecond = end + second[0].length
      const secondScale = at(scaleAfter, text, afterSecond)
      let factor = scale ? value / Number(numberText.replaceAll(',', '')) || 1 : 1
      if (secondScale) {
        const word = (secondScale[1] ?? secondScale[2] ?? '').toLowerCase()
        if (secondScale[1] !== undefined || currency) {
          const secondFactor = scaleValues.get(word) ?? factor
          afterSecond += secondScale[0].length
          // A scale on the second bound rescales a first bound written short ("1 to 2 million"),
          // never one written in full ("$800,000 to $1.3 million").
          if (!scale && Math.abs(value) <= high) value *= secondFactor
          factor = secondFactor
        }
      }
      high *= factor
      const sameUnit = unit === 'percent' ? at(percentAfter, text, afterSecond) : symbol ? at(unitSymbolAfter, text, afterSecond) : undefined
      if (sameUnit) afterSecond += sameUnit[0].length
      const toWord = /to/i.test(second[0])
      // "rose by 2% to 13,176": a share and a level are two figures, not one range.
      const unitKept = sameUnit !== undefined || (unit !== 'percent' && !symbol)
      // "grew by $5 million to $40 million": the change and the level are two figures.
      const byThenTo = toWord && previousWord === 'by'
      if (unitKept && !byThenTo && (high > value || (change && toWord && high !== value))) {
        range = [value, high]
        end = afterSecond
        textEnd = end
      } else if (unitKept && isDigits && !between && !toWord) return undefined // A score or a year span ("3-1", "2013-14").
    }
  }
  // "rose to 7% from 6%": the change as [from, to].
  if (!range && previousWord === 'to') {
    const from = at(fromAfter, text, end)
    if (from) {
      let low = Number(from[1]!.replaceAll(',', ''))
      let afterFrom = end + from[0].length
      const fromScale = at(scaleAfter, text, afterFrom)
      if (fromScale && fromScale[1] !== undefined) {
        low *= scaleValues.get(fromScale[1].toLowerCase()) ?? 1
        afterFrom += fromScale[0].length
      } else if (scale) low *= value / Number(numberText.replaceAll(',', '')) || 1
      const sameUnit = unit === 'percent' ? at(percentAfter, text, afterFrom) : undefined
      if (sameUnit) afterFrom += sameUnit[0].length
      if (low !== value) {
        range = [low, value]
        end = afterFrom
        textEnd = end
      }
    }
  }
  if (between) {
    if (range) {
      // The bounds of a range say how sure it is: "between" is part of the figure, not a hedge.
      qualifier = undefined
      spanStart = beforeStart + qualifierMatch!.index + qualifierMatch![0].toLowerCase().lastIndexOf('between')
    } else {
      qualifier = undefined
      qualifierMatch = null
    }
  }
  if (qualifier === 'an estimated' || qualifier === 'the estimated') qualifier = 'estimated'
  if (qualifier === 'approx.') qualifier = 'approximately'

  const percentNow = !unit ? at(percentAfter, text, end) : undefined
  if (percentNow) {
    const points = at(pointsAfter, text, end)
    unit = points ? 'percentage points' : 'percent'
    end += (points ?? percentNow)[0].length
    textEnd = end
  }

  // "seven-day", "a 10-year-old", "185-hp", "2.4-liter", "15 year-old", "four-, five- and six-cylinder".
  let hyphen = !unit ? (at(hyphenUnit, text, end) ?? at(spacedAge, text, end)) : undefined
  if (hyphen?.[2] !== undefined && (functionWords.has(hyphen[2].toLowerCase()) || parseNumberWords(hyphen[2]) !== undefined))
    hyphen = undefined
  if (hyphen) {
    if (hyphen[1] !== undefined) {
      age = true
      unit = plural(hyphen[1].toLowerCase())
    } else unit = symbolUnit(hyphen[2]!) ?? plural(hyphen[2]!.toLowerCase())
    end += hyphen[0].length
    textEnd = end
  } else if (!unit) {
    const suspended = at(suspendedUnit, text, end)
    if (suspended) unit = symbolUnit(suspended[1]!) ?? plural(suspended[1]!.toLowerCase())
  }

  // The counted noun, skipping adjectives.
  if (oneOf) {
    unit = oneOf.unit
    textEnd = end = oneOf.end
  } else if (!unit) {
    const noun = countedNoun(text, end, settings.maxAdjectives)
    if (noun) {
      unit = noun.unit
      textEnd = noun.end
      end = noun.end
    }
  }

  // Fraction words: "two thirds", "three quarters".
  const denominator = fractions.get(unit)
  if (denominator && !isDigits && !range) {
    value /= denominator
    unit = ''
  }

  // Ratio: "three prisoners for every hostage".
  let per: string | undefined
  const ratio = unit ? at(ratioAfter, text, end) : undefined
  if (ratio) per = ratio[1]!

  if (!unit && integer && !currency && !range && value >= 1 && value <= 120) {
    if (ageBefore.test(before) && at(ageAfter, text, end)) {
      if (!settings.ages) return undefined
      age = true
      unit = 'years'
    }
  }
  if (yearOld.test(text.slice(end, end + 10)) || agedBefore.test(before)) {
    if (!settings.ages) return undefined
    age = true
  }
  if (age && !settings.ages) return undefined

  const figure: Figure = {
    value: range ?? value,
    unit,
    text: text.slice(spanStart, textEnd),
    sentence: '',
    start: spanStart,
    end: textEnd,
    score: 0,
    reasons
  }
  if (qualifier) figure.qualifier = qualifier
  if (per) figure.per = per
  return {figure, age, consumed: end}
}

// "one" and the noun it counts: "one count of fraud" → counts, "one of the five largest banks" → banks.
const oneOfThe = /[ \u00a0]+of[ \u00a0]+(?:the|those|these|its|their|his|her|our|my|your)(?=[ \u00a0])/y
// A unit of a charge or a tally: "one count of fraud", "one case of measles".
const oneNoun = /[ \u00a0]+([a-z][a-z\-]{2,})(?=[ \u00a0]+of[ \u00a0])/y
const numberNext = new RegExp(`[ \\u00a0]+(?:[0-9]|${cardinal}\\b)`, 'y')
const notCounted = new Set(['another', 'other', 'more', 'way', 'such', 'last', 'hand', 'side', 'day', 'point', 'time', 'thing'])

function oneWithNoun(text: string, from: number, settings: Required<Options>): {unit: string; end: number} | undefined {
  const of = at(oneOfThe, text, from)
  if (of) {
    // Only one of a counted set: "one of the five largest banks", not "one of the officials".
    const counted = at(numberNext, text, from + of[0].length)
    return counted ? countedNoun(text, from + of[0].length, settings.maxAdjectives + 1) : undefined
  }
  const noun = at(oneNoun, text, from)
  if (!noun) return undefined
  const word = noun[1]!
  if (functionWords.has(word) || notCounted.has(word) || word.endsWith('ly') || word.endsWith('ing') || isPlural(word)) return undefined
  return {unit: plural(word), end: from + noun[0].length}
}

// The last word of \`text\` (letters only, after trailing spaces), lower case; '' when none.
function lastWord(text: string): string {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 160)) end--
  let start = end
  while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--
  return text.slice(start, end).toLowerCase()
}

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let index = to - 1
  while (index >= from && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 160)) index--
  return index < from
}

// The first plural noun after a number, past at most `limit` adjectives; a demonym before a
// capitalised noun and a list of nouns ("men, women, and children") are kept.
function countedNoun(text: string, from: number, limit: number): {unit: string; end: number} | undefined {
  let position = from
  let skipped = 0
  let demonymStart = -1
  while (skipped <= limit) {
    const word = at(wordAfter, text, position)
    if (!word) return undefined
    const token = word[1]!
    const lower = token.toLowerCase()
    const wordStart = position + word[0].length - token.length
    position += word[0].length
    if (functionWords.has(lower)) return undefined
    const abbreviation = abbreviations.get(lower)
    if (abbreviation && skipped === 0 && token.length <= 3) return {unit: abbreviation, end: position}
    const money = skipped === 0 ? currencyWords.get(lower) : undefined
    if (money && lower !== 'p' && lower !== 'won') return {unit: money, end: position}
    const perDay = skipped === 0 ? ratePerTime.exec(lower) : null
    if (perDay) return {unit: `${plural(perDay[1]!)} a ${perDay[2]}`, end: position}
    if (skipped === 0 && singularUnits.has(lower)) {
      // "a 40 yard line", "60 basis point": a singular measure noun is the unit.
      const basis = lower === 'basis' ? at(pointWord, text, position) : undefined
      if (basis) return {unit: 'basis points', end: position + basis[0].length}
      return {unit: plural(lower), end: position}
    }
    if (isPlural(token) || irregular.has(lower) || singularUnits.has(lower)) {
      const capital = /^\p{Lu}/u.test(token)
      const start = capital && demonymStart >= 0 ? demonymStart : wordStart
      let end = position
      let list: RegExpExecArray | undefined
      // Only a list of people is one count ("men, women, and children"), not "civilians, and hundreds".
      while (humans.has(lower) && (list = at(listAfter, text, end)) && humans.has(list[1]!.toLowerCase())) {
        end += list[0].length
      }
      const unit = text.slice(start, end)
      return {unit: capital ? unit : unit.toLowerCase(), end}
    }
    if (/^\p{Lu}/u.test(token)) {
      if (demonymStart < 0) demonymStart = wordStart
    } else demonymStart = -1
    skipped++
  }
  return undefined
}

function isPlural(token: string): boolean {
  const lower = token.toLowerCase()
  if (functionWords.has(lower) || lower.length < 3) return false
  // "non-Hamas" is an adjective; a capitalised plural is a people or a party ("Americans", "Democrats").
  if (/-\p{Lu}/u.test(token)) return false
  if (/^\p{Lu}/u.test(token)) return /(?:ans|ites|ists|ers|ots|ons|ims|ews|ds|ts|lis|qis|nis|zis|kis)$/u.test(token)
  return /s$/u.test(lower) && !/(?:ss|us|is|ous|'s|’s)$/u.test(lower)
}

function at(pattern: RegExp, text: string, index: number): RegExpExecArray | undefined {
  pattern.lastIndex = index
  return pattern.exec(text) ?? undefined
}

const demonym = /(?:ans|is|ese|ers)$/
const moneyUnits = new Set([...currencyWords.values(), 'percent', 'percentage points'])

// The end of the first word of a unit ("men" in "men, women, and children").
function firstBreak(unit: string): number {
  for (let index = 0; index < unit.length; index++) {
    const code = unit.charCodeAt(index)
    if (code === 32 || code === 44) return index
  }
  return unit.length
}

function scoreFigure(figure: Figure, age: boolean, inherited: boolean, position: number): Reason[] {
  const reasons: Reason[] = []
  const unit = figure.unit
  const head = unit.slice(0, firstBreak(unit))
  const last = unit.slice(unit.lastIndexOf(' ') + 1)
  const people = humans.has(head.toLowerCase()) || (last !== last.toLowerCase() && demonym.test(last))
  const money = moneyUnits.has(unit)
  const unitPoints = unit === '' ? -0.5 : people ? 1 : money ? 0.75 : 0.5
  reasons.push({
    name: 'unit',
    points: unitPoints,
    detail:
      unit === ''
        ? 'no unit found'
        : `${people ? 'people' : money ? 'money or percent' : 'counts'}: ${unit}${inherited ? ' (from the figure before)' : ''}`
  })
  if (figure.qualifier) reasons.push({name: 'hedge', points: 0.5, detail: figure.qualifier})
  const value = Array.isArray(figure.value) ? figure.value[1] : figure.value
  reasons.push({
    name: 'magnitude',
    points: round(Math.min(1, Math.log10(Math.max(1, value)) / 6)),
    detail: String(value)
  })
  reasons.push(positionReason(position))
  if (age) reasons.push({name: 'age', points: -1, detail: 'an age'})
  return reasons
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
