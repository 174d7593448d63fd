import {shownOf} from './figures.js'
import {addName, asideWhy, bodyParagraphs, leadOf, storyNames} from './lead.js'
import {measureOf, type Measure} from './measure.js'
import {presentQuote, type Presented} from './quotes.js'
import {keywordCounter, keywordsAnywhere} from './topics.js'
import type {Article, Figure, Quote, Reason, Topic} from '../types.js'
import {wordAt, writtenAt} from './written.js'
import {eachCapitalised, nextNonSpace, nextWord, sentenceAround, sentenceBounds, stopWords, upperAt, wordEnd} from '../words.js'

/** A quote or figure with the topics it belongs to and its full score. */
export type Candidate = CandidateBase & (QuotePart | FigurePart)

interface QuotePart {
  kind: 'quote'
  item: Quote
  /** The quote as the email prints it (whitespace, emphasis and entities tidied). */
  display?: string
  /** The reporter's sentence a partial quote is printed in. */
  frame?: string
}

interface FigurePart {
  kind: 'figure'
  item: Figure
  measure?: Measure
  /** Names in the headline and the figure's sentence: what ties figures of different days to one story. */
  context: string[]
  /** The phrase the email prints. */
  shown?: string
  /** Set when this figure's phrase takes in the next figure of its sentence (its `start`). */
  joins?: number
  /** Points for being the article's news, for its key figure (the timeline's). */
  news: number
  /** Why it cannot be the article's key figure, when it cannot. */
  notKey?: string
}

interface CandidateBase {
  /** `quote:<article>:<start>` or `figure:<article>:<start>`: stable across runs. */
  key: string
  article: string
  date: string
  /** Every topic the item matches with its topic points, best first. */
  topics: {name: string; points: number}[]
  /** Intrinsic score plus the points of the best topic. */
  score: number
  /** The extract's reasons, then `topic` (best topic) and `measure` (figures); `sources` is added on merging. */
  reasons: Reason[]
  /** Set when an editorial rule keeps the item out of the briefing: the rule's name and why. */
  rejected?: {rule: string; why: string}
}

/** Topic points are capped so that a keyword-stuffed sentence cannot outrank a strong quote. */
const topicCap = 6
/** Full speech is preferred to a phrase inside the reporter's sentence. */
const partialPenalty = -1
const timeUnits = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$/i
// A sentence about another time: "six weeks ago", "in 2014", "last year", "previously".
const anotherTime = /\b(?:ago|previously|formerly|last (?:year|decade|century)|years earlier|in the past|historically)\b/i

/**
 * What scoring finds in one article before topics are known: how each quote is shown (or the
 * rule that keeps it out), each figure's measure, phrase, news points and names. It depends on
 * the article alone, so a worker computes it beside parse and extract and the cache keeps it;
 * the main thread adds only the topic points. Sentences are kept as offsets into the item's own.
 */
export interface ScoringPrep {
  /** The year the article's date had: a figure "in 2019" is old news only against it. */
  year: string
  /** In the order of `article.quotes`. */
  quotes: {around: Span; presented: Presented}[]
  /** In the order of their start; `index` is the figure's place in `article.figures`. */
  figures: FigurePrep[]
}

/** `[start, end]` of the sentence around an item, in its `sentence`. */
type Span = [number, number]

interface FigurePrep {
  index: number
  around: Span
  measure?: Measure
  context: string[]
  shown?: string
  joins?: number
  rejected?: {rule: string; why: string}
  news: number
  notKey?: string
}

