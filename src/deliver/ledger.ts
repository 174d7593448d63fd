import {createReadStream} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import lockfile from 'proper-lockfile'
import {DigestError} from '../errors.js'

interface Attempt {
  email: string
  messageId: string
  /** This reader's attempt number, counted over every run. */
  attempt: number
  at: string
}

/**
 * One line of `send-ledger.jsonl`. Every delivery writes `attempt` before it starts, then one
 * outcome: `sent` (the server said 250), `uncertain` (the connection ended or timed out before the
 * server answered, so the message may have arrived), `failed` (not delivered; a later run tries
 * again) or `suppressed` (a permanent refusal: not sent again unless asked).
 * An `attempt` with no outcome after it was in flight when its run was killed: the next run to
 * open the ledger records it as `uncertain` (code `EINTERRUPTED`).
 */
export type LedgerEntry =
  | ({status: 'attempt'} & Attempt)
  | ({status: 'sent'; response: string} & Attempt)
  | ({status: 'uncertain' | 'failed' | 'suppressed'; code: string; response: string} & Attempt)

export interface Ledger {
  file: string
  /** Lower-cased addresses the server has accepted a message for, in this run or an earlier one. */
  sent: ReadonlySet<string>
  /** Addresses refused for good (5xx) by an earlier run. */
  suppressed: ReadonlySet<string>
  /** Readers with no confirmed delivery, and how many of their attempts may have delivered one. */
  uncertain: ReadonlyMap<string, number>
  /** Readers whose last attempt was in flight when an earlier run stopped (a subset of `uncertain`). */
  interrupted: ReadonlySet<string>
  /** Attempts recorded so far per reader with no confirmed delivery, so numbering goes on across runs. */
  attempts: ReadonlyMap<string, number>
  /** Appends one line and waits until it is on disk (fsync), so a crash right after cannot lose it. */
  append(entry: LedgerEntry): Promise<void>
  close(): Promise<void>
}

export interface LedgerOptions {
  /** Called if the lock is lost mid-run (its file removed, or not refreshed for `stale` ms): stop sending. */
  onLockLost?: (error: DigestError) => void
  /** A lock not refreshed for this long (ms) belongs to a run that was killed, and is taken over. */
  stale?: number
}

/**
 * Opens the append-only ledger of one briefing, under a lock, and reads who already has it. A run
 * killed while writing can leave a torn last line: it is ignored (that entry was not yet
 * recorded) and closed off with a line break so the next entry starts on a line of its own.
 *
 * The lock is proper-lockfile's: a folder created atomically and refreshed while the run lives,
 * so it holds across containers sharing the folder and never mistakes a reused process id for
 * its owner; a killed run's lock goes stale and a later run waits for that and takes it over.
 */
export async function openLedger(file: string, options: LedgerOptions = {}): Promise<Ledger> {
  const stale = options.stale ?? 5000
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(file, {
      realpath: false,
      stale,
      // A run killed a moment ago leaves a lock that goes stale within `stale`: wait that out.
      retries: {retries: Math.ceil((stale * 1.5) / 500), minTimeout: 500, maxTimeout: 500, factor: 1},
      onCompromised: (error) => options.onLockLost?.(new DigestError(`Lost the lock ${file}.lock while sending, expected to hold it until the run ends`, {cause: error, place: {file}}))
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DigestError(`Unexpected second \`digest send\` of this briefing, expected one at a time: another run holds ${file}.lock (a lock left by a killed run is taken over after ${stale / 1000} s)`, {cause: error, place: {file}})
    }
    throw new DigestError(`Cannot lock the send ledger ${file}`, {cause: error, place: {file}})
  }
  try {
    return await readAndOpen(file, release)
  } catch (error) {
    await release().catch(() => {})
    throw error
  }
}

