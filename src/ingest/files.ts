import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {writeFilesAtomically} from '../deliver/write.js'
import {countWords} from './page.js'

export interface NewArticle {
  title: string
  /** `YYYY-MM-DD` or an instant with its offset. */
  date: string
  dateNote?: string
  source?: string
  url?: string
  author?: string
  lang?: string
  topics?: string[]
  markdown: string
}

export interface Written {
  /** Path relative to the content folder. */
  file: string
  status: 'added' | 'updated' | 'unchanged' | 'skipped'
  reason?: string
}

/** What an article already on disk says about itself, for the report of an unchanged source. */
export interface Described {
  title?: string
  date?: string
  url?: string
  source?: string
  words: number
}

/**
 * The articles already in the content folder, by canonical URL and by text, so nothing is
 * written twice: the same text is unchanged (under its own URL) or a duplicate (under another);
 * the same URL with new text is updated in place.
 */
export class ContentIndex {
  private readonly byUrl = new Map<string, string>()
  private readonly byText = new Map<string, string>()
  private readonly names = new Set<string>()
  private readonly described = new Map<string, Described>()
  private readonly writtenThisRun = new Set<string>()

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<ContentIndex> {
    const index = new ContentIndex(dir)
    for (const file of await listMarkdown(dir)) {
      const relative = path.relative(dir, file)
      index.names.add(relative)
      const {data, body} = splitFrontMatter(await readFile(file, 'utf8'))
      const textHash = hashText(body)
      index.described.set(relative, describe(data, body))
      index.byText.set(textHash, relative)
      const url = typeof data.url === 'string' ? data.url : undefined
      if (url) index.byUrl.set(normalizeUrl(url), relative)
    }
    return index
  }

  has(file: string) {
    return existsSync(path.join(this.dir, file))
  }

  describe(file: string): Described | undefined {
    return this.described.get(file)
  }

  /** Writes `article` unless it is already here; the status says which. */
  async write(article: NewArticle): Promise<Written> {
    const textHash = hashText(article.markdown)
    const url = article.url ? normalizeUrl(article.url) : undefined
    const twin = this.byText.get(textHash)
    if (twin) {
      const twinUrl = this.described.get(twin)?.url
      if (!url || (twinUrl && normalizeUrl(twinUrl) === url)) return {file: twin, status: 'unchanged'}
      return {file: twin, status: 'skipped', reason: `Same text as ${twin}, already in the content folder`}
    }
    let known = url ? this.byUrl.get(url) : undefined
    // Two sources of one run giving one URL different texts are two articles (a page naming
    // another's address as its canonical one), not an update of the first by the second.
    if (known && url && this.writtenThisRun.has(url)) known = undefined
    const file = known ?? this.freeName(article)
    await writeFilesAtomically(this.dir, {[file]: formatArticle(article)})
    this.names.add(file)
    this.described.set(file, {title: article.title, date: article.date, url: article.url, source: article.source, words: countWords(article.markdown)})
    this.byText.set(textHash, file)
    if (url && !this.writtenThisRun.has(url)) {
      this.byUrl.set(url, file)
      this.writtenThisRun.add(url)
    }
    return {file, status: known ? 'updated' : 'added'}
  }

  private freeName(article: NewArticle): string {
    const stem = `${article.date.slice(0, 10)}-${slugify(article.title)}`
    let name = `${stem}.md`
    for (let count = 2; this.names.has(name) || this.has(name); count++) name = `${stem}-${count}.md`
    return name
  }
}

export function formatArticle(article: NewArticle): string {
  const frontMatter: Record<string, unknown> = {title: article.title, date: article.date}
  if (article.dateNote) frontMatter.dateNote = article.dateNote
  if (article.source) frontMatter.source = article.source
  if (article.url) frontMatter.url = article.url
  if (article.author) frontMatter.author = article.author
  if (article.lang) frontMatter.lang = article.lang
  if (article.topics && article.topics.length > 0) frontMatter.topics = article.topics
  // Keep dates as strings: YAML would otherwise read an unquoted day as a timestamp.
  const yaml = stringifyYaml(frontMatter, {lineWidth: 0, defaultStringType: 'PLAIN'}).replace(/^date: (.+)$/m, (_, value: string) => `date: ${value.startsWith('"') ? value : JSON.stringify(value)}`)
  return `---\n${yaml}---\n\n${article.markdown}`
}

/** ASCII words of the title, short enough for any file system. */
export function slugify(title: string): string {
  const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? []
  let slug = ''
  for (const word of words) {
    if (slug.length + word.length + 1 > 60) break
    slug = slug ? `${slug}-${word}` : word
  }
  return slug || 'article'
}

/** The same article under trivially different URLs (a trailing slash, a fragment, tracking parameters). */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/.test(key)) parsed.searchParams.delete(key)
    parsed.hostname = parsed.hostname.replace(/^www\./, '')
    if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '')
    return parsed.href
  } catch {
    return url
  }
}

function describe(data: Record<string, unknown>, body: string): Described {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined)
  return {title: text('title'), date: text('date'), url: text('url'), source: text('source'), words: countWords(body)}
}

function hashText(markdown: string): string {
  const words = markdown.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return createHash('sha256').update(words.join(' ')).digest('hex')
}

function splitFrontMatter(content: string): {data: Record<string, unknown>; body: string} {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(content)
  if (!match) return {data: {}, body: content}
  let data: unknown
  try {
    data = parseYaml(match[1] ?? '')
  } catch {
    // A broken front matter is the loader's to report; here the file only counts by its text.
    data = {}
  }
  return {data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}, body: content.slice(match[0].length)}
}

async function listMarkdown(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, {withFileTypes: true, recursive: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries.filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name))
}