export function prepareScoring(article: Article, body = bodyParagraphs(article), lead = leadOf(article, body), story = storyNames(article, body)): ScoringPrep {
  const quotes = article.quotes.map((item) => ({around: spanOf(item), presented: presentQuote(item)}))
  const order = article.figures.map((_, index) => index).sort((a, b) => article.figures[a]!.start - article.figures[b]!.start)
  const figures = order.map((index) => article.figures[index]!)
  // Every rule below reads the sentence around its figure: found once per figure.
  const around = figures.map((item) => sentenceAround(item.sentence, item.text))
  const place = placeOf(article, body)
  const year = article.date.slice(0, 4)
  const headlineWords = stems(`${article.title} ${lead}`)
  const titleNames = titleEndsSentence(article.title) ? namesIn(article.title) : undefined
  let previous: {sentence: string; measure?: Measure} | undefined
  // The figures of one sentence stand next to each other: what the sentence alone tells is read once for them.
  let read: {sentence: string; aside?: string; onHeadline: number; old: number; context: string[]} | undefined
  const joined = new Set<number>()
  const prepared: FigurePrep[] = []
  for (const [position, item] of figures.entries()) {
    const sentence = around[position]!
    const measure = measureOf(item, previous?.sentence === sentence ? previous.measure : undefined, sentence)
    previous = {sentence, ...(measure ? {measure} : {})}
    const next = figures[position + 1]
    const shown = shownOf(item, next && around[position + 1] === sentence ? next : undefined, measure?.family, sentence)
    if (read?.sentence !== sentence) {
      const words = readSentence(sentence, headlineWords, titleNames)
      const aside = asideWhy(words.storyNames, story)
      read = {
        sentence,
        ...(aside ? {aside} : {}),
        onHeadline: words.onHeadline ? 1 : 0,
        old: oldNews(sentence, year),
        context: words.context ?? namesIn(`${article.title}. ${sentence}`)
      }
    }
    const {aside, onHeadline, old} = read
    const rejected = joined.has(item.start)
      ? {rule: 'joined', why: 'printed inside the phrase of the figure before it'}
      : 'rule' in shown ? shown : aside ? {rule: 'aside', why: aside} : undefined
    if (!('rule' in shown) && shown.joins !== undefined) joined.add(shown.joins)
    // The article's news: the headline, then the lead, then a sentence on the headline's subject.
    const at = place(item, sentence)
    const plain = !item.qualifier || /^at least$/i.test(item.qualifier) ? 0.5 : 0
    const notKey = timeUnits.test(item.unit) ? 'a length of time is context, not the news' : !measure?.explicit ? 'its counted thing is not named next to it' : at < 3 && !onHeadline ? 'its sentence shares no word with the headline and lead' : undefined
    prepared.push({
      index: order[position]!,
      around: spanOf(item, sentence),
      ...(measure ? {measure} : {}),
      context: [...read.context],
      ...('shown' in shown ? {shown: shown.shown, ...(shown.joins !== undefined ? {joins: shown.joins} : {})} : {}),
      ...(rejected ? {rejected} : {}),
      news: at + onHeadline + plain + old,
      ...(notKey ? {notKey} : {})
    })
  }
  return {year, quotes, figures: prepared}
}

/** Where the sentence around an item stands in the item's `sentence` (the whole of it when not found). */
function spanOf(item: Quote | Figure, around = sentenceAround(item.sentence, item.text)): Span {
  const start = item.sentence.indexOf(around)
  return start < 0 ? [0, item.sentence.length] : [start, start + around.length]
}

/**
 * score = intrinsic (the extract's score) + topic + measure (+ partial), where for each topic
 *   topic   = weight × min(6, 2 per keyword hit in the item's own text
 *                           + 1 per hit elsewhere in its sentence + 1 if the headline has a hit)
 *   measure = 1 for a figure whose counted thing is named next to it ("135 hostages"), else 0
 *   partial = −1 for a phrase quoted inside the reporter's sentence (full speech is preferred).
 * The best topic's points count in `score`; the others stay listed for selection. Items an
 * editorial rule keeps out carry `rejected` (figures.ts, quotes.ts, lead.ts name the rules).
 * `prepared` gives each article's `prepareScoring` when a worker made it already.
 */
