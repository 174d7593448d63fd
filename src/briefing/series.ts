import {nameKey, namesIn} from './lead.js'
import type {Measure} from './measure.js'
import type {Fate, FigureGroup, SeriesHighlight} from './select.js'
import {sentenceAround} from '../words.js'

/**
 * A share or a length of time says something about many different things ("37 percent" of voters,
 * "8 months" in prison): two of them on two dates are rarely one quantity moving.
 */
const notCounts = /^(?:percent|percentage point|second|minute|hour|day|week|month|year|decade)s?$/
/** Sums of money are raised, spent, lent and owed for different purposes: never one count moving. */
const money = /^(?:dollar|euro|pound|yen|yuan|rupee|franc|peso|ruble|rouble|won|\$|€|£|¥)s?$/i
/** A count of one event (the toll of an attack) given again later is a revision, not a change. */
const oneEvent = /\b(?:attack|assault|bombing|massacre|crash|shooting|explosion|blast|earthquake|quake|storm|typhoon|hurricane|fire|raid|stampede|collision|derailment|atrocity)\b/i
const eventAspects = new Set(['killed', 'injured', 'taken'])

/**
 * Series: figures of one measure with different values on at least two dates. A measure is one
 * counted thing in one state and aspect (`hostage·held·living`); its figures join the strongest
 * one's only inside its story (the same story, or a name in common with its headline and sentence), when their sentences name the same place or subject (or one names none), when none says
 * "confirmed" where another says "suspected", and on one scale (values within ten times of each
 * other: the largest such set stays). Never of shares, lengths of time or money, and never the
 * count of one past event given again (a revision). Per date the plainest figure stands for the
 * day: unhedged before hedged, the noun named next to the number before one borrowed, then score.
 * Figures are indexed by measure and story, so the work grows with n log n, not with pairs.
 */
export function findSeries(groups: FigureGroup[], storyOf: (article: string) => number, why: Map<string, Fate>): SeriesHighlight[] {
  const buckets = new Map<string, FigureGroup[]>()
  for (const group of groups) {
    if (group.rejected || !group.measure || Array.isArray(group.item.value) || group.item.value <= 0) continue
    if (notCounts.test(group.measure.family) || money.test(group.measure.family) || /[$€£¥]/.test(group.item.text)) continue
    const key = group.measure.key
    const bucket = buckets.get(key)
    if (bucket) bucket.push(group)
    else buckets.set(key, [group])
  }
  const series: SeriesHighlight[] = []
  for (const [key, members] of buckets) {
    if (new Set(members.map((member) => member.date)).size < 2) continue
    const found = seriesOf(key, members)
    if (found) series.push(found)
  }
  return series.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))

  function seriesOf(key: string, all: FigureGroup[]): SeriesHighlight | undefined {
    const anchor = [...all].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))[0] as FigureGroup
    const anchorPlaces = placesOf(anchor)
    const anchorContext = new Set(anchor.context.map(nameKey))
    const members = all.filter((member) => {
      // One story: grouped with the anchor's article, or naming something its headline or sentence names.
      if (storyOf(member.article) !== storyOf(anchor.article) && !member.context.some((name) => anchorContext.has(nameKey(name)))) return false
      if (member.measure?.certainty && anchor.measure?.certainty && member.measure.certainty !== anchor.measure.certainty) return false
      const places = placesOf(member)
      return places.size === 0 || anchorPlaces.size === 0 || [...places].some((place) => anchorPlaces.has(place))
    })
    const onScale = largestOnScale(members)
    const byDate = new Map<string, FigureGroup[]>()
    for (const member of onScale) byDate.set(member.date, [...(byDate.get(member.date) ?? []), member])
    if (byDate.size < 2) return undefined
    const points = [...byDate.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([, entries]) => entries.sort((a, b) => plainness(b) - plainness(a) || b.score - a.score || a.item.start - b.item.start)[0])
      .filter((point): point is FigureGroup => point !== undefined)
    if (new Set(points.map((point) => String(point.item.value))).size < 2) return undefined
    const measure = points[0]?.measure as Measure
    if (measure.aspect && eventAspects.has(measure.aspect) && points.some((point) => oneEvent.test(sentenceAround(point.item.sentence, point.item.text)))) {
      for (const point of points) if (!why.has(point.key)) why.set(point.key, {picked: false, rule: 'series-revision', why: `a count of one event given again on another date is a revision, not a change (“${measure.label}”): not joined as a series`})
      return undefined
    }
    const entry = {key: `series:${key}`, measure, score: round(Math.max(...points.map((point) => point.score)) + points.length - 1), points}
    const chosen = new Set(points.map((point) => point.key))
    for (const member of all) {
      if (!chosen.has(member.key) && onScale.includes(member)) why.set(member.key, {picked: false, rule: 'series-covered', why: `covered by the series “${entry.measure.label}” on ${member.date}`})
    }
    return entry
  }
}

/** The names a figure's own sentence gives: the place or subject it counts in. */
function placesOf(group: FigureGroup) {
  return namesIn(sentenceAround(group.item.sentence, group.item.text))
}

/**
 * Values more than ten times apart are rarely one count moving ("two children freed" against
 * "over 100 released in the truce"): the largest set within a factor of ten, by a sliding window
 * over the sorted values; on a tie the set with the strongest figure.
 */
function largestOnScale(members: FigureGroup[]): FigureGroup[] {
  const sorted = [...members].sort((a, b) => (a.item.value as number) - (b.item.value as number))
  let best = {from: 0, to: 0, score: -Infinity}
  let from = 0
  // Indexes of the window's members by falling score: its front is the window's strongest.
  const strongest: number[] = []
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to]?.item.value as number) > 10 * (sorted[from]?.item.value as number)) from++
    while (strongest.length > 0 && (sorted[strongest.at(-1) as number]?.score ?? 0) <= (sorted[to]?.score ?? 0)) strongest.pop()
    strongest.push(to)
    while ((strongest[0] as number) < from) strongest.shift()
    const score = sorted[strongest[0] as number]?.score ?? 0
    if (to - from > best.to - best.from || (to - from === best.to - best.from && score > best.score)) best = {from, to, score}
  }
  return sorted.slice(best.from, best.to + 1)
}

function plainness(group: FigureGroup) {
  return (group.item.qualifier ? 0 : 2) + (group.measure?.explicit ? 1 : 0)
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
