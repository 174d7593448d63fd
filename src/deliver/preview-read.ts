/**
 * The preview's articles, read window first as `digest build` reads them (pipeline.ts
 * `readWindow`): every file's front matter for its date, then only the articles the window keeps
 * parsed and extracted, in worker threads when there are many, from `.digest-cache/` when it holds
 * them. What was read is kept between builds, so a save reads just the saved files again and
 * parses only those whose text changed.
 */
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import type {Config} from '../config.js'
import {type AnalyzeResult, type DateResult} from '../extract/batch.js'
import {cacheFolder, extractorVersion, pruneVersions} from '../extract/cache.js'
import {createRunner} from '../extract/pool.js'
import {findArticles, isArticleName, type Source} from '../load/files.js'
import {chooseInWindow, failureOf, unreadableMessage, type WindowRead} from '../extract/window-read.js'
import type {WindowSpec} from '../briefing/window.js'
import type {Article, Message} from '../types.js'

/** One article file as last read: its date always, its analysis once the window has kept it. */
interface Known {
  source: Source
  dated: DateResult
  analyzed?: AnalyzeResult
}

export interface Read extends WindowRead {
  /** Files parsed and extracted by this read; the others came from memory or the disk cache. */
  parsed: string[]
  /** Files whose date, article or messages this read changed, or that came or went. */
  changed: string[]
}

export interface ReaderOptions {
  cwd: string
  /** The folder briefings are written into: the cache sits beside it, as for `digest build`. */
  out: string
  /** Worker threads, as `digest build --workers` takes them; undefined decides by the work. */
  workers?: number
}

export function createReader(options: ReaderOptions) {
  const cache = {folder: cacheFolder(options.out), version: ''}
  let known = new Map<string, Known>()
  let folder: string | undefined

  /**
   * Reads the content folder: the whole of it the first time, when it moved, or when a file came
   * or went; otherwise only `touched` (absolute paths) again. `touched` undefined reads it all.
   */
  async function read(content: string, config: Config, window: WindowSpec | undefined, touched?: string[]): Promise<Read> {
    cache.version ||= await extractorVersion()
    const runner = createRunner(options.workers === undefined ? {} : {workers: options.workers})
    const changed = new Set<string>()
    try {
      const byAbsolute = new Map([...known.values()].map((entry) => [entry.source.absolute, entry]))
      // An editor's backup (`a.md~`) or a note is no article: only a folder that held some needs the listing again.
      const relevant = touched?.filter((file) => byAbsolute.has(file) || isArticleName(path.basename(file)) || [...byAbsolute.keys()].some((held) => held.startsWith(`${file}${path.sep}`)))
      const again = relevant?.map((file) => byAbsolute.get(file))
      let whole = content !== folder || again === undefined || again.some((entry) => entry === undefined)
      if (!whole && again) {
        const entries = again as Known[]
        const dated = await runner.date(entries.map((entry) => entry.source), {requireDate: true, cache})
        // A file deleted since its event cannot be read: the folder's listing settles it then.
        whole = dated.some((result) => result.unreadable === 'ENOENT')
        if (!whole) {
          for (const [index, entry] of entries.entries()) {
            // Its body may have changed under the same date: the window decides whether to parse it.
            known.set(entry.source.path, {source: entry.source, dated: dated[index]!, ...(entry.analyzed ? {analyzed: entry.analyzed} : {})})
            if (!sameDate(entry.dated, dated[index]!)) changed.add(entry.source.path)
          }
        }
      }
      const stale = new Set(whole ? [] : (again as Known[]).map((entry) => entry.source.path))
      if (whole) {
        const sources = await findArticles([content], options.cwd)
        const dated = await runner.date(sources, {requireDate: true, cache})
        const next = new Map<string, Known>()
        for (const [index, source] of sources.entries()) {
          const previous = known.get(source.path)
          next.set(source.path, {source, dated: dated[index]!, ...(previous?.analyzed ? {analyzed: previous.analyzed} : {})})
          stale.add(source.path)
          if (!previous || !sameDate(previous.dated, dated[index]!) || previous.source.id !== source.id) changed.add(source.path)
        }
        for (const file of known.keys()) if (!next.has(file)) changed.add(file)
        if (folder === undefined) await pruneVersions(cache.folder, cache.version)
        known = next
        folder = content
      }
      return await settle(runner, config, window, stale, changed)
    } finally {
      await runner.close()
    }
  }

  /** Applies the window over every file's date and analyzes what it keeps and was not analyzed as it is now. */
  async function settle(runner: ReturnType<typeof createRunner>, config: Config, window: WindowSpec | undefined, stale: Set<string>, changed: Set<string>): Promise<Read> {
    const entries = [...known.values()]
    const messages: Message[][] = entries.map((entry) => entry.dated.messages)
    const {left, kept, period, readDates} = chooseInWindow(entries.map((entry) => entry.source), entries.map((entry) => entry.dated), messages, config, window)
    const toAnalyze = kept.filter((index) => !entries[index]!.analyzed || stale.has(entries[index]!.source.path))
    const toParse = toAnalyze.filter((index) => !entries[index]!.dated.cached).length
    const analyzed = await runner.analyze(toAnalyze.map((index) => entries[index]!.source), {requireDate: true, dated: toAnalyze.map((index) => entries[index]!.dated.meta), cache}, undefined, toParse)
    const parsed: string[] = []
    for (const [position, index] of toAnalyze.entries()) {
      const entry = entries[index]!
      const result = analyzed[position]!
      if (result.failure) throw failureOf(result.failure, entry.source.path)
      if (!result.cached) parsed.push(entry.source.path)
      const {cached: _cached, ...fresh} = result
      // The same analysis keeps the same objects, so the briefing knows nothing in it changed.
      if (entry.analyzed && isDeepStrictEqual(entry.analyzed, fresh)) continue
      if (entry.analyzed || stale.has(entry.source.path)) changed.add(entry.source.path)
      entry.analyzed = fresh
    }
    // A file the window no longer keeps is analyzed again when it comes back: its text may change meanwhile.
    for (const file of stale) if (!kept.some((index) => entries[index]!.source.path === file)) delete known.get(file)?.analyzed
    const articles: Article[] = []
    for (const index of kept) {
      const {source, analyzed: result} = entries[index]!
      messages[index] = result!.unreadable ? [unreadableMessage(source.path, result!.unreadable)] : result!.messages
      if (result!.article) articles.push(result!.article)
      else left.push({index, omitted: {id: source.id, why: `unreadable: ${result!.unreadable ?? result!.messages[0]?.reason ?? 'no date'}`}})
    }
    return {
      articles,
      messages: messages.flat(),
      period,
      omitted: left.sort((a, b) => a.index - b.index).map((entry) => entry.omitted),
      readDates,
      parsed,
      changed: [...changed]
    }
  }

  return {read}
}

export type Reader = ReturnType<typeof createReader>

/** The same date and messages: whether the cache holds the file, and its key, say nothing of its date. */
function sameDate(a: DateResult, b: DateResult) {
  const {cached: _a, key: _keyA, ...left} = a
  const {cached: _b, key: _keyB, ...right} = b
  return isDeepStrictEqual(left, right)
}