export function scoreCandidates(articles: Article[], topics: Topic[], prepared: (article: Article) => ScoringPrep = prepareScoring): Candidate[] {
  const hitsIn = topicHits(topics)
  const candidates: Candidate[] = []
  for (const article of articles) {
    const headlineHits = hitsIn(article.title).map((hits) => (hits > 0 ? 1 : 0))
    let prep = prepared(article)
    // The zone the build dates articles in can move one across New Year: its old news is then another year's.
    if (prep.year !== article.date.slice(0, 4)) prep = redated(prep, article)
    for (const [index, item] of article.quotes.entries()) {
      const {around, presented} = prep.quotes[index]!
      const scored = scoreItem('quote', article, item, around, headlineHits)
      if ('rule' in presented) {
        candidates.push({kind: 'quote', item, ...scored, rejected: presented})
        continue
      }
      if (presented.frame) {
        scored.reasons.push({name: 'partial', points: partialPenalty, detail: 'a phrase shown in its sentence'})
        scored.score = round(scored.score + partialPenalty)
      }
      candidates.push({kind: 'quote', item, ...scored, display: presented.text, ...(presented.frame ? {frame: presented.frame} : {})})
    }
    for (const figure of prep.figures) {
      const item = article.figures[figure.index]!
      const {measure} = figure
      const scored = scoreItem('figure', article, item, figure.around, headlineHits)
      if (measure?.explicit) {
        scored.reasons.push({name: 'measure', points: 1, detail: measure.label})
        scored.score = round(scored.score + 1)
      }
      candidates.push({
        kind: 'figure',
        item,
        ...(measure ? {measure} : {}),
        context: figure.context,
        ...scored,
        ...(figure.shown !== undefined ? {shown: figure.shown, ...(figure.joins !== undefined ? {joins: figure.joins} : {})} : {}),
        ...(figure.rejected ? {rejected: figure.rejected} : {}),
        news: figure.news,
        ...(figure.notKey ? {notKey: figure.notKey} : {})
      })
    }
  }
  return candidates

  function scoreItem(kind: Candidate['kind'], article: Article, item: Quote | Figure, around: Span, headlineHits: number[]): CandidateBase {
    const sentence = item.sentence.slice(around[0], around[1])
    const ownHits = hitsIn(item.text)
    const sentenceHits = sentence.length > item.text.length ? hitsIn(sentence) : ownHits
    const topicPoints = topics
      .map((topic, index) => {
        const own = ownHits[index]!
        const hits = 2 * own + Math.max(0, sentenceHits[index]! - own)
        return {name: topic.name, points: hits === 0 ? 0 : round(topic.weight * Math.min(topicCap, hits + headlineHits[index]!))}
      })
      .filter((entry) => entry.points > 0)
      .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name))
    const best = topicPoints[0]
    const reasons = [...item.reasons]
    if (best) reasons.push({name: 'topic', points: best.points, detail: best.name})
    return {
      key: `${kind}:${article.id}:${item.start}`,
      article: article.id,
      date: article.date,
      topics: topicPoints,
      score: round(item.score + (best?.points ?? 0)),
      reasons
    }
  }
}

/**
 * Each topic's keyword count in a text (`keywordCounter`). Most texts name no topic at all: one
 * search for every topic's keywords at once answers those, before any topic is counted apart.
 */
function topicHits(topics: Topic[]): (text: string) => number[] {
  const counters = topics.map((topic) => keywordCounter(topic))
  const anyTopic = keywordsAnywhere(topics)
  const none = topics.map(() => 0)
  return (text) => (anyTopic.test(text) ? counters.map((count) => count(text)) : none)
}

/**
 * Where a figure stands: 3 in the headline, 2 in the lead paragraph, 1 in the next two, else 0.
 * Only the first three paragraphs can score, so only they are searched: each figure costs the
 * same however long its article.
 */
function placeOf(article: Article, body: string[]) {
  const top = body.slice(0, 3)
  return (figure: Figure, sentence: string) => {
    if (article.title.includes(figure.text)) return 3
    const index = top.findIndex((paragraph) => paragraph.includes(figure.sentence) || paragraph.includes(sentence))
    return index === 0 ? 2 : index === 1 || index === 2 ? 1 : 0
  }
}

