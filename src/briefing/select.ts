import type {Measure} from './measure.js'
import type {Candidate} from './score.js'
import {findSeries} from './series.js'
import type {Reason, Topic} from '../types.js'
import {sentenceAround, wordKeys, wordOverlap, wordSet} from '../words.js'

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

/** One measured thing on several dates, one figure per date, in date order. */
export interface SeriesHighlight {
  key: string
  measure: Measure
  score: number
  points: FigureHighlight[]
}

/** What became of one candidate, for `--explain` and `digest.json`. */
export interface Decision {
  key: string
  kind: Candidate['kind']
  article: string
  date: string
  /** The quote or figure as written. */
  text: string
  /** What the email prints for it, when that differs: a figure's phrase, a quote tidied. */
  shown?: string
  score: number
  /** The score's parts; they add up to `score`. */
  reasons: Reason[]
  topic?: string
  picked: boolean
  /** The rule that decided: `picked`, `series-point`, or the rule that left it out (`aside`, `no-speaker`, `duplicate`…). */
  rule: string
  why: string
}

export interface Selection {
  topics: {name: string; quotes: QuoteHighlight[]; figures: FigureHighlight[]; series: SeriesHighlight[]}[]
  /** Each article's key figure, for the timeline: its news (see `keyFigures`); it may also be picked in a topic. */
  topFigures: Record<string, FigureHighlight>
  /** Every candidate with what became of it, best score first. */
  decisions: Decision[]
}

/** What became of a group while selecting. */
export interface Fate {
  picked: boolean
  rule: string
  why: string
  topic?: string
}

export type Group = Highlight & {duplicates: Candidate[]}
export type FigureGroup = Extract<Group, {kind: 'figure'}>

/**
 * `localeCompare`'s order (the same default collator), a quarter cheaper a call: the sorts of
 * every candidate at 10,000 articles make millions of calls.
 */
const collate = new Intl.Collator().compare

/** Corroboration: 1 point per further article reporting the same item, at most this many. */
const sourcesCap = 2
/** Each item already placed from one article lowers that article's next items by this much, so that one long article cannot fill a topic. */
const spread = 1

/**
 * Picks each topic's best quotes and figures by score, in five steps:
 * 1. items an editorial rule keeps out (`rejected`: an aside, a figure that says not what it
 *    counts, a quote with no speaker…) are left out, their rule named;
 * 2. near-duplicates (same quote; same value of the same measure) merge into one item listing every
 *    source, and earn 1 point per further source (at most 2);
 * 3. a measure reported with different values on at least two dates becomes a series (series.ts),
 *    which takes one figure place in its topic;
 * 4. items go to topics greedily, best (item, topic) score first, where an item's score in a topic
 *    counts that topic's points, less 1 per item already placed from its article (so that the
 *    newest articles are not crowded out by a long older one): an item appears once;
 * 5. each topic keeps at most `limits` quotes and figures.
 */
