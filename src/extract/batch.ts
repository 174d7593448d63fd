/**
 * What a worker does with a batch of article files (and what the main thread does itself when a
 * build is too small for workers): the same code either way, so both give the same articles.
 * Tasks and results are plain data, copied between threads.
 */
import type {VFile} from 'vfile'
import {readSource, toVFile, type Source} from '../load/files.js'
import {prepareArticle} from '../briefing/prepare.js'
import {messagesOf} from '../load/messages.js'
import type {Article, Message} from '../types.js'
import {createAnalyzer, createDater, type Dated} from './analyze.js'
import {entryKey, readDated, readEntry, writeEntry, type Entry} from './cache.js'

/** Reads each file's date from its front matter or name, without parsing its body. */
export interface DateTask {
  kind: 'date'
  sources: Source[]
  requireDate: boolean
  cache?: {folder: string; version: string}
}

export interface DateResult extends Dated {
  /** The file's messages when it cannot be used (a date it lacks, front matter it breaks). */
  messages: Message[]
  /** Why the file could not be read at all. */
  unreadable?: string
  /** The cache holds an entry for the file as it is now (its body not yet checked: reading it will). */
  cached?: boolean
  /** The file's cache key, when the cache is on and the file could be read. */
  key?: string
}

/** Parses and extracts each file, from the cache when it holds the file's bytes. */
export interface AnalyzeTask {
  kind: 'analyze'
  sources: Source[]
  /** What the first pass found in each source's front matter, kept in its cache entry. */
  dated?: (Dated['meta'] | undefined)[]
  requireDate: boolean
  cache?: {folder: string; version: string}
}

export interface AnalyzeResult {
  article?: Article
  messages: Message[]
  unreadable?: string
  cached?: boolean
  /** The file's cache key, when the cache is on: what a whole build's result is keyed by. */
  key?: string
  /** A foreign error thrown while analyzing, to be rethrown on the main thread with its file. */
  failure?: {name: string; message: string; stack?: string}
}

export type Task = DateTask | AnalyzeTask

let dater: ((file: VFile) => Dated) | undefined
let analyzer: ((file: VFile) => Article | undefined) | undefined

export function runBatch(task: DateTask): DateResult[]
export function runBatch(task: AnalyzeTask): AnalyzeResult[]
export function runBatch(task: Task): DateResult[] | AnalyzeResult[] {
  return task.kind === 'date' ? dateBatch(task) : analyzeBatch(task)
}

function dateBatch(task: DateTask): DateResult[] {
  dater ??= createDater({requireDate: task.requireDate})
  const date = dater
  // One file open at a time per thread (reads are synchronous, see readRegularFile): no folder is too big for the open-file limit.
  return task.sources.map((source) => {
    const bytes = read(source)
    if (typeof bytes === 'string') return {messages: [], unreadable: bytes}
    // A file the cache holds says its date in its entry: no front matter to parse.
    const key = task.cache && entryKey(task.cache.version, source.path, bytes, task.requireDate)
    const known = task.cache && key ? readDated(task.cache.folder, task.cache.version, key) : undefined
    if (known) return {meta: known.meta, messages: [], cached: true, ...(key ? {key} : {})}
    const file = toVFile(source, bytes)
    const dated = date(file)
    return {...dated, messages: dated.meta ? [] : messagesOf(file), ...(key ? {key} : {})}
  })
}

function analyzeBatch(task: AnalyzeTask): AnalyzeResult[] {
  analyzer ??= createAnalyzer({requireDate: task.requireDate})
  const analyze = analyzer
  const cache = task.cache
  const results: AnalyzeResult[] = []
  for (const [index, source] of task.sources.entries()) {
    const bytes = read(source)
    if (typeof bytes === 'string') {
      results.push({messages: [], unreadable: bytes})
      continue
    }
    const key = cache && entryKey(cache.version, source.path, bytes, task.requireDate)
    const entry = cache && key ? readEntry(cache.folder, cache.version, key) : undefined
    if (entry) {
      results.push({...fromEntry(entry, source), cached: true, ...(key ? {key} : {})})
      continue
    }
    const file = toVFile(source, bytes)
    let article
    try {
      article = analyze(file)
      // The briefing's per-article work, done here beside the parse so it runs on every core and is
      // cached. What it keeps is all the later stages read of the text, so the paragraphs (most of
      // an article) are neither sent to the main thread nor stored.
      if (article) {
        article.prepared = prepareArticle(article)
        article.paragraphs = []
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error))
      results.push({messages: [], failure: {name: failure.name, message: failure.message, ...(failure.stack ? {stack: failure.stack} : {})}})
      continue
    }
    const messages = messagesOf(file)
    // A caller without the first pass's dates (the preview) has the front matter read here for the entry.
    const dated = cache && key ? task.dated?.[index] ?? (dater ??= createDater({requireDate: task.requireDate}))(toVFile(source, bytes)).meta : undefined
    if (cache && key && dated) writeEntry(cache.folder, cache.version, key, {meta: dated}, toEntry(article, messages))
    results.push({...(article ? {article} : {}), messages, ...(key ? {key} : {})})
  }
  return results
}

/** The file's bytes, or why they could not be read. */
function read(source: Source): Buffer | string {
  try {
    return readSource(source)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
  }
}

function toEntry(article: Article | undefined, messages: Message[]): Entry {
  return {...(article ? {article} : {}), messages: messages.map(({file: _file, ...rest}) => rest)}
}

function fromEntry(entry: Entry, source: Source): {article?: Article; messages: Message[]} {
  return {
    ...(entry.article ? {article: {...entry.article, id: source.id, file: source.path}} : {}),
    messages: entry.messages.map((message) => ({file: source.path, ...message}))
  }
}