/** −2 news points for a sentence about another time than the article's `year`, else 0. */
function oldNews(sentence: string, year: string) {
  return anotherTime.test(sentence) || pastYear(year).test(sentence) ? -2 : 0
}

/** The prep of an article dated in another year than when it was prepared: only its figures' old news changes, read again from their own sentences. */
function redated(prep: ScoringPrep, article: Article): ScoringPrep {
  const year = article.date.slice(0, 4)
  const figures = prep.figures.map((figure) => {
    const sentence = article.figures[figure.index]!.sentence.slice(figure.around[0], figure.around[1])
    return {...figure, news: figure.news - oldNews(sentence, prep.year) + oldNews(sentence, year)}
  })
  return {...prep, year, figures}
}

/** "in 2019", "since 1998", "of 2020": another year than the article's (its date's `year`). */
function pastYear(year: string) {
  let pattern = pastYears.get(year)
  if (!pattern) pastYears.set(year, (pattern = new RegExp(`\\b(?:in|since|of) (?!${year})(?:1[89]|20)\\d\\d\\b`)))
  return pattern
}

const pastYears = new Map<string, RegExp>()

/** Content words cut to six letters (their singular's), so that "negotiations" meets "negotiators" and "hostages" "hostage". */
function stems(text: string): Set<string> {
  const found = new Set<string>()
  for (let start = nextWord(text, 0), end = 0; start >= 0; start = nextWord(text, end)) {
    const word = wordAt(text, start, text.length)
    end = start + word.surface.length
    if (word.term) found.add(word.term.stem)
  }
  return found
}

/**
 * What the figures of one sentence read in it, in one pass over its words: the names `asideWhy`
 * reads (`lead.ts`'s `namesIn`), whether a content word shares a stem with the headline and lead,
 * and its figures' `context`: the names of `${title}. ${sentence}`. That is the title's names
 * (`titleNames`, read once for the article) and then the sentence's own, when the title ends a
 * sentence there and the sentence opens one; else undefined, and the caller reads the two together.
 */
function readSentence(sentence: string, headline: Set<string>, titleNames: string[] | undefined) {
  const storyNames = new Set<string>()
  const context = titleNames && opensSentence.test(sentence) ? new Set(titleNames) : undefined
  let onHeadline = false
  const bounds = sentenceBounds(sentence)
  for (let index = 0; index < bounds.length; index += 2) {
    const end = bounds[index + 1]!
    const first = nextNonSpace(sentence, bounds[index]!, end)
    for (let start = nextWord(sentence, first, end), stop = 0; start >= 0; start = nextWord(sentence, stop, end)) {
      // Once the headline is met, only capitalised words are read: most are not.
      const upper = upperAt(sentence, start)
      if (onHeadline && !upper) {
        stop = wordEnd(sentence, start, end)
        continue
      }
      const word = wordAt(sentence, start, end)
      stop = start + word.surface.length
      if (!onHeadline && word.term && headline.has(word.term.stem)) onHeadline = true
      if (!upper) continue
      addName(storyNames, sentence, start, stop, first, word)
      if (context && start - first > 1 && !stopWords.has(word.key.surface)) context.add(word.key.surface)
    }
  }
  return {storyNames, onHeadline, ...(context ? {context: [...context]} : {})}
}

/** What `sentenceBounds` needs after a stop to end a sentence there: a capital or digit, maybe after an opening quote. */
const opensSentence = /^\s*["“‘(]?[\p{Lu}\p{N}]/u

/** True when `${title}. ` ends a sentence at its stop whatever sentence opens after it: the title does not end in an abbreviation ("U.S"). */
function titleEndsSentence(title: string) {
  return sentenceBounds(`${title}. A`).includes(title.length + 1)
}

/** Names (capitalised words not opening a sentence): what ties figures of different days to one story. */
function namesIn(text: string) {
  const names = new Set<string>()
  eachCapitalised(text, (start, stop, first) => {
    if (start - first <= 1) return
    const word = writtenAt(text, start, stop).key.surface
    if (!stopWords.has(word)) names.add(word)
  })
  return [...names]
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
