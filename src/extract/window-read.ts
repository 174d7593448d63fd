/**
 * load and extract, window first: every file's front matter is read for its date before any body
 * is parsed, and only the articles the window keeps are parsed and extracted (in worker threads
 * when there are enough, from the cache when it holds them).
 */
import {access} from 'node:fs/promises'
import path from 'node:path'
import {applyWindow, dayIn, windowSpec, type Period, type WindowSpec} from '../briefing/window.js'
import type {Config} from '../config.js'
import {DigestError} from '../errors.js'
import {findArticles, type Source} from '../load/files.js'
import type {Article, Message, Omitted} from '../types.js'
import type {AnalyzeResult, DateResult} from './batch.js'
import {cacheFolder, extractorVersion, pruneVersions} from './cache.js'
import {createRunner} from './pool.js'

/** What the window-first read hands on: the articles the window keeps, and what it left out. */
export interface WindowRead {
  articles: Article[]
  /** Every file's messages, in file order. */
  messages: Message[]
  period: Period
  omitted: Omitted[]
  /** The day of every article that could be read, for the message when the window is empty. */
  readDates: string[]
}

/**
 * The window over every file's date: the indexes (in file order, as a build over every file would
 * meet them) of the articles the window and `limits.articles` keep, and why each other file is
 * left out, the window's period and the day of every article that could be read. An unreadable
 * file's message is set in `messages` at its index.
 */
export function chooseInWindow(sources: readonly Source[], dated: readonly DateResult[], messages: Message[][], config: Config, window: WindowSpec | undefined): {left: {index: number; omitted: Omitted}[]; kept: number[]; period: Period; readDates: string[]} {
  const left: {index: number; omitted: Omitted}[] = []
  const usable: {index: number; id: string; title: string; date: string}[] = []
  for (const [index, result] of dated.entries()) {
    const source = sources[index]!
    if (result.unreadable) {
      messages[index] = [unreadableMessage(source.path, result.unreadable)]
      left.push({index, omitted: {id: source.id, why: `unreadable: ${result.unreadable}`}})
    } else if (result.meta) {
      const {published, date, title} = result.meta
      usable.push({index, id: source.id, title, date: published ? dayIn(published, config.timezone) : date})
    } else {
      const reason = result.messages.find((message) => message.severity === 'error')?.reason ?? 'no date'
      left.push({index, omitted: {id: source.id, why: `unreadable: ${reason}`}})
    }
  }
  const chosen = applyWindow(usable, windowSpec(window, config), config.limits.articles)
  for (const [entries, why] of [[chosen.outside, 'outside the window'], [chosen.over, 'over limits.articles']] as const) {
    for (const entry of entries) left.push({index: entry.index, omitted: {id: entry.id, ...(entry.title ? {title: entry.title} : {}), date: entry.date, why}})
  }
  return {left, kept: chosen.kept.map((entry) => entry.index).sort((a, b) => a - b), period: chosen.period, readDates: usable.map((entry) => entry.date)}
}

/**
 * load and extract, window first: every file's front matter is read (for its date) before any
 * body is parsed, and only the articles the window and `limits.articles` keep are parsed and
 * extracted, in worker threads when there are enough of them, from the cache when it holds them.
 */
export async function readWindow(content: string, config: Config, window: WindowSpec | undefined, options: ReadOptions): Promise<WindowRead> {
  const opened = await openWindow(content, config, window, options)
  try {
    return await opened.read()
  } finally {
    await opened.close()
  }
}

interface ReadOptions {
  cwd: string
  out: string
  cache: boolean
  workers?: number | undefined
  onProgress?: ((done: number, total: number) => void) | undefined
}

/** The window chosen over every file's date, before any body is parsed. */
export interface OpenWindow {
  /**
   * With the cache on, what the articles of the window depend on: every file's date and
   * messages, and the cache key (its bytes) of each one the window keeps. A build's result is
   * keyed by it, so an unchanged week is found before an article is read.
   */
  files?: unknown[]
  /** Parses and extracts the articles the window keeps. */
  read(): Promise<WindowRead>
  /** Stops the workers, if any were started. */
  close(): Promise<void>
}

/** The first pass of `readWindow`: every file's date, and the window over them. */
export async function openWindow(content: string, config: Config, window: WindowSpec | undefined, options: ReadOptions): Promise<OpenWindow> {
  const sources = await findArticles([content], options.cwd)
  const cache = options.cache ? {folder: cacheFolder(options.out), version: await extractorVersion()} : undefined
  const runner = createRunner(options.workers === undefined ? {} : {workers: options.workers})
  const progress = options.onProgress
  let dated: DateResult[]
  try {
    // A cache with no entry of this extractor (a first build) holds nothing: every file the window keeps will be parsed.
    const firstBuild = cache !== undefined && !(await exists(path.join(cache.folder, cache.version)))
    dated = await runner.date(sources, {requireDate: true, ...(cache ? {cache} : {})}, progress && ((done) => progress(done, sources.length)), firstBuild ? sources.length : 0)
  } catch (error) {
    await runner.close()
    throw error
  }
  const messages = dated.map((result) => result.messages)
  const {left, kept, period, readDates} = chooseInWindow(sources, dated, messages, config, window)
  const keeps = new Set(kept)
  const files = cache && dated.map(({cached: _cached, key, ...result}, index) => ({path: sources[index]!.path, id: sources[index]!.id, ...result, ...(keeps.has(index) ? {key} : {})}))
  return {
    ...(files ? {files} : {}),
    read: async () => {
      // Workers pay for themselves on parsing, not on reading cache entries.
      const toParse = kept.filter((index) => !dated[index]!.cached).length
      const analyzed = await runner.analyze(kept.map((index) => sources[index]!), {requireDate: true, dated: kept.map((index) => dated[index]!.meta), ...(cache ? {cache} : {})}, progress && ((done) => progress(done, kept.length)), toParse)
      const articles: Article[] = []
      for (const [position, result] of analyzed.entries()) {
        const index = kept[position]!
        const source = sources[index]!
        if (result.failure) throw failureOf(result.failure, source.path)
        messages[index] = result.unreadable ? [unreadableMessage(source.path, result.unreadable)] : result.messages
        if (result.article) articles.push(result.article)
        else left.push({index, omitted: {id: source.id, why: `unreadable: ${result.unreadable ?? result.messages[0]?.reason ?? 'no date'}`}})
      }
      if (cache) await pruneVersions(cache.folder, cache.version)
      return {
        articles,
        messages: messages.flat(),
        period,
        omitted: left.sort((a, b) => a.index - b.index).map((entry) => entry.omitted),
        readDates
      }
    },
    close: () => runner.close()
  }
}

async function exists(file: string) {
  return access(file).then(() => true, () => false)
}

/** A worker's foreign error, rebuilt on this thread and wrapped with the article it came from. */
export function failureOf(failure: NonNullable<AnalyzeResult['failure']>, file: string): DigestError {
  const cause = Object.assign(new Error(failure.message), {name: failure.name, stack: failure.stack})
  return new DigestError(`Cannot extract from article ${file}`, {cause, place: {file}})
}

export function unreadableMessage(file: string, why: string): Message {
  return {file, line: 1, column: 1, severity: 'error', reason: `Unexpected unreadable file (${why}), expected a readable article`, ruleId: 'read'}
}