export function selectHighlights(candidates: Candidate[], topics: Topic[], limits: Limits, storyOf: (article: string) => number = () => 0): Selection {
  const why = new Map<string, Fate>()
  const eligible = candidates.filter((candidate) => !candidate.rejected)
  const groups = mergeDuplicates(eligible)
  const figureGroups = groups.filter((group): group is FigureGroup => group.kind === 'figure')
  const series = findSeries(figureGroups, storyOf, why)
  const inSeries = new Set(series.flatMap((entry) => entry.points.map((point) => point.key)))
  const result = topics.map((topic) => ({name: topic.name, quotes: [] as QuoteHighlight[], figures: [] as FigureHighlight[], series: [] as SeriesHighlight[]}))
  const byName = new Map(result.map((topic) => [topic.name, topic]))
  const limitOf = (kind: Candidate['kind']) => (kind === 'quote' ? limits.quotesPerTopic : limits.figuresPerTopic)

  for (const entry of series) {
    const points = new Map<string, number>()
    for (const point of entry.points) for (const topic of point.topics) points.set(topic.name, (points.get(topic.name) ?? 0) + topic.points)
    const ranked = [...points.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const home = ranked.map(([name]) => byName.get(name)).find((topic) => topic && topic.series.length < limits.figuresPerTopic)
    for (const point of entry.points) {
      why.set(point.key, home
        ? {picked: true, rule: 'series-point', why: `a point of the series “${entry.measure.label}” in “${home.name}”`, topic: home.name}
        : {picked: false, rule: ranked.length === 0 ? 'no-topic' : 'no-room', why: ranked.length === 0 ? `a point of the series “${entry.measure.label}”, which matches no topic keyword` : `a point of the series “${entry.measure.label}”, for which no topic had room`})
    }
    home?.series.push(entry)
  }

  for (const group of figureGroups) {
    if (!group.measure && !why.has(group.key)) why.set(group.key, {picked: false, rule: 'no-unit', why: 'says not what it counts (no noun found next to the number)'})
  }
  const pairs = groups
    .filter((group) => !inSeries.has(group.key) && !why.has(group.key))
    .flatMap((group) => group.topics.map((topic) => ({group, topic: topic.name, score: pairScore(group, topic.points), penalty: 0})))
  const heap = new Heap<(typeof pairs)[number]>((a, b) => b.score - b.penalty - (a.score - a.penalty) || collate(a.group.date, b.group.date) || collate(a.group.key, b.group.key) || collate(a.topic, b.topic))
  for (const pair of pairs) heap.push(pair)
  const perArticle = new Map<string, number>()
  const placed = new Set<string>()
  for (let pair = heap.pop(); pair; pair = heap.pop()) {
    const {group, topic: name} = pair
    if (placed.has(group.key)) continue
    const penalty = spread * (perArticle.get(group.article) ?? 0)
    if (penalty > pair.penalty) {
      heap.push({...pair, penalty})
      continue
    }
    const topic = byName.get(name)
    if (!topic) continue
    const list: Highlight[] = group.kind === 'quote' ? topic.quotes : topic.figures
    const room = limitOf(group.kind) - (group.kind === 'figure' ? topic.series.length : 0)
    if (list.length >= room) continue
    list.push(group)
    placed.add(group.key)
    perArticle.set(group.article, (perArticle.get(group.article) ?? 0) + 1)
    why.set(group.key, {picked: true, rule: 'picked', why: `#${list.length} of the ${room} best ${group.kind}s of “${name}”`, topic: name})
  }

  const decisions: Decision[] = []
  for (const candidate of candidates) {
    if (candidate.rejected) decisions.push(decisionOf(candidate, candidate.reasons, candidate.score, {picked: false, rule: candidate.rejected.rule, why: candidate.rejected.why}))
  }
  for (const group of groups) {
    const fate = why.get(group.key) ?? {
      picked: false,
      rule: group.topics.length === 0 ? 'no-topic' : 'below-limit',
      why: group.topics.length === 0
        ? 'matches no topic keyword'
        : `below the best ${group.kind}s of ${group.topics.map((topic) => `“${topic.name}”`).join(', ')}`
    }
    decisions.push(decisionOf(group, group.reasons, group.score, fate))
    for (const duplicate of group.duplicates) {
      decisions.push(decisionOf(duplicate, duplicate.reasons, duplicate.score, {picked: false, rule: 'duplicate', why: `same as ${group.key}, merged into it`, ...(fate.topic ? {topic: fate.topic} : {})}))
    }
  }
  decisions.sort((a, b) => Number(b.picked) - Number(a.picked) || b.score - a.score || collate(a.key, b.key))

  return {topics: result.filter((topic) => topic.quotes.length + topic.figures.length + topic.series.length > 0), topFigures: keyFigures(candidates), decisions}
}

/**
 * Each article's key figure, for the timeline: its news. Only a figure that may be shown, whose
 * counted thing is named next to it and that is not a length of time; the best by `news` (3 in the
 * headline, 2 in the lead paragraph, 1 in the next two; +1 when its sentence shares a word with the
 * headline; +0.5 when exact or a floor; −2 when its sentence is about another time), then score.
 */
export function keyFigures(candidates: Candidate[]): Record<string, FigureHighlight> {
  const best: Record<string, FigureHighlight> = {}
  for (const candidate of candidates) {
    if (candidate.kind !== 'figure' || candidate.rejected || candidate.notKey || !candidate.shown) continue
    const current = best[candidate.article]
    if (!current || candidate.news > current.news || (candidate.news === current.news && (candidate.score > current.score || (candidate.score === current.score && candidate.item.start < current.item.start)))) {
      best[candidate.article] = {...candidate, sources: [candidate.article]}
    }
  }
  return best
}

/**
 * Near-duplicates merge into one group: figures indexed by measure and value (the same value of
 * the same measure; unmeasured, the same unit in a like sentence), quotes by their exact words and
 * by word shingles, so that each candidate is compared only with those that can match it.
 */
function mergeDuplicates(candidates: Candidate[]): Group[] {
  const groups: Group[] = []
  const byValue = new Map<string, Group[]>()
  const byText = new Map<string, Group>()
  const byShingle = new Map<string, Group[]>()
  const cache = new Map<string, Set<string>>()
  const wordsOf = (text: string) => cache.get(text) ?? cache.set(text, wordSet(text)).get(text) ?? new Set<string>()
  for (const candidate of [...candidates].sort(byScore)) {
    // A quote's words, read once for its exact key, its shingles and the groups it is compared with.
    const keys = candidate.kind === 'quote' ? wordKeys(candidate.item.text) : []
    const twin = candidate.kind === 'figure' ? figureTwin(candidate) : quoteTwin(candidate, keys)
    if (twin) {
      if (!twin.sources.includes(candidate.article)) twin.sources.push(candidate.article)
      twin.duplicates.push(candidate)
      continue
    }
    const group: Group = {...candidate, sources: [candidate.article], duplicates: []}
    groups.push(group)
    if (candidate.kind === 'figure') {
      append(byValue, valueKey(candidate), group)
    } else {
      byText.set(keys.join(' '), group)
      for (const shingle of shingles(keys)) append(byShingle, shingle, group)
    }
  }
  // A merged item is scored by its best report but dated, quoted and sourced by its first one.
  for (const [index, group] of groups.entries()) {
    const first = group.duplicates.reduce<Candidate>((earliest, duplicate) => (duplicate.date < earliest.date ? duplicate : earliest), group)
    if (first === group) continue
    const {score, reasons, topics} = group
    const rest = group.duplicates.filter((duplicate) => duplicate !== first)
    groups[index] = {...first, score, reasons, topics, sources: [first.article, ...group.sources.filter((id) => id !== first.article)], duplicates: [stripGroup(group), ...rest]}
  }
  for (const group of groups) {
    const further = Math.min(sourcesCap, group.sources.length - 1)
    if (further > 0) {
      group.reasons = [...group.reasons, {name: 'sources', points: further, detail: `reported by ${group.sources.length} sources`}]
      group.score = round(group.score + further)
    }
  }
  return groups.sort(byScore)

  function figureTwin(candidate: Extract<Candidate, {kind: 'figure'}>) {
    const bucket = byValue.get(valueKey(candidate)) ?? []
    if (candidate.measure) return bucket[0]
    const sentence = wordsOf(sentenceAround(candidate.item.sentence, candidate.item.text))
    return bucket.find((group) => wordOverlap(wordsOf(sentenceAround(group.item.sentence, group.item.text)), sentence) >= 0.6)
  }

  function quoteTwin(candidate: Extract<Candidate, {kind: 'quote'}>, keys: string[]) {
    const exact = byText.get(keys.join(' '))
    if (exact) return exact
    // Only groups sharing a shingle can match; the ones sharing most are tried first.
    const shared = new Map<Group, number>()
    for (const shingle of shingles(keys)) for (const group of byShingle.get(shingle) ?? []) shared.set(group, (shared.get(group) ?? 0) + 1)
    const mine = wordsOf(candidate.item.text)
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([group]) => group)
      .find((group) => {
        const theirs = wordsOf(group.item.text)
        return Math.min(mine.size, theirs.size) >= 4 && wordOverlap(mine, theirs) >= 0.8
      })
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function valueKey(candidate: Extract<Candidate, {kind: 'figure'}>) {
  const value = Array.isArray(candidate.item.value) ? candidate.item.value.join('-') : String(candidate.item.value)
  return candidate.measure ? `m:${candidate.measure.key}|${value}` : `u:${candidate.item.unit.toLowerCase()}|${value}`
}

/** Word trigrams of a quote (its `wordKeys`): two reports of one quote share most of them. */
function shingles(list: string[]): Set<string> {
  const set = new Set<string>()
  for (let index = 0; index + 3 <= list.length; index++) set.add(list.slice(index, index + 3).join(' '))
  if (list.length > 0 && list.length < 3) set.add(list.join(' '))
  return set
}

function stripGroup(group: Group): Candidate {
  const {sources: _sources, duplicates: _duplicates, ...candidate} = group
  return candidate as Candidate
}

/** The item's score with `points` (its points in one topic) in place of its best topic's. */
function pairScore(group: Group, points: number) {
  return round(group.score - (group.topics[0]?.points ?? 0) + points)
}

function decisionOf(candidate: Candidate, reasons: Reason[], score: number, fate: Fate): Decision {
  return {
    key: candidate.key,
    kind: candidate.kind,
    article: candidate.article,
    date: candidate.date,
    text: candidate.item.text,
    ...(candidate.kind === 'figure' && candidate.shown ? {shown: candidate.shown} : candidate.kind === 'quote' && candidate.display ? {shown: candidate.display} : {}),
    score,
    reasons,
    ...(fate.topic ? {topic: fate.topic} : {}),
    picked: fate.picked,
    rule: fate.rule,
    why: fate.why
  }
}

function byScore(a: Candidate, b: Candidate) {
  return b.score - a.score || collate(a.date, b.date) || collate(a.key, b.key)
}

function round(value: number) {
  return Math.round(value * 100) / 100
}

/** A binary heap: the placement loop takes the best pair in log time and puts back a pair whose score fell. */
class Heap<T> {
  private readonly items: T[] = []
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T) {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (this.before(items[index] as T, items[parent] as T) >= 0) break
      ;[items[index], items[parent]] = [items[parent] as T, items[index] as T]
      index = parent
    }
  }

  pop(): T | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last !== undefined) {
      items[0] = last
      let index = 0
      for (;;) {
        const left = 2 * index + 1
        const right = left + 1
        let best = index
        if (left < items.length && this.before(items[left] as T, items[best] as T) < 0) best = left
        if (right < items.length && this.before(items[right] as T, items[best] as T) < 0) best = right
        if (best === index) break
        ;[items[index], items[best]] = [items[best] as T, items[index] as T]
        index = best
      }
    }
    return top
  }
}
