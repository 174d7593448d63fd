import {measureOf, type Measure} from './measure.js'
import {keywordMatcher} from './topics.js'
import type {Article, Figure, Quote, Reason, Topic} from '../types.js'
import {sentenceAround, sentences, stopWords, words} from '../words.js'

/** A quote or figure with the topics it belongs to and its full score. */
export type Candidate = CandidateBase & ({kind: 'quote'; item: Quote} | {kind: 'figure'; item: Figure; measure?: Measure; context: string[]})

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
}

/** Topic points are capped so that a keyword-stuffed sentence cannot outrank a strong quote. */
const topicCap = 6

/**
 * score = intrinsic (the extract's score) + topic + measure, where for each topic
 *   topic   = weight × min(6, 2 per keyword hit in the item's own text
 *                           + 1 per hit elsewhere in its sentence + 1 if the headline has a hit)
 *   measure = 1 for a figure whose counted thing is named next to it ("135 hostages"), else 0.
 * The best topic's points count in `score`; the others stay listed for selection.
 */
export function scoreCandidates(articles: Article[], topics: Topic[]): Candidate[] {
  const matchers = topics.map((topic) => ({topic, matcher: keywordMatcher(topic)}))
  const candidates: Candidate[] = []
  for (const article of articles) {
    const headline = (matcher: RegExp) => (countMatches(matcher, article.title) > 0 ? 1 : 0)
    for (const item of article.quotes) candidates.push({kind: 'quote', item, ...scoreItem('quote', article, item, headline)})
    let previous: {sentence: string; measure?: Measure} | undefined
    for (const item of [...article.figures].sort((a, b) => a.start - b.start)) {
      const sentence = sentenceAround(item.sentence, item.text)
      const measure = measureOf(item, previous?.sentence === sentence ? previous.measure : undefined)
      previous = {sentence, ...(measure ? {measure} : {})}
      const scored = scoreItem('figure', article, item, headline)
      if (measure?.explicit) {
        scored.reasons.push({name: 'measure', points: 1, detail: measure.label})
        scored.score = round(scored.score + 1)
      }
      candidates.push({kind: 'figure', item, ...(measure ? {measure} : {}), context: namesIn(`${article.title}. ${sentence}`), ...scored})
    }
  }
  return candidates

  function scoreItem(kind: Candidate['kind'], article: Article, item: Quote | Figure, headline: (matcher: RegExp) => number): CandidateBase {
    const sentence = sentenceAround(item.sentence, item.text)
    const topicPoints = matchers
      .map(({topic, matcher}) => {
        const own = countMatches(matcher, item.text)
        const around = Math.max(0, countMatches(matcher, sentence.length > item.text.length ? sentence : item.text) - own)
        const hits = 2 * own + around
        return {name: topic.name, points: hits === 0 ? 0 : round(topic.weight * Math.min(topicCap, hits + headline(matcher)))}
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

/** Names (capitalised words not opening a sentence): what ties figures of different days to one story. */
function namesIn(text: string) {
  const names = new Set<string>()
  for (const sentence of sentences(text)) {
    for (const entry of words(sentence.text)) if (entry.index > 1 && /^\p{Lu}/u.test(entry.surface) && !stopWords.has(entry.word)) names.add(entry.word)
  }
  return [...names]
}

function countMatches(matcher: RegExp, text: string) {
  matcher.lastIndex = 0
  let count = 0
  while (matcher.exec(text)) count++
  return count
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
