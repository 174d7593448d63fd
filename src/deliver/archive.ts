import {createHash} from 'node:crypto'
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {writeFilesAtomically} from './write.js'

/** One briefing of the archive, from its folder's `digest.json`. */
export interface ArchiveEntry {
  id: string
  title: string
  period: {start: string; end: string}
  articles: number
  quotes: number
  figures: number
  /** When the briefing was last built (its `digest.json` was written). */
  updated: Date
}

export interface ArchiveOptions {
  /** The archive's heading and the feed's title. */
  title: string
  lang: string
  /** Where `out/` is published (`brand.webUrl`): makes the feed's links absolute. */
  webUrl?: string
}

/**
 * Rewrites `out/index.html` (every briefing, newest first, each linking its `web.html`) and
 * `out/feed.xml` (Atom) from the briefing folders in `out`, so `out/` can be published as it
 * is. Both are written atomically: a reader of the site never sees half a page.
 */
export async function updateArchive(out: string, options: ArchiveOptions, current?: Omit<ArchiveEntry, 'updated'>): Promise<{index: string; feed: string}> {
  const entries = await readArchive(out, current)
  const [index = '', feed = ''] = await writeFilesAtomically(out, {'index.html': archivePage(entries, options), 'feed.xml': atomFeed(entries, options)})
  return {index, feed}
}

/**
 * The briefing folders of `out`, newest period first; a folder without a readable `digest.json` is
 * not a briefing. The build passes the briefing it has just written as `current`: its `digest.json`
 * (a hundred megabytes for a week of ten thousand articles) is not read back.
 */
export async function readArchive(out: string, current?: Omit<ArchiveEntry, 'updated'>): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = []
  for (const entry of await readdir(out, {withFileTypes: true})) {
    if (!entry.isDirectory()) continue
    const file = path.join(out, entry.name, 'digest.json')
    try {
      if (current?.id === entry.name) {
        entries.push({...current, updated: (await stat(file)).mtime})
        continue
      }
      const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
      const data = briefingHead(text) as {id?: unknown; title?: unknown; period?: {start?: unknown; end?: unknown}; articles?: unknown[]; topics?: {quotes?: unknown[]; figures?: unknown[]; series?: unknown[]}[]}
      if (typeof data.title !== 'string' || typeof data.period?.start !== 'string' || typeof data.period.end !== 'string') continue
      const topics = data.topics ?? []
      entries.push({
        id: entry.name,
        title: data.title,
        period: {start: data.period.start, end: data.period.end},
        articles: data.articles?.length ?? 0,
        quotes: topics.reduce((sum, topic) => sum + (topic.quotes?.length ?? 0), 0),
        // A series is a figure reported over time: the build's summary counts it as one too.
        figures: topics.reduce((sum, topic) => sum + (topic.figures?.length ?? 0) + (topic.series?.length ?? 0), 0),
        updated: info.mtime
      })
    } catch {
      // Not a briefing folder (or one being written): it stays out of the archive.
    }
  }
  return entries.sort((a, b) => b.period.end.localeCompare(a.period.end) || b.period.start.localeCompare(a.period.start) || b.id.localeCompare(a.id))
}

/**
 * What `digest.json` says before `explain` (which `briefingJson` writes last, on its own lines):
 * the archive needs none of the decisions, which are most of a large week's file.
 */
export function briefingHead(text: string): unknown {
  const cut = text.indexOf(explainOpening)
  if (cut >= 0) {
    try {
      return JSON.parse(`${text.slice(0, cut)}\n}`)
    } catch {
      // Written by something else: read as a whole.
    }
  }
  return JSON.parse(text)
}

const explainOpening = ',\n  "explain": ['

function archivePage(entries: ArchiveEntry[], options: ArchiveOptions): string {
  const items = entries.map((entry) => `    <li><a href="${escape(`${encodeURIComponent(entry.id)}/web.html`)}">${escape(entry.title)}</a> <span class="period">${escape(periodText(entry))}</span><br><span class="counts">${escape(countsText(entry))}</span></li>`)
  return `<!doctype html>
<html lang="${escape(options.lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(options.title)}</title>
  <link rel="alternate" type="application/atom+xml" title="${escape(options.title)}" href="feed.xml">
  <style>
    body { font: 17px/1.5 Georgia, 'Times New Roman', serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; background: #fff; }
    li { margin: 0 0 1rem 0; } .period, .counts { color: #5f646b; font-size: 15px; }
    @media (prefers-color-scheme: dark) { body { color: #ecebe7; background: #17181a; } a { color: #8ab4f8; } .period, .counts { color: #b4b8bd; } }
  </style>
</head>
<body>
  <h1>${escape(options.title)}</h1>
  <ol reversed>
${items.join('\n')}
  </ol>
  <p><a href="feed.xml">Atom feed</a></p>
</body>
</html>
`
}

function atomFeed(entries: ArchiveEntry[], options: ArchiveOptions): string {
  const base = options.webUrl ? (options.webUrl.endsWith('/') ? options.webUrl : `${options.webUrl}/`) : undefined
  const link = (relative: string) => (base ? new URL(relative, base).href : relative)
  const updated = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0))
  const items = entries.map((entry) => `  <entry>
    <id>${escape(base ? link(`${encodeURIComponent(entry.id)}/web.html`) : uuidUrn(`${options.title}\u0000${entry.id}`))}</id>
    <title>${escape(entry.title)} (${escape(periodText(entry))})</title>
    <updated>${entry.updated.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${escape(link(`${encodeURIComponent(entry.id)}/web.html`))}"/>
    <summary>${escape(countsText(entry))}</summary>
  </entry>`)
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(options.lang)}">
  <id>${escape(base ?? uuidUrn(options.title))}</id>
  <title>${escape(options.title)}</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escape(options.title)}</name></author>
  <link rel="alternate" type="text/html" href="${escape(link('index.html'))}"/>
${base ? `  <link rel="self" type="application/atom+xml" href="${escape(link('feed.xml'))}"/>\n` : ''}${items.join('\n')}
</feed>
`
}

function periodText(entry: ArchiveEntry) {
  return entry.period.start === entry.period.end ? entry.period.start : `${entry.period.start} – ${entry.period.end}`
}

function countsText(entry: ArchiveEntry) {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
  return [count(entry.articles, 'article'), count(entry.quotes, 'quote'), count(entry.figures, 'figure')].join(' · ')
}

/** A stable `urn:uuid:` (name-based, RFC 4122 version 5 layout) for a feed published without a URL. */
function uuidUrn(name: string) {
  const hex = createHash('sha1').update(name).digest('hex')
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char] ?? char)
}
