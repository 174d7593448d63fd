import {readFile} from 'node:fs/promises'
import path from 'node:path'
import pLimit from 'p-limit'
import {DigestError} from '../errors.js'
import {classify, decode, kindOfFile} from './content.js'
import {readFeed, type Feed, type FeedItem} from './feed.js'
import {ContentIndex, type NewArticle} from './files.js'
import type {HttpClient} from './http.js'
import {htmlToMarkdown} from './markdown.js'
import {countWords, extractPage, minimumArticleWords, openingWords} from './page.js'
import {FetchState} from './state.js'

/** One SOURCE of `digest add`, or one entry of the config's `sources:`. */
export interface Source {
  /** An http(s) URL, or a local file path. */
  location: string
  name?: string
  topics?: string[]
}

/** One line of `--json` (CONTRACT.md): one per page or feed item. */
export interface IngestLine {
  file: string | null
  from: string
  title: string | null
  date: string | null
  url: string | null
  source: string | null
  words: number
  status: 'added' | 'updated' | 'unchanged' | 'skipped'
  reason?: string
}

export interface IngestOptions {
  contentDir: string
  cwd: string
  http: HttpClient
  /** Called as each line is known, `failed` when the source or item could not be added. */
  onLine: (line: IngestLine, failed: boolean) => void
  /** Called as each SOURCE is done, for the progress bar. */
  onSourceDone?: (done: number, total: number) => void
  /** The day of an article whose page and feed give none. @default now */
  now?: Date
}

/** A feed item carrying at least this many words of text is read from the feed; shorter is a summary, and its page is fetched. */
const fullTextWords = 150

/**
 * Adds every source to the content folder: pages become one article each, feeds one per item.
 * One failing source or item is reported (a `skipped` line with its reason) and the rest go on.
 * Returns whether anything failed.
 */
