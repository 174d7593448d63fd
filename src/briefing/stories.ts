import {createHash} from 'node:crypto'
import {bodyParagraphs, namesIn} from './lead.js'
import type {Article} from '../types.js'
import {nextWord, stopWords, wordEnd, wordKey, words} from '../words.js'

/**
 * Stories: articles from several outlets (or several days) about one event, found by what they
 * share in their headline and first two paragraphs: names ("Soleimani", "Gaza"), headline words
 * and large numbers. Two articles are one story when they share at least two such signals whose
 * weights (idf: ln(1 + articles / articles with the signal)) add up to 3, or at least four; stories are
 * the connected groups. Signals are indexed, so only articles that share one are ever compared,
 * and a signal in more than `commonCap` articles (a name in every story) links nobody.
 */
export interface Story {
  /** The headline of the article most linked to the others. */
  title: string
  /** Article ids, in date order. */
  articles: string[]
  /** How many outlets reported it (articles without a `source` count one each). */
  sources: number
}

const linkWeight = 3
/** Or this many shared signals, whatever their weight: in a small window every article shares the common names. */
const linkCount = 4
const commonCap = 200

/** `signalsOf` gives each article's signals (`storySignals`), when a worker found them already. */
export function findStories(articles: Article[], signalsOf: (article: Article) => Iterable<string> = storySignals): {stories: Story[]; storyOf: Map<string, number>} {
  const signals = articles.map((article) => new Set(signalsOf(article)))
  const postings = new Map<string, number[]>()
  signals.forEach((set, index) => {
    for (const signal of set) {
      const list = postings.get(signal)
      if (list) list.push(index)
      else postings.set(signal, [index])
    }
  })
  const n = articles.length
  const parent = articles.map((_, index) => index)
  const find = (index: number): number => {
    let root = index
    while (parent[root] !== root) root = parent[root] as number
    while (parent[index] !== root) [index, parent[index]] = [parent[index] as number, root]
    return root
  }
  const links = new Array<number>(n).fill(0)
  for (const [index, set] of signals.entries()) {
    const shared = new Map<number, {count: number; weight: number}>()
    for (const signal of set) {
      const list = postings.get(signal) ?? []
      if (list.length < 2 || list.length > commonCap) continue
      const weight = Math.log(1 + n / list.length)
      for (const other of list) {
        if (other <= index) continue
        const entry = shared.get(other) ?? {count: 0, weight: 0}
        entry.count++
        entry.weight += weight
        shared.set(other, entry)
      }
    }
    for (const [other, entry] of shared) {
      if (entry.count < 2 || (entry.weight < linkWeight && entry.count < linkCount)) continue
      links[index] = (links[index] ?? 0) + 1
      links[other] = (links[other] ?? 0) + 1
      parent[find(other)] = find(index)
    }
  }
  const groups = new Map<number, number[]>()
  for (const index of articles.keys()) {
    const root = find(index)
    groups.set(root, [...(groups.get(root) ?? []), index])
  }
  const stories = [...groups.values()]
    .map((members) => {
      const sorted = members.sort((a, b) => (articles[a]?.date ?? '').localeCompare(articles[b]?.date ?? '') || a - b)
      const central = [...sorted].sort((a, b) => (links[b] ?? 0) - (links[a] ?? 0) || a - b)[0] as number
      const outlets = new Set<string>()
      let unnamed = 0
      for (const index of sorted) {
        const source = articles[index]?.source?.trim().toLowerCase()
        if (source) outlets.add(source)
        else unnamed++
      }
      return {title: articles[central]?.title ?? '', articles: sorted.map((index) => articles[index]?.id ?? ''), sources: outlets.size + unnamed, newest: articles[sorted.at(-1) as number]?.date ?? ''}
    })
    .sort((a, b) => b.sources - a.sources || b.articles.length - a.articles.length || b.newest.localeCompare(a.newest) || a.title.localeCompare(b.title))
  const storyOf = new Map<string, number>()
  stories.forEach((story, index) => {
    for (const id of story.articles) storyOf.set(id, index)
  })
  return {stories: stories.map(({newest: _newest, ...story}) => story), storyOf}
}

/** What an article's story is told with: names and headline words of its top, large numbers. */
export function storySignals(article: Pick<Article, 'title' | 'paragraphs'>, body = bodyParagraphs(article)): Set<string> {
  const top = `${article.title}. ${body.slice(0, 2).join(' ')}`
  const set = new Set<string>()
  for (const name of namesIn(top)) set.add(`n:${name}`)
  for (const entry of words(article.title)) {
    if (entry.word.length >= 4 && !stopWords.has(entry.word) && !/^\d/.test(entry.word)) set.add(`n:${entry.word.slice(0, 5)}`)
  }
  for (const match of top.matchAll(/\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b/g)) {
    const value = match[0].replace(/,/g, '')
    if (!/^(?:1[89]|20)\d\d$/.test(value)) set.add(`#:${value}`)
  }
  return set
}

/**
 * The same article twice (the same URL, or the same text under two names) is one article: the
 * first in date order stays, and each copy is reported as a duplicate of it.
 */
export function mergeSameArticles(articles: Article[], keyOf: (article: Article) => string = textKey): {kept: Article[]; copies: {article: Article; of: Article}[]} {
  const seen = new Map<string, Article>()
  const kept: Article[] = []
  const copies: {article: Article; of: Article}[] = []
  const ordered = [...articles].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
  for (const article of ordered) {
    const keys = [article.url ? `url:${canonicalUrl(article.url)}` : '', `text:${keyOf(article)}`].filter((key) => key && key !== 'text:')
    const original = keys.map((key) => seen.get(key)).find(Boolean)
    if (original) {
      copies.push({article, of: original})
      continue
    }
    for (const key of keys) seen.set(key, article)
    kept.push(article)
  }
  return {kept, copies}
}

function canonicalUrl(url: string) {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname.replace(/^www\./, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`
  } catch {
    return url.trim()
  }
}

/**
 * The body's words, lower case: the same text with other spacing or markup is the same article.
 * Kept as a hash of those words ("" for a body too short to tell), which is all that is compared.
 */
export function textKey(article: Pick<Article, 'paragraphs'>): string {
  const all: string[] = []
  for (const paragraph of article.paragraphs) {
    for (let start = nextWord(paragraph, 0), end = 0; start >= 0; start = nextWord(paragraph, end)) all.push(wordKey(paragraph.slice(start, (end = wordEnd(paragraph, start)))))
  }
  return keyOfWords(all)
}

/** `textKey` of the body whose words (each as `wordKey` writes it) these are. */
export function keyOfWords(words: string[]): string {
  return words.length >= 20 ? createHash('sha256').update(words.join(' ')).digest('base64url') : ''
}
