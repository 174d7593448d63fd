import type {Article, Topic} from '../types.js'
import {sentences, singular, stopWords, words} from '../words.js'

/**
 * A matcher for a topic's keywords: words or phrases on word boundaries, case-insensitive, with
 * regular plurals of the last word ("hostage" matches "hostages", "casualty" matches
 * "casualties", "cease-fire" matches "cease-fires"). A keyword given in the plural also matches
 * its singular.
 */
export function keywordMatcher(topic: Topic): RegExp {
  const alternatives = [...new Set(topic.keywords.map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .flatMap((keyword) => [...new Set([keyword, singular(keyword)])])
    .map((keyword) => {
      const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
      return /[^aeiou]y$/.test(keyword) ? `(?:${escaped(keyword)}|${escaped(keyword.slice(0, -1))}ies)` : `${escaped(keyword)}(?:s|es)?`
    })
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
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
  const bags = articles.map(bagOf)
  const documentFrequency = new Map<string, number>()
  for (const bag of bags) eachTerm(bag, (term) => documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1))
  const total = articles.length
  // Each article's top terms under the three filters used below (frequency from 2 up to half the
  // articles; from 2 up; up to half), in one pass over its bag: all three share one order, so
  // each list keeps its best `termsPerArticle` as it goes.
  const half = Math.max(2, 0.5 * total)
  const tops = bags.map((bag) => {
    const terms: string[] = []
    const counts: number[] = []
    let length = 0
    eachTerm(bag, (term, count) => {
      terms.push(term)
      counts.push(count)
      length += count
    })
    length ||= 1
    const best: Weighted[][] = [[], [], []]
    for (const [index, term] of terms.entries()) {
      const frequency = documentFrequency.get(term) ?? 0
      const entry = {term, weight: (counts[index]! / length) * Math.log(total / (frequency || 1) + 1)}
      if (frequency >= 2) {
        if (frequency <= half) keepBest(best[0]!, entry, settings.termsPerArticle)
        keepBest(best[1]!, entry, settings.termsPerArticle)
      }
      if (frequency <= half) keepBest(best[2]!, entry, settings.termsPerArticle)
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
  const surfaces = new Map<string, Map<string, number>>()
  for (const bag of bags) {
    eachTerm(bag, (term, _count, written) => {
      if (!wanted.has(term)) return
      const known = surfaces.get(term) ?? new Map<string, number>()
      const forms = written.split('\t')
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
    for (const [term, entry] of terms) {
      const home = clusters.find((cluster) => overlap(cluster.seed, entry.articles) >= settings.cohesion)
      if (home) {
        home.terms.push(term)
        home.weight += entry.weight
        for (const index of entry.articles) home.articles.add(index)
      } else {
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
function keepBest(list: Weighted[], entry: Weighted, size: number) {
  const before = (a: Weighted, b: Weighted) => b.weight - a.weight || wordCount(b.term) - wordCount(a.term) || a.term.localeCompare(b.term)
  if (list.length === size && before(list[size - 1]!, entry) <= 0) return
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

/** Calls `visit` for each line of a bag from `termBag`: the term, its count, then its written forms and their counts. */
function eachTerm(bag: string, visit: (term: string, count: number, forms: string) => void) {
  for (let start = 0; start < bag.length;) {
    let end = bag.indexOf('\n', start)
    if (end < 0) end = bag.length
    const tab = bag.indexOf('\t', start)
    const next = bag.indexOf('\t', tab + 1)
    const countEnd = next < 0 || next > end ? end : next
    visit(bag.slice(start, tab), Number(bag.slice(tab + 1, countEnd)), countEnd < end ? bag.slice(countEnd + 1, end) : '')
    start = end + 1
  }
}

/**
 * An article's term counts for `deriveTopics`: singular unigrams and bigrams of adjacent content
 * words inside one sentence, the headline counted twice, each with the forms it was written in.
 * One line per term (`term TAB count TAB form TAB count …`): a string, which a worker computes,
 * the cache keeps and ten thousand articles hold in a fraction of the memory of maps.
 */
export function termBag(article: Pick<Article, 'title' | 'paragraphs'>): string {
  const counts = new Map<string, number>()
  const surfaces = new Map<string, Map<string, number>>()
  const add = (term: string, surface: string, times: number) => {
    counts.set(term, (counts.get(term) ?? 0) + times)
    const forms = surfaces.get(term) ?? new Map<string, number>()
    forms.set(surface, (forms.get(surface) ?? 0) + times)
    surfaces.set(term, forms)
  }
  const read = (text: string, times: number) => {
    for (const sentence of sentences(text)) {
      let previous: {term: string; surface: string} | undefined
      for (const entry of words(sentence.text)) {
        const content = entry.word.length >= 3 && !stopWords.has(entry.word) && !/^[\d,.'-]+$/.test(entry.word) && !/^\d/.test(entry.word)
        if (!content) {
          previous = undefined
          continue
        }
        const term = singular(entry.word)
        // A capital inside a sentence marks a name ("Samoa", "COVID-19"); at its start it says nothing.
        const surface = /^\p{Lu}/u.test(entry.surface) && entry.index > 1 ? entry.surface : entry.word
        add(term, surface, times)
        if (previous) add(`${previous.term} ${term}`, `${previous.surface} ${surface}`, times)
        previous = {term, surface}
      }
    }
  }
  read(article.title, 2)
  for (const paragraph of article.paragraphs) read(paragraph, 1)
  // A form written as the term itself is left empty: most are, and the bag is half the size.
  return [...counts].map(([term, count]) => [term, count, ...[...surfaces.get(term)!].flatMap(([form, times]) => [form === term ? '' : form, times])].join('\t')).join('\n')
}