async function readAndOpen(file: string, release: () => Promise<void>): Promise<Ledger> {
  const sent = new Set<string>()
  const suppressed = new Set<string>()
  const uncertain = new Map<string, number>()
  const attempts = new Map<string, number>()
  // Readers with an attempt and no outcome yet, as the lines are read.
  const open_ = new Map<string, Attempt>()
  const mayHaveArrived = (key: string) => uncertain.set(key, (uncertain.get(key) ?? 0) + 1)
  const record = (entry: LedgerEntry) => {
    const key = entry.email.toLowerCase()
    if (entry.status === 'attempt') {
      if (open_.has(key)) mayHaveArrived(key)
      open_.set(key, {email: entry.email, messageId: entry.messageId, attempt: entry.attempt, at: entry.at})
      attempts.set(key, Math.max(attempts.get(key) ?? 0, entry.attempt))
      return
    }
    open_.delete(key)
    if (entry.status === 'sent') {
      sent.add(key)
      suppressed.delete(key)
      uncertain.delete(key)
      attempts.delete(key)
    } else if (entry.status === 'uncertain') {
      mayHaveArrived(key)
    } else if (entry.status === 'suppressed') {
      suppressed.add(key)
    }
  }

  let endsWithBreak = true
  let handle: FileHandle
  try {
    handle = await open(file, 'a+')
    const {size} = await handle.stat()
    if (size > 0) {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      endsWithBreak = last[0] === 0x0a
      // Read line by line: a ledger of a million readers is never held whole in memory.
      const lines = createInterface({input: createReadStream(file, {encoding: 'utf8'}), crlfDelay: Infinity})
      for await (const line of lines) {
        const entry = parseLine(line)
        if (entry) record(entry)
      }
    } else {
      // A new ledger: make its name durable in the folder too, not only its content.
      await syncFolder(path.dirname(file))
    }
    if (!endsWithBreak) await handle.write('\n')
  } catch (error) {
    throw new DigestError(`Cannot open the send ledger ${file}`, {cause: error, place: {file}})
  }
  const interrupted = new Set(open_.keys())
  const append = (entry: LedgerEntry) => new Promise<void>((resolve, reject) => {
    waiting.push({entry, resolve, reject})
    flushing ??= flush()
  })

  // Group commit: entries that arrive while a write is on its way to the disk go together in
  // the next write and share one fsync; each append still resolves only once its line is durable.
  let waiting: Array<{entry: LedgerEntry; resolve: () => void; reject: (error: unknown) => void}> = []
  let flushing: Promise<void> | undefined
  const flush = async () => {
    while (waiting.length > 0) {
      const batch = waiting
      waiting = []
      try {
        await handle.write(batch.map(({entry}) => `${JSON.stringify(entry)}\n`).join(''))
        await handle.datasync()
      } catch (error) {
        const wrapped = new DigestError(`Cannot write to the send ledger ${file}`, {cause: error, place: {file}})
        for (const waiter of batch) waiter.reject(wrapped)
        continue
      }
      for (const {entry, resolve} of batch) {
        record(entry)
        resolve()
      }
    }
    flushing = undefined
  }
  // Said in the ledger itself, not only inferred: these attempts' outcome is unknown.
  try {
    await Promise.all([...open_.values()].map((attempt) => append({status: 'uncertain', ...attempt, code: 'EINTERRUPTED', response: 'The run stopped while this message was being sent', at: new Date().toISOString()})))
  } catch (error) {
    await handle.close()
    throw error
  }
  return {
    file,
    sent,
    suppressed,
    uncertain,
    interrupted,
    attempts,
    append,
    async close() {
      await flushing
      await handle.close()
      await release().catch(() => {})
    }
  }
}

const statuses = new Set(['attempt', 'sent', 'uncertain', 'failed', 'suppressed'])

function parseLine(line: string): LedgerEntry | undefined {
  if (line.trim() === '') return undefined
  try {
    const value = JSON.parse(line) as Partial<LedgerEntry> | null
    if (!value || typeof value.email !== 'string' || !statuses.has(value.status ?? '')) return undefined
    return {...value, attempt: typeof value.attempt === 'number' ? value.attempt : 1} as LedgerEntry
  } catch {
    return undefined
  }
}

async function syncFolder(folder: string) {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
