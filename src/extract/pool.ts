/**
 * Runs batches of article files through `batch.ts`: in a pool of worker threads (tinypool) when
 * there is enough work to repay starting them, else in this thread. Either way the results come
 * back in file order and are the same.
 */
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type Tinypool from 'tinypool'
import type {Source} from '../load/files.js'
import type {AnalyzeResult, AnalyzeTask, DateResult, DateTask} from './batch.js'
import {createInterner} from './intern.js'

export interface PoolOptions {
  /** Worker threads; 0 runs everything in this thread. Default: one per core, when the work repays them. */
  workers?: number
}

/**
 * Files below which a phase stays in this thread: a worker takes about 0.2 s to load the parser
 * and the extractors, which a few hundred articles' parse (or a few thousand front matters) repays.
 */
const enough = {date: 4_000, analyze: 200}
/** The most files in one batch: enough to amortise a message between threads, few enough to share out. */
const batchSize = {date: 256, analyze: 32}

export interface Runner {
  /** `toParse`: how many files the analysis after it is expected to parse; enough of them start the workers now. */
  date(sources: Source[], task: Omit<DateTask, 'kind' | 'sources'>, progress?: (done: number) => void, toParse?: number): Promise<DateResult[]>
  /** `toParse`: how many of `sources` the cache is not expected to hold, which decides on workers. */
  analyze(sources: Source[], task: Omit<AnalyzeTask, 'kind' | 'sources'>, progress?: (done: number) => void, toParse?: number): Promise<AnalyzeResult[]>
  /** Stops the workers, if any were started. */
  close(): Promise<void>
}

export function createRunner(options: PoolOptions = {}): Runner {
  const workers = options.workers ?? availableParallelism()
  let pool: Tinypool | undefined
  const intern = createInterner()

  async function poolFor(kind: 'date' | 'analyze', files: number, toParse = 0) {
    // Workers already started are used for whatever follows, however little; workers the parse
    // after this pass will need anyway read the dates too.
    const wanted = options.workers === undefined ? (pool !== undefined || files >= enough[kind] || toParse >= enough.analyze) && workers > 1 : workers > 0
    if (!wanted) return undefined
    pool ??= await startPool(workers)
    return pool
  }

  async function each<T, R>(kind: 'date' | 'analyze', sources: Source[], toTask: (batch: Source[], start: number) => T, progress?: (done: number) => void, work = sources.length, toParse?: number): Promise<R[]> {
    const running = await poolFor(kind, work, toParse)
    // Several batches per worker, so one slow batch does not leave the other cores idle at the end.
    const size = Math.max(1, Math.min(batchSize[kind], Math.ceil(sources.length / (Math.max(workers, 1) * 4))))
    const batches: Source[][] = []
    for (let start = 0; start < sources.length; start += size) batches.push(sources.slice(start, start + size))
    let done = 0
    const results: R[][] = []
    const one = async (batch: Source[], index: number) => {
      const task = toTask(batch, index * size)
      results[index] = intern((await (running ? running.run(task) : inThread(task as DateTask & AnalyzeTask))) as R[])
      done += batch.length
      progress?.(done)
    }
    if (running) await Promise.all(batches.map(one))
    else for (const [index, batch] of batches.entries()) await one(batch, index)
    return results.flat()
  }

  return {
    date: (sources, task, progress, toParse) => each<DateTask, DateResult>('date', sources, (batch) => ({kind: 'date', sources: batch, ...task}), progress, sources.length, toParse),
    analyze: (sources, task, progress, toParse) => each<AnalyzeTask, AnalyzeResult>('analyze', sources, (batch, start) => ({kind: 'analyze', ...task, sources: batch, ...(task.dated ? {dated: task.dated.slice(start, start + batch.length)} : {})}), progress, toParse),
    close: async () => {
      await pool?.destroy()
      pool = undefined
    }
  }
}

/**
 * A batch run in this thread: the parser and the extractors load on the first one, so a build
 * whose workers do the parsing, or whose result is cached, never loads them here.
 */
async function inThread(task: DateTask & AnalyzeTask) {
  const {runBatch} = await import('./batch.js')
  return runBatch(task)
}

async function startPool(threads: number): Promise<Tinypool> {
  const {Tinypool} = await import('tinypool')
  // Run from TypeScript sources (the tests do), a worker needs tsx to load them as this thread does.
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts')
  return new Tinypool({
    filename: new URL(fromSource ? './worker-tsx.mjs' : './worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads
  })
}
