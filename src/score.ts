import {keywordMatcher} from './topics.js'
import type {Article, Figure, Quote, Reason, Topic} from './types.js'

/** A quote or figure with the topics it belongs to and its full score. */
export type Candidate = CandidateBase & ({kind: 'quote'; item: Quote} | {kind: 'figure'; item: Figure})

interface CandidateBase {
  /** `quote:<article>:<start>` or `figure:<article>:<start>`: stable across runs. */
  key: string
  article: string
  date: string
  /** Topic name → topic points, best first. */
  topics: {name: string; points: number}[]
  score: number
  reasons: Reason[]
}

/**
 * score = intrinsic score (extract) + topic points, where topic points for the best topic are
 *   weight × (2 per keyword hit in the item's own text + 1 per hit elsewhere in its sentence),
 * capped at 6 so a keyword-stuffed sentence cannot outrank a strong quote.
 */
export function scoreCandidates(articles: Article[], topics: Topic[]): Candidate[] {
  const matchers = topics.map((topic) => ({topic, matcher: keywordMatcher(topic)}))
  const candidates: Candidate[] = []
  for (const article of articles) {
    for (const item of article.quotes) candidates.push({kind: 'quote', item, ...scoreItem('quote', article, item)})
    for (const item of article.figures) candidates.push({kind: 'figure', item, ...scoreItem('figure', article, item)})
  }
  return candidates

  function scoreItem(kind: Candidate['kind'], article: Article, item: Quote | Figure): CandidateBase {
    const topicPoints = matchers
      .map(({topic, matcher}) => {
        const own = countMatches(matcher, item.text)
        const around = Math.max(0, countMatches(matcher, item.sentence) - own)
        return {name: topic.name, points: Math.min(6, topic.weight * (2 * own + around))}
      })
      .filter((entry) => entry.points > 0)
      .sort((a, b) => b.points - a.points)
    const best = topicPoints[0]
    const reasons = [...item.reasons]
    if (best) reasons.push({name: 'topic', points: round(best.points), detail: best.name})
    return {
      key: `${kind}:${article.id}:${item.start}`,
      article: article.id,
      date: article.date,
      topics: topicPoints.map((entry) => ({name: entry.name, points: round(entry.points)})),
      score: round(item.score + (best?.points ?? 0)),
      reasons
    }
  }
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
