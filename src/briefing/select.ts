import type {Measure} from './measure.js'
import type {Candidate} from './score.js'
import type {Reason, Topic} from '../types.js'
import {sentenceAround, wordOverlap, wordSet} from '../words.js'

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
  score: number
  /** The score's parts; they add up to `score`. */
  reasons: Reason[]
  topic?: string
  picked: boolean
  why: string
}

export interface Selection {
  topics: {name: string; quotes: QuoteHighlight[]; figures: FigureHighlight[]; series: SeriesHighlight[]}[]
  /** Each article's best figure, for the timeline; it may also be picked in a topic. */
  topFigures: Record<string, FigureHighlight>
  /** Every candidate with what became of it, best score first. */
  decisions: Decision[]
}

/** Corroboration: 1 point per further article reporting the same item, at most this many. */
const sourcesCap = 2

/**
 * Picks each topic's best quotes and figures by score, in four steps:
 * 1. near-duplicates (same quote; same value of the same measure) merge into one item listing every
 *    source, and earn 1 point per further source (at most 2);
 * 2. a measure reported with different values on at least two dates becomes a series (the best
 *    figure per date), which takes one figure place in its topic;
 * 3. items go to topics greedily, best (item, topic) score first, where an item's score in a topic
 *    counts that topic's points: an item can match several topics but appears once;
 * 4. each topic keeps at most `limits` quotes and figures; a figure that names no counted thing
 *    next to its number is left out.
 */
export function selectHighlights(candidates: Candidate[], topics: Topic[], limits: Limits): Selection {
  const groups = mergeDuplicates(candidates)
  const why = new Map<string, {picked: boolean; why: string; topic?: string}>()
  const series = findSeries(groups, why)
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
        ? {picked: true, why: `a point of the series “${entry.measure.label}” in “${home.name}”`, topic: home.name}
        : {picked: false, why: ranked.length === 0 ? `a point of the series “${entry.measure.label}”, which matches no topic keyword` : `a point of the series “${entry.measure.label}”, for which no topic had room`})
    }
    home?.series.push(entry)
  }

  for (const group of groups) {
    // A number that does not say what it counts ("7 were") tells the reader nothing on its own.
    if (group.kind === 'figure' && !group.measure && !why.has(group.key)) why.set(group.key, {picked: false, why: 'says not what it counts (no noun found next to the number)'})
  }
  const pairs = groups
    .filter((group) => !inSeries.has(group.key) && !why.has(group.key))
    .flatMap((group) => group.topics.map((topic) => ({group, topic: topic.name, score: pairScore(group, topic.points)})))
    .sort((a, b) => b.score - a.score || a.group.date.localeCompare(b.group.date) || a.group.key.localeCompare(b.group.key))
  const placed = new Set<string>()
  for (const {group, topic: name} of pairs) {
    if (placed.has(group.key)) continue
    const topic = byName.get(name)
    if (!topic) continue
    const list: Highlight[] = group.kind === 'quote' ? topic.quotes : topic.figures
    const room = limitOf(group.kind) - (group.kind === 'figure' ? topic.series.length : 0)
    if (list.length >= room) continue
    list.push(group)
    placed.add(group.key)
    why.set(group.key, {picked: true, why: `#${list.length} of the ${room} best ${group.kind}s of “${name}”`, topic: name})
  }

  const decisions: Decision[] = []
  for (const group of groups) {
    const fate = why.get(group.key) ?? {
      picked: false,
      why: group.topics.length === 0
        ? 'matches no topic keyword'
        : `below the best ${group.kind}s of ${group.topics.map((topic) => `“${topic.name}”`).join(', ')}`
    }
    decisions.push(decisionOf(group, group.reasons, group.score, fate))
    for (const duplicate of group.duplicates) {
      decisions.push(decisionOf(duplicate, duplicate.reasons, duplicate.score, {picked: false, why: `same as ${group.key}, merged into it`, ...(fate.topic ? {topic: fate.topic} : {})}))
    }
  }
  decisions.sort((a, b) => Number(b.picked) - Number(a.picked) || b.score - a.score || a.key.localeCompare(b.key))

  const topFigures: Record<string, FigureHighlight> = {}
  for (const candidate of [...candidates].sort(byScore)) {
    if (candidate.kind === 'figure' && candidate.measure?.explicit && !topFigures[candidate.article]) topFigures[candidate.article] = {...candidate, sources: [candidate.article]}
  }

  return {topics: result.filter((topic) => topic.quotes.length + topic.figures.length + topic.series.length > 0), topFigures, decisions}
}

type Group = Highlight & {duplicates: Candidate[]}