export async function ingest(sources: Source[], options: IngestOptions): Promise<{failed: boolean}> {
  const {contentDir, http} = options
  const index = await ContentIndex.open(contentDir)
  const state = await FetchState.open(contentDir)
  const today = (options.now ?? new Date()).toISOString().slice(0, 10)
  let failed = false
  let done = 0
  const emit = (line: IngestLine, isFailure = false) => {
    if (isFailure) failed = true
    options.onLine(line, isFailure)
  }
  const failure = (from: string, error: unknown) => emit({file: null, from, title: null, date: null, url: null, source: null, words: 0, status: 'skipped', reason: reasonOf(error)}, true)

  const unchanged = (from: string, files: string[]) => {
    for (const file of files) {
      const known = index.describe(file)
      emit({file: path.join(contentDir, file), from, title: known?.title ?? null, date: known?.date ?? null, url: known?.url ?? null, source: known?.source ?? null, words: known?.words ?? 0, status: 'unchanged', reason: 'Not modified since the last fetch'})
    }
  }

  const write = async (article: NewArticle, from: string) => {
    const written = await index.write(article)
    emit({file: path.join(contentDir, written.file), from, title: article.title, date: article.date, url: article.url ?? null, source: article.source ?? null, words: countWords(article.markdown), status: written.status, ...(written.reason ? {reason: written.reason} : {})})
    return written.file
  }

  /** GET with the validators of last time; undefined when the server says nothing changed. */
  const fetchFresh = async (url: string) => {
    const response = await http.get(url, state.validators(url, (file) => index.has(file)))
    return response.notModified ? undefined : response
  }

  const datedArticle = (fields: Omit<NewArticle, 'date' | 'dateNote'> & {date: string | undefined}, source: Source): NewArticle => {
    const {date, ...rest} = fields
    return {
      ...rest,
      ...(date ? {date} : {date: today, dateNote: `No date found on the page or in the feed; ${today} is the day it was added`}),
      ...(source.topics && source.topics.length > 0 ? {topics: source.topics} : {})
    }
  }

  const addPage = async (html: string, pageUrl: string | undefined, source: Source, from: string, item?: FeedItem, feed?: Feed): Promise<string> => {
    const page = extractPage(html, pageUrl)
    if (!page) throw new DigestError(`Unexpected page without an article at ${from}, expected a page whose text is a story (at least ${minimumArticleWords} words)`)
    const url = page.meta.canonical ?? pageUrl ?? item?.link
    return write(datedArticle({
      title: item?.title ?? page.title,
      date: item?.date ?? page.meta.published,
      source: source.name ?? feed?.title ?? page.meta.siteName ?? hostOf(url),
      url,
      author: item?.author ?? page.meta.author,
      lang: page.meta.lang ?? feed?.lang,
      markdown: page.markdown
    }, source), from)
  }

  const addItem = async (item: FeedItem, feed: Feed, source: Source, feedFrom: string) => {
    const from = item.link ?? `${feedFrom} (item ${item.id})`
    const full = item.contentHtml ? htmlToMarkdown(item.contentHtml, {baseUrl: item.link, title: item.title}) : undefined
    const summary = item.summaryHtml ? htmlToMarkdown(item.summaryHtml, {baseUrl: item.link, title: item.title}) : undefined
    const fromFeed = full && (countWords(full) >= fullTextWords || !item.link) ? full : !item.link && summary ? summary : undefined
    if (fromFeed !== undefined) {
      if (countWords(fromFeed) < minimumArticleWords) throw new DigestError(`Unexpected item of ${countWords(fromFeed)} words and no link in ${feedFrom}, expected its text or a link to its page`)
      return write(datedArticle({
        title: item.title ?? openingWords(fromFeed),
        date: item.date,
        source: source.name ?? feed.title ?? hostOf(item.link),
        url: item.link,
        author: item.author,
        lang: feed.lang,
        markdown: fromFeed
      }, source), from)
    }
    const link = item.link!
    const response = await fetchFresh(link)
    if (!response) {
      unchanged(from, state.filesOf(link))
      return undefined
    }
    const kind = classify(response.body, response.contentType, link)
    if (kind !== 'page') throw new DigestError(`Unexpected feed at the link of an item of ${feedFrom}, expected the item's web page`)
    const file = await addPage(decode(response.body, response.contentType), response.url, source, from, item, feed)
    state.remember(link, response.validators, [file])
    return file
  }

  const addFeed = async (text: string, feedUrl: string | undefined, source: Source, from: string): Promise<boolean> => {
    const feed = readFeed(text, feedUrl, from)
    const limit = pLimit(4)
    let allAdded = true
    await Promise.all(feed.items.map((item) => limit(async () => {
      try {
        await addItem(item, feed, source, from)
      } catch (error) {
        allAdded = false
        failure(item.link ?? `${from} (item ${item.id})`, error)
      }
    })))
    return allAdded
  }

  const addSource = async (source: Source) => {
    const from = source.location
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) {
      const response = await fetchFresh(from)
      if (!response) {
        const files = state.filesOf(from)
        if (files.length > 0) unchanged(from, files)
        else emit({file: null, from, title: null, date: null, url: from, source: source.name ?? null, words: 0, status: 'unchanged', reason: 'Not modified since the last fetch (HTTP 304)'})
        return
      }
      const text = decode(response.body, response.contentType)
      if (classify(response.body, response.contentType, from) === 'feed') {
        // A feed whose items all made it can be asked "anything new?" next time; otherwise the
        // failed items must be tried again, so the feed is fetched in full.
        const complete = await addFeed(text, response.url, source, from)
        state.remember(from, complete ? response.validators : {}, [], true)
      } else {
        const file = await addPage(text, response.url, source, from)
        state.remember(from, response.validators, [file])
      }
      return
    }
    const file = path.resolve(options.cwd, from)
    const kind = kindOfFile(from)
    let body: Buffer
    try {
      body = await readFile(file)
    } catch (error) {
      throw new DigestError(`Cannot read ${from}`, {cause: error, place: {file: from}})
    }
    if (kind === 'feed') await addFeed(decode(body, ''), undefined, source, from)
    else {
      classify(body, 'text/html', from)
      await addPage(decode(body, 'text/html'), undefined, source, from)
    }
  }

  const limit = pLimit(4)
  await Promise.all(sources.map((source) => limit(async () => {
    try {
      await addSource(source)
    } catch (error) {
      failure(source.location, error)
    }
    options.onSourceDone?.(++done, sources.length)
  })))
  await state.save(contentDir)
  return {failed}
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return undefined
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  let text = error.message
  let cause = error instanceof DigestError ? undefined : error.cause
  while (cause instanceof Error) {
    text += `: ${cause.message}`
    cause = cause.cause
  }
  return text
}
