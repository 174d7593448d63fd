import type {Article, Topic} from '../types.js'
import {termBag, unescapeBag} from './term-bag.js'
import {singular, stopWords} from '../words.js'

/**
 * A matcher for a topic's keywords: words or phrases on word boundaries, case-insensitive, with
 * regular plurals of the last word ("hostage" matches "hostages", "casualty" matches
 * "casualties", "cease-fire" matches "cease-fires"). A keyword given in the plural also matches
 * its singular.
 */
export function keywordMatcher(topic: Topic): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${keywordAlternatives(topic)}(?![\\p{L}\\p{N}])`, 'giu')
}

function keywordAlternatives(topic: Topic) {
  const alternatives = [...new Set(topic.keywords.map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .flatMap((keyword) => [...new Set([keyword, singular(keyword)])])
    .map((keyword) => {
      const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
      return /[^aeiou]y$/.test(keyword) ? `(?:${escaped(keyword)}|${escaped(keyword.slice(0, -1))}ies)` : `${escaped(keyword)}(?:s|es)?`
    })
  return `(?:${alternatives.join('|')})`
}

/**
 * How many times a text has one of the topic's keywords, as `keywordMatcher` finds them. Most
 * texts have none: a pattern without the word boundaries, which the engine searches several
 * times faster, answers those first (it finds every match the whole pattern can find, and more).
 */
export function keywordCounter(topic: Topic): (text: string) => number {
  const matcher = keywordMatcher(topic)
  const somewhere = keywordsAnywhere([topic])
  return (text) => {
    if (!somewhere.test(text)) return 0
    matcher.lastIndex = 0
    let count = 0
    while (matcher.exec(text)) count++
    return count
  }
}

/** A pattern that finds, without word boundaries, every keyword match of any of the topics (and more). */
export function keywordsAnywhere(topics: Topic[]): RegExp {
  return new RegExp(topics.map((topic) => keywordAlternatives(topic)).join('|'), 'iu')
}

export interface DeriveOptions {
  /** At most this many topics. @default 6 */
  maxTopics?: number
  /** Distinctive terms kept per article before grouping. @default 8 */
  termsPerArticle?: number
  /** Two terms group when this share of the articles of either also has the other. @default 0.5 */
  cohesion?: number
}

const deriveDefaults: Required<DeriveOptions> = {maxTopics: 6, termsPerArticle: 8, cohesion: 0.5}

/**
 * Topics for a window when none are configured. Each article's most distinctive terms (TF-IDF
 * over the window, unigrams and bigrams, the headline counted twice) are grouped by the articles
 * they co-occur in; a group found in at least two articles is a topic, named after its top terms.
 * Terms in more than half of the articles say nothing distinctive and are left out, unless that
 * leaves no topic at all (a window about one story), in which case the story is the one topic.
 * An article in no group gets a topic of its own top terms while fewer than `maxTopics` exist.
 */
export function deriveTopics(articles: Article[], options?: DeriveOptions, bagOf: (article: Article) => string = termBag): Topic[] {
  const settings = {...deriveDefaults, ...options}
  const bags = articles.map((article) => bagOf(article))
  // Each term is known by its number (its place in `terms`) after the first pass: the later
  // passes look up arrays instead of hashing the same strings again.
  const idOf = new Map<string, number>()
  // A bigram is known by the numbers of its two words, without writing or hashing its text.
  const pairs = new Map<number, Map<number, number>>()
  const terms: string[] = []
  const documentFrequency: number[] = []
  const newTerm = (term: string) => {
    const id = terms.length
    idOf.set(term, id)
    terms.push(term)
    documentFrequency.push(0)
    return id
  }
  const read = bags.map((bag) => {
    const ids: number[] = []
    const counts: number[] = []
    eachTerm(bag, (start, tab, count) => {
      let id: number | undefined
      const space = bigramSpace(bag, start)
      if (space < 0) {
        const term = unescapeBag(bag.slice(start, tab))
        id = idOf.get(term) ?? newTerm(term)
      } else {
        const left = ids[lineNumber(bag, start, space)]!
        const right = ids[lineNumber(bag, space + 1, tab)]!
        let after = pairs.get(left)
        if (!after) pairs.set(left, (after = new Map()))
        id = after.get(right)
        if (id === undefined) after.set(right, (id = newTerm(`${terms[left]} ${terms[right]}`)))
      }
      documentFrequency[id]!++
      ids.push(id)
      counts.push(count)
    })
    return {ids, counts}
  })
  const total = articles.length
  const inverse = documentFrequency.map((frequency) => Math.log(total / (frequency || 1) + 1))
  // Each article's top terms under the three filters used below (frequency from 2 up to half the
  // articles; from 2 up; up to half), in one pass over its bag: all three share one order, so
  // each list keeps its best `termsPerArticle` as it goes.
  const half = Math.max(2, 0.5 * total)
  const tops = read.map(({ids, counts}) => {
    let length = 0
    for (const count of counts) length += count
    length ||= 1
    const best: Weighted[][] = [[], [], []]
    for (const [index, id] of ids.entries()) {
      const frequency = documentFrequency[id]!
      const term = terms[id]!
      const weight = (counts[index]! / length) * inverse[id]!
      if (frequency >= 2) {
        if (frequency <= half) keepBest(best[0]!, term, weight, settings.termsPerArticle)
        keepBest(best[1]!, term, weight, settings.termsPerArticle)
      }
      if (frequency <= half) keepBest(best[2]!, term, weight, settings.termsPerArticle)
    }
    return best
  })
  const distinctive = (filter: number) => tops.map((best) => best[filter]!)
  let topics = group(distinctive(0))
  if (topics.length === 0) topics = group(distinctive(1))
  topics = topics.slice(0, settings.maxTopics)
  // An article that shares its story with no other still feeds the briefing: it gets a topic of
  // its own terms while there is room.
  const covered = new Set(topics.flatMap((topic) => [...topic.articles]))
  const own = distinctive(2)
  const owned: {index: number; terms: string[]}[] = []
  for (const [index, terms] of own.entries()) {
    if (covered.has(index) || topics.length + owned.length >= settings.maxTopics || terms.length === 0) continue
    owned.push({index, terms: terms.slice(0, 6).map((entry) => entry.term)})
  }
  // Keywords are shown in their commonest written form over the window: read for those terms only.
  const wanted = new Set([...topics.flatMap((topic) => topic.terms), ...owned.flatMap((entry) => entry.terms)])
  const wantedIds = new Set([...wanted].map((term) => idOf.get(term)))
  const surfaces = new Map<string, Map<string, number>>()
  for (const [index, bag] of bags.entries()) {
    const {ids} = read[index]!
    let line = 0
    eachTerm(bag, (_start, _tab, count, formsAt, end) => {
      const id = ids[line++]!
      if (!wantedIds.has(id)) return
      const term = terms[id]!
      const known = surfaces.get(term) ?? new Map<string, number>()
      // A line without forms was written only as its term.
      const forms = formsAt < end ? unescapeBag(bag.slice(formsAt, end)).split('\t') : ['', String(count)]
      for (let index = 0; index < forms.length; index += 2) {
        const form = forms[index] || term
        known.set(form, (known.get(form) ?? 0) + Number(forms[index + 1]))
      }
      surfaces.set(term, known)
    })
  }
  const named = topics.map(({terms, articles: members}) => {
    const keywords = terms.map((term) => surfaceOf(term))
    return {name: nameOf(keywords), keywords, weight: 1, articles: members}
  })
  for (const {index, terms} of owned) {
    const keywords = terms.map((term) => surfaceOf(term))
    named.push({name: nameOf(keywords), keywords, weight: 1, articles: new Set([index])})
  }
  return named.map(({articles: _articles, ...topic}) => topic)

  function group(perArticle: {term: string; weight: number}[][]): {terms: string[]; articles: Set<number>}[] {
    const where = new Map<string, {articles: Set<number>; weight: number}>()
    perArticle.forEach((terms, index) => {
      for (const {term, weight} of terms) {
        const entry = where.get(term) ?? {articles: new Set<number>(), weight: 0}
        entry.articles.add(index)
        entry.weight += weight
        where.set(term, entry)
      }
    })
    // Terms that stand out in one article only tell about that article, not a topic.
    const terms = [...where.entries()].filter(([, entry]) => entry.articles.size >= 2).sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    // Each group is measured against the articles of its first, strongest term, so that it cannot
    // drift from story to story through terms that happen to share one article.
    const clusters: {terms: string[]; seed: Set<number>; articles: Set<number>; weight: number}[] = []
    // A cluster whose seed shares no article with a term overlaps it by 0: with a positive
    // cohesion only the clusters seeded in one of the term's articles are tried, in order made.
    const seededIn = new Map<number, number[]>()
    for (const [term, entry] of terms) {
      let home: (typeof clusters)[number] | undefined
      if (settings.cohesion > 0) {
        const tried = new Set<number>()
        for (const index of entry.articles) for (const cluster of seededIn.get(index) ?? []) tried.add(cluster)
        const first = [...tried].sort((a, b) => a - b).find((cluster) => overlap(clusters[cluster]!.seed, entry.articles) >= settings.cohesion)
        home = first === undefined ? undefined : clusters[first]
      } else {
        home = clusters[0]
      }
      if (home) {
        home.terms.push(term)
        home.weight += entry.weight
        for (const index of entry.articles) home.articles.add(index)
      } else {
        for (const index of entry.articles) seededIn.set(index, [...(seededIn.get(index) ?? []), clusters.length])
        clusters.push({terms: [term], seed: entry.articles, articles: new Set(entry.articles), weight: entry.weight})
      }
    }
    return clusters
      .filter((cluster) => cluster.articles.size >= 3 || (cluster.articles.size >= 2 && cluster.terms.length >= 2))
      .sort((a, b) => b.weight - a.weight || b.articles.size - a.articles.size)
      .map((cluster) => ({terms: cluster.terms.slice(0, 12), articles: cluster.articles}))
  }

  function surfaceOf(term: string) {
    const forms = [...(surfaces.get(term) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    return forms[0]?.[0] ?? term
  }
}

/**
 * A derived topic is named after one thing a reader recognises: among its six top terms the first
 * name of two words ("Qasem Soleimani"), else the first name ("COVID-19": capitalised inside
 * sentences), else its first two-word phrase, else its first term. Never a list of loose words, a pronoun or a contraction.
 */
function nameOf(keywords: string[]) {
  const usable = keywords.filter((keyword) => !/['’]/.test(keyword) && keyword.length >= 3 && !stopWords.has(keyword.toLowerCase()))
  const isName = (keyword: string) => keyword.split(' ').every((part) => /^\p{Lu}/u.test(part) || /\d/.test(part)) && !/^\p{Lu}\p{Ll}{0,2}$/u.test(keyword)
  const top = usable.slice(0, 6)
  const name = top.find((keyword) => isName(keyword) && keyword.includes(' '))
    ?? top.find(isName)
    ?? usable.find((keyword) => keyword.includes(' '))
    ?? usable[0]
    ?? 'News'
  return name.charAt(0).toUpperCase() + name.slice(1)
}

function overlap(a: Set<number>, b: Set<number>) {
  let shared = 0
  for (const value of b) if (a.has(value)) shared++
  return shared / Math.min(a.size, b.size)
}

interface Weighted {
  term: string
  weight: number
}

/** Keeps `list` the best `size` entries, best first: by weight, on a tie the phrase over its words ("United States", not "United"), then by term. */
function keepBest(list: Weighted[], term: string, weight: number, size: number) {
  const last = list[size - 1]
  // Most terms weigh less than the last kept: they are turned away before any entry is made.
  if (last && weight < last.weight) return
  const entry = {term, weight}
  const before = (a: Weighted, b: Weighted) => b.weight - a.weight || wordCount(b.term) - wordCount(a.term) || a.term.localeCompare(b.term)
  if (last && before(last, entry) <= 0) return
  let at = list.length
  while (at > 0 && before(list[at - 1]!, entry) > 0) at--
  list.splice(at, 0, entry)
  if (list.length > size) list.pop()
}

function wordCount(term: string) {
  let count = 1
  for (let at = term.indexOf(' '); at >= 0; at = term.indexOf(' ', at + 1)) count++
  return count
}

/**
 * Calls `visit` for each line of a bag from `termBag` (`term TAB count TAB form TAB count …`)
 * with where its term starts and ends, its count, and where its forms start and the line ends.
 */
function eachTerm(bag: string, visit: (start: number, tab: number, count: number, formsAt: number, end: number) => void) {
  for (let start = 0; start < bag.length;) {
    let end = bag.indexOf('\n', start)
    if (end < 0) end = bag.length
    const tab = bag.indexOf('\t', start)
    let at = tab + 1
    let count = 0
    for (let digit = bag.charCodeAt(at) - 48; at < end && digit >= 0 && digit <= 9; digit = bag.charCodeAt(++at) - 48) count = count * 10 + digit
    visit(start, tab, count, at + 1, end)
    start = end + 1
  }
}

/** Where the space of a bigram's line head (`12 7`: the numbers of its words' lines) is, or -1 for a word's head (a term starts with no digit). */
function bigramSpace(bag: string, start: number) {
  const first = bag.charCodeAt(start)
  return first >= 48 && first <= 57 ? bag.indexOf(' ', start) : -1
}

function lineNumber(bag: string, start: number, end: number) {
  let number = 0
  for (let at = start; at < end; at++) number = number * 10 + bag.charCodeAt(at) - 48
  return number
}
