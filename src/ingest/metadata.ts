/**
 * What a page says about itself, read from its DOM before Readability rewrites it: the canonical
 * URL, the publication date (JSON-LD, meta tags, `<time>`, the URL), the author, the site name,
 * the language and the title.
 */

/** The subset of the DOM we read (linkedom's Document satisfies it). */
export interface PageDocument {
  querySelectorAll(selector: string): Iterable<PageElement>
  querySelector(selector: string): PageElement | null
  documentElement: PageElement | null
  title: string
}

export interface PageElement {
  getAttribute(name: string): string | null
  textContent: string | null
}

export interface PageMeta {
  canonical?: string
  /** A day (`YYYY-MM-DD`) or an instant with its offset, as the page gives it. */
  published?: string
  /** Where `published` came from, for messages. */
  publishedFrom?: string
  author?: string
  siteName?: string
  lang?: string
  title?: string
}

export function readPageMeta(document: PageDocument, pageUrl: string | undefined): PageMeta {
  const meta: PageMeta = {}
  const jsonLd = readJsonLd(document)
  // A site's home page is no article's address: pages that name it as their canonical URL would
  // all be one article.
  const canonical = [attribute(document, 'link[rel="canonical"]', 'href'), metaContent(document, 'og:url')]
    .map((value) => absoluteHttpUrl(value, pageUrl))
    .find((url) => url !== undefined && new URL(url).pathname.length > 1)
  if (canonical) meta.canonical = canonical

  const candidates: Array<[string | undefined, string]> = [
    [jsonLd.datePublished, 'JSON-LD datePublished'],
    [metaContent(document, 'article:published_time'), 'article:published_time'],
    [metaContent(document, 'og:published_time') ?? metaContent(document, 'datePublished') ?? metaContent(document, 'date') ?? metaContent(document, 'pubdate') ?? metaContent(document, 'dc.date') ?? metaContent(document, 'dcterms.created'), 'a date meta tag'],
    [attribute(document, 'time[datetime][pubdate], article time[datetime], time[datetime]', 'datetime'), '<time datetime>'],
    [dateInUrl(canonical ?? pageUrl), 'the URL']
  ]
  for (const [value, from] of candidates) {
    const date = normalizeDate(value)
    if (date) {
      meta.published = date
      meta.publishedFrom = from
      break
    }
  }

  const author = jsonLd.author ?? metaContent(document, 'author') ?? metaContent(document, 'article:author') ?? metaContent(document, 'dc.creator')
  if (author && !/^https?:\/\//.test(author)) meta.author = clean(author)
  const siteName = metaContent(document, 'og:site_name') ?? metaContent(document, 'application-name') ?? jsonLd.publisher
  if (siteName) meta.siteName = clean(siteName)
  const lang = document.documentElement?.getAttribute('lang') ?? metaContent(document, 'og:locale') ?? metaContent(document, 'content-language')
  if (lang && /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(lang.trim())) meta.lang = lang.trim().replace('_', '-')
  const title = metaContent(document, 'og:title') ?? jsonLd.headline ?? document.title
  if (title && clean(title)) meta.title = clean(title)
  return meta
}

interface JsonLdFacts {
  datePublished?: string
  author?: string
  publisher?: string
  headline?: string
}

const articleTypes = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/

function readJsonLd(document: PageDocument): JsonLdFacts {
  const facts: JsonLdFacts = {}
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      // Pages ship broken JSON-LD often enough; the other sources of metadata still apply.
      continue
    }
    for (const node of flattenGraph(data)) {
      const type = ([] as unknown[]).concat(node['@type'] ?? []).join(' ')
      if (!articleTypes.test(type)) continue
      if (!facts.datePublished && typeof node.datePublished === 'string') facts.datePublished = node.datePublished
      if (!facts.headline && typeof node.headline === 'string') facts.headline = node.headline
      if (!facts.author) facts.author = names(node.author)
      if (!facts.publisher) facts.publisher = names(node.publisher)
    }
  }
  return facts
}

function flattenGraph(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flattenGraph)
  if (typeof data !== 'object' || data === null) return []
  const node = data as Record<string, unknown>
  return [node, ...(node['@graph'] ? flattenGraph(node['@graph']) : [])]
}

function names(value: unknown): string | undefined {
  const list = ([] as unknown[]).concat(value ?? [])
  const found = list.map((item) => (typeof item === 'string' ? item : typeof item === 'object' && item && typeof (item as {name?: unknown}).name === 'string' ? (item as {name: string}).name : '')).filter(Boolean)
  return found.length > 0 ? found.join(', ') : undefined
}

function metaContent(document: PageDocument, name: string): string | undefined {
  for (const element of document.querySelectorAll('meta[content]')) {
    const key = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv')
    if (key && key.toLowerCase() === name.toLowerCase()) {
      const value = element.getAttribute('content')?.trim()
      if (value) return value
    }
  }
  return undefined
}

function attribute(document: PageDocument, selector: string, name: string): string | undefined {
  return document.querySelector(selector)?.getAttribute(name)?.trim() || undefined
}

export function absoluteHttpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

const urlDate = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/

function dateInUrl(url: string | undefined): string | undefined {
  const match = url ? urlDate.exec(url) : null
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * A date as the articles' front matter takes it: a real day `YYYY-MM-DD`, or an instant with its
 * offset. An instant without an offset names no instant, so only its day is kept.
 */
export function normalizeDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const text = value.trim()
  const day = isoDay.exec(text.slice(0, 10))
  if (isoInstant.test(text)) {
    const time = Date.parse(text)
    if (Number.isNaN(time)) return undefined
    // The front matter's schema wants seconds and a colon in the offset.
    return new Date(time).toISOString().replace('.000Z', 'Z')
  }
  if (day && isRealDay(text.slice(0, 10)) && (text.length === 10 || /^[T ]/.test(text.slice(10)))) return text.slice(0, 10)
  // RFC 822 dates of feeds ("Tue, 21 Nov 2023 10:00:00 GMT") and other forms with a zone.
  if (/[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}/i.test(text) || /\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}/i.test(text)) {
    const time = Date.parse(text)
    if (!Number.isNaN(time)) return new Date(time).toISOString().replace('.000Z', 'Z')
  }
  return undefined
}

function isRealDay(day: string) {
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day)
}

function clean(text: string) {
  return text.replace(/\s+/g, ' ').trim()
}
