import type {Candidate} from './score.js'
import type {Topic} from './types.js'

export interface Limits {
  quotesPerTopic: number
  figuresPerTopic: number
}

/** A chosen item: one candidate standing for every near-duplicate of it across articles. */
export type Highlight = Candidate & {
  /** Ids of every article that reported it, the chosen one first. */
  sources: string[]
}

export type QuoteHighlight = Extract<Highlight, {kind: 'quote'}>
export type FigureHighlight = Extract<Highlight, {kind: 'figure'}>

export interface Selection {
  topics: {name: string; quotes: QuoteHighlight[]; figures: FigureHighlight[]}[]
  /** Every candidate with what became of it, for `--explain`. */
  decisions: {key: string; score: number; topic?: string; picked: boolean; why: string}[]
}

/**
 * Picks each topic's best quotes and figures by score. Near-duplicates across articles merge
 * into one highlight listing every source; an item appears once in the whole briefing.
 */
export function selectHighlights(candidates: Candidate[], topics: Topic[], limits: Limits): Selection {
  const groups = mergeDuplicates(candidates)
  const used = new Set<string>()
  const decisions: Selection['decisions'] = []
  const why = new Map<string, string>()
  const picked = topics.map((topic) => {
    const inTopic = groups.filter((group) => group.topics[0]?.name === topic.name)
    const take = <Kind extends Highlight['kind']>(kind: Kind, limit: number) => {
      const chosen: Extract<Highlight, {kind: Kind}>[] = []
      const ofKind = inTopic.filter((entry): entry is Extract<Group, {kind: Kind}> => entry.kind === kind)
      for (const group of ofKind.sort(byScore)) {
        if (used.has(group.key)) continue
        if (chosen.length >= limit) {
          why.set(group.key, `below the ${limit} best ${kind}s of “${topic.name}”`)
          continue
        }
        used.add(group.key)
        why.set(group.key, `among the ${limit} best ${kind}s of “${topic.name}”`)
        chosen.push(group)
      }
      return chosen
    }
    return {name: topic.name, quotes: take('quote', limits.quotesPerTopic), figures: take('figure', limits.figuresPerTopic)}
  })
  for (const group of groups) {
    decisions.push({
      key: group.key,
      score: group.score,
      topic: group.topics[0]?.name,
      picked: used.has(group.key),
      why: why.get(group.key) ?? (group.topics.length === 0 ? 'matches no topic keyword' : 'not picked')
    })
    for (const duplicate of group.duplicates) {
      decisions.push({key: duplicate, score: group.score, topic: group.topics[0]?.name, picked: false, why: `merged into ${group.key}`})
    }
  }
  return {topics: picked.filter((topic) => topic.quotes.length + topic.figures.length > 0), decisions}
}

type Group = Highlight & {duplicates: string[]}

function mergeDuplicates(candidates: Candidate[]): Group[] {
  const groups: Group[] = []
  for (const candidate of [...candidates].sort(byScore)) {
    const twin = groups.find((group) => group.kind === candidate.kind && group.article !== candidate.article && sameThing(group, candidate))
    if (twin) {
      if (!twin.sources.includes(candidate.article)) twin.sources.push(candidate.article)
      twin.duplicates.push(candidate.key)
      continue
    }
    groups.push({...candidate, sources: [candidate.article], duplicates: []})
  }
  return groups
}

function sameThing(a: Candidate, b: Candidate) {
  if (a.kind === 'figure' && b.kind === 'figure') {
    return String(a.item.value) === String(b.item.value) && a.item.unit === b.item.unit && wordOverlap(a.item.sentence, b.item.sentence) >= 0.6
  }
  return wordOverlap(a.item.text, b.item.text) >= 0.8
}

function wordOverlap(a: string, b: string) {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
  const left = words(a)
  const right = words(b)
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / Math.min(left.size, right.size)
}

function byScore(a: Candidate, b: Candidate) {
  return b.score - a.score || a.date.localeCompare(b.date) || a.key.localeCompare(b.key)
}
