import {parseFeed} from 'feedsmith'
import {z} from 'zod'
import {DigestError} from '../errors.js'
import {absoluteHttpUrl, normalizeDate} from './metadata.js'

export interface FeedItem {
  /** The item's page, absolute. */
  link?: string
  /** guid / id, else the link: what tells one item from another. */
  id: string
  title?: string
  /** As `normalizeDate` gives it. */
  date?: string
  author?: string
  /** Full text as HTML, when the feed carries it. */
  contentHtml?: string
  /** The summary as HTML. */
  summaryHtml?: string
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf' | 'json'
  title?: string
  lang?: string
  items: FeedItem[]
}

const text = z.string().trim().min(1)
/** What one item must give, whatever its format: something to read, and a way to tell it apart. */
const itemSchema = z.object({
  id: text,
  link: z.url({protocol: /^https?$/}).optional(),
  title: text.optional(),
  date: z.string().optional(),
  author: text.optional(),
  contentHtml: text.optional(),
  summaryHtml: text.optional()
}).refine((item) => item.link ?? item.contentHtml ?? item.summaryHtml, 'Unexpected item with neither a link nor any text, expected one of them')

type Loose = Record<string, unknown>

/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed with feedsmith, then keeps of each item what
 * an article needs, validated. Throws a `DigestError` naming the source when it is not a feed.
 */
export function readFeed(content: string, feedUrl: string | undefined, from: string): Feed {
  let parsed: {format: string; feed: unknown}
  try {
    parsed = parseFeed(content) as {format: string; feed: unknown}
  } catch (error) {
    throw new DigestError(`Unexpected content in ${from}, expected an RSS, Atom or JSON feed (${error instanceof Error ? error.message : String(error)})`, {cause: error})
  }
  const feed = parsed.feed as Loose
  const format = parsed.format as Feed['format']
  const base = feedUrl ?? str(feed.link) ?? str(feed.home_page_url)
  const rawItems = (list(feed.items).length > 0 ? list(feed.items) : list(feed.entries)) as Loose[]
  const items: FeedItem[] = []
  for (const [index, raw] of rawItems.entries()) {
    const candidate = format === 'atom' ? atomItem(raw, base) : format === 'json' ? jsonItem(raw, base) : rssItem(raw, base)
    const checked = itemSchema.safeParse(candidate)
    if (!checked.success) {
      throw new DigestError(`Unexpected item ${index + 1} in ${from}: ${checked.error.issues.map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`).join('; ')}`)
    }
    const item = checked.data as FeedItem
    const date = normalizeDate(candidate.date)
    if (date) item.date = date
    else delete item.date
    items.push(item)
  }
  const title = format === 'atom' ? str((feed.title as Loose | undefined)?.value) : str(feed.title)
  const lang = str(feed.language) ?? str(feed.lang)
  return {format, items, ...(title ? {title} : {}), ...(lang ? {lang} : {})}
}

function rssItem(item: Loose, base: string | undefined) {
  const link = absoluteHttpUrl(str(item.link) ?? str((item.rdf as Loose | undefined)?.about), base)
  const dc = (item.dc ?? {}) as Loose
  const guid = str((item.guid as Loose | undefined)?.value)
  return {
    id: guid ?? link ?? str(item.title) ?? '',
    link,
    title: str(item.title),
    date: str(item.pubDate) ?? str(list(dc.dates)[0]) ?? str(dc.date),
    author: str(list(dc.creators)[0]) ?? str(dc.creator) ?? str(list(item.authors)[0]),
    contentHtml: str((item.content as Loose | undefined)?.encoded),
    summaryHtml: str(item.description)
  }
}

function atomItem(entry: Loose, base: string | undefined) {
  const links = list(entry.links) as Loose[]
  const alternate = links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0]
  const link = absoluteHttpUrl(str(alternate?.href), base)
  const content = entry.content as Loose | undefined
  return {
    id: str(entry.id) ?? link ?? '',
    link,
    title: str((entry.title as Loose | undefined)?.value),
    date: str(entry.published) ?? str(entry.updated),
    author: str((list(entry.authors)[0] as Loose | undefined)?.name),
    contentHtml: content && str(content.value) ? (content.type === 'text' ? escapeHtml(str(content.value)!) : str(content.value)) : undefined,
    summaryHtml: str((entry.summary as Loose | undefined)?.value)
  }
}

function jsonItem(item: Loose, base: string | undefined) {
  const link = absoluteHttpUrl(str(item.url) ?? str(item.external_url), base)
  const plain = str(item.content_text)
  return {
    id: str(item.id) ?? link ?? '',
    link,
    title: str(item.title),
    date: str(item.date_published) ?? str(item.date_modified),
    author: str((list(item.authors)[0] as Loose | undefined)?.name) ?? str((item.author as Loose | undefined)?.name),
    contentHtml: str(item.content_html) ?? (plain ? plain.split(/\n\s*\n/).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('') : undefined),
    summaryHtml: str(item.summary)
  }
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

function escapeHtml(value: string) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Whether `content` (of a URL whose type did not say) is a feed rather than a web page. */
export function looksLikeFeed(content: string): boolean {
  const start = content.slice(0, 2000).replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(start)
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(start)
}