function mergeDuplicates(candidates: Candidate[]): Group[] {
  const groups: Group[] = []
  // Comparing every pair re-reads the same texts; read each once.
  const cache = new Map<string, Set<string>>()
  const wordsOf = (text: string) => cache.get(text) ?? cache.set(text, wordSet(text)).get(text) ?? new Set<string>()
  for (const candidate of [...candidates].sort(byScore)) {
    const twin = groups.find((group) => sameThing(group, candidate, wordsOf))
    if (twin) {
      if (!twin.sources.includes(candidate.article)) twin.sources.push(candidate.article)
      twin.duplicates.push(candidate)
      continue
    }
    groups.push({...candidate, sources: [candidate.article], duplicates: []})
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
}

function stripGroup(group: Group): Candidate {
  const {sources: _sources, duplicates: _duplicates, ...candidate} = group
  return candidate as Candidate
}

/** Same quote, or the same value of the same measured thing (or, unmeasured, in a like sentence). */
function sameThing(a: Candidate, b: Candidate, wordsOf: (text: string) => Set<string>) {
  if (a.kind === 'figure' && b.kind === 'figure') {
    if (JSON.stringify(a.item.value) !== JSON.stringify(b.item.value)) return false
    if (a.measure && b.measure) return a.measure.key === b.measure.key
    return a.item.unit === b.item.unit && wordOverlap(wordsOf(sentenceAround(a.item.sentence, a.item.text)), wordsOf(sentenceAround(b.item.sentence, b.item.text))) >= 0.6
  }
  if (a.kind === 'quote' && b.kind === 'quote') {
    const [left, right] = [wordsOf(a.item.text), wordsOf(b.item.text)]
    const overlap = wordOverlap(left, right)
    return (overlap === 1 && left.size === right.size) || (Math.min(left.size, right.size) >= 4 && overlap >= 0.8)
  }
  return false
}

/**
 * A share or a length of time says something about many different things ("37 percent" of voters,
 * "8 months" in prison): two of them on two dates are rarely one quantity moving.
 */
const notCounts = /^(?:percent|percentage point|second|minute|hour|day|week|month|year|decade)s?$/

/**
 * Series: figures of one measure with different values on at least two dates. Per date the plainest
 * figure stands for the day: unhedged before hedged ("135" before "over 100"), the measure named
 * next to the number before one borrowed from an earlier figure, then by score. The other figures
 * of that measure and date are covered by the series and not shown again.
 */
function findSeries(groups: Group[], why: Map<string, {picked: boolean; why: string; topic?: string}>): SeriesHighlight[] {
  const byMeasure = new Map<string, Extract<Group, {kind: 'figure'}>[]>()
  for (const group of groups) {
    if (group.kind !== 'figure' || !group.measure || Array.isArray(group.item.value)) continue
    if (notCounts.test(group.measure.family)) continue
    byMeasure.set(group.measure.key, [...(byMeasure.get(group.measure.key) ?? []), group])
  }
  const series: SeriesHighlight[] = []
  for (const [key, all] of byMeasure) {
    // The same measure in different stories ("cases" of measles and of a new virus) is no series:
    // figures join the best one's chain only when their sentence or headline names something it names.
    const remaining = [...all]
    let chain = 0
    while (remaining.length > 0) {
      const seed = remaining[0] as (typeof all)[number]
      const members = remaining.filter((member) => member === seed || member.context.some((name) => seed.context.includes(name)))
      for (const member of members) remaining.splice(remaining.indexOf(member), 1)
      const found = seriesOf(chain === 0 ? key : `${key}#${chain + 1}`, members)
      if (found) {
        chain++
        series.push(found)
      }
    }
  }
  return series.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))

  function seriesOf(key: string, members: Extract<Group, {kind: 'figure'}>[]): SeriesHighlight | undefined {
    // Values more than ten times apart are rarely one count moving ("two children freed" against
    // "over 100 released in the truce"): keep the largest set on one scale, the stronger on a tie.
    const within = (anchor: (typeof members)[number]) => members.filter((member) => {
      const ratio = (member.item.value as number) / (anchor.item.value as number)
      return ratio >= 0.1 && ratio <= 10
    })
    const onScale = members
      .map((anchor) => ({anchor, near: within(anchor)}))
      .sort((a, b) => b.near.length - a.near.length || b.anchor.score - a.anchor.score)[0]?.near ?? []
    const byDate = new Map<string, typeof members>()
    for (const member of onScale) byDate.set(member.date, [...(byDate.get(member.date) ?? []), member])
    if (byDate.size < 2) return undefined
    const points = [...byDate.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([, entries]) => entries.sort((a, b) => plainness(b) - plainness(a) || b.score - a.score || a.item.start - b.item.start)[0])
      .filter((point): point is (typeof members)[number] => point !== undefined)
    if (new Set(points.map((point) => String(point.item.value))).size < 2) return undefined
    const entry = {key: `series:${key}`, measure: points[0]?.measure as Measure, score: round(Math.max(...points.map((point) => point.score)) + points.length - 1), points}
    const chosen = new Set(points.map((point) => point.key))
    for (const member of members) {
      if (!chosen.has(member.key)) why.set(member.key, {picked: false, why: `covered by the series “${entry.measure.label}” on ${member.date}`})
    }
    return entry
  }
}

function plainness(group: Extract<Group, {kind: 'figure'}>) {
  return (group.item.qualifier ? 0 : 2) + (group.measure?.explicit ? 1 : 0)
}

/** The item's score with `points` (its points in one topic) in place of its best topic's. */
function pairScore(group: Group, points: number) {
  return round(group.score - (group.topics[0]?.points ?? 0) + points)
}

function decisionOf(candidate: Candidate, reasons: Reason[], score: number, fate: {picked: boolean; why: string; topic?: string}): Decision {
  return {
    key: candidate.key,
    kind: candidate.kind,
    article: candidate.article,
    date: candidate.date,
    text: candidate.item.text,
    score,
    reasons,
    ...(fate.topic ? {topic: fate.topic} : {}),
    picked: fate.picked,
    why: fate.why
  }
}

function byScore(a: Candidate, b: Candidate) {
  return b.score - a.score || a.date.localeCompare(b.date) || a.key.localeCompare(b.key)
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
