import {open, readFile, rm, type FileHandle} from 'node:fs/promises'
import {DigestError} from '../errors.js'

/** One line of `send-ledger.jsonl`. */
export type LedgerEntry =
  | {status: 'sent'; email: string; messageId: string; response: string; attempts: number; at: string}
  | {status: 'failed'; email: string; messageId: string; code: string; response: string; attempts: number; temporary: boolean; at: string}

export interface Ledger {
  file: string
  /** Lower-cased addresses the server has accepted a message for, in this run or an earlier one. */
  sent: ReadonlySet<string>
  /** Appends one line and waits until it is on disk (fsync), so a crash right after cannot lose it. */
  append(entry: LedgerEntry): Promise<void>
  close(): Promise<void>
}

/**
 * Opens the append-only ledger of one briefing and reads who already has it. A run killed while
 * writing can leave a torn last line: it is ignored (that recipient was not yet recorded) and
 * closed off with a line break so the next entry starts on a line of its own.
 */
export async function openLedger(file: string): Promise<Ledger> {
  const unlock = await lock(`${file}.lock`)
  let text = ''
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await unlock()
      throw new DigestError(`Cannot read the send ledger ${file}`, {cause: error, place: {file}})
    }
  }
  const sent = new Set<string>()
  for (const line of text.split('\n')) {
    const entry = parseLine(line)
    if (entry?.status === 'sent') sent.add(entry.email.toLowerCase())
  }
  let handle: FileHandle
  try {
    handle = await open(file, 'a')
    if (text !== '' && !text.endsWith('\n')) await handle.write('\n')
  } catch (error) {
    await unlock()
    throw new DigestError(`Cannot open the send ledger ${file} for appending`, {cause: error, place: {file}})
  }
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
        if (entry.status === 'sent') sent.add(entry.email.toLowerCase())
        resolve()
      }
    }
    flushing = undefined
  }
  return {
    file,
    sent,
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({entry, resolve, reject})
        flushing ??= flush()
      })
    },
    async close() {
      await flushing
      await handle.close()
      await unlock()
    }
  }
}

function parseLine(line: string): LedgerEntry | undefined {
  if (line.trim() === '') return undefined
  try {
    const value = JSON.parse(line) as Partial<LedgerEntry> | null
    return value && typeof value.email === 'string' && (value.status === 'sent' || value.status === 'failed') ? (value as LedgerEntry) : undefined
  } catch {
    return undefined
  }
}

/**
 * One sender per briefing: two runs at once (an overlapping cron job) would both read the same
 * ledger and both send to everyone not yet in it. The lock file holds the owner's pid; a lock whose
 * process is gone (a run that was killed) is taken over.
 */
async function lock(file: string): Promise<() => Promise<void>> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(file, 'wx')
      await handle.write(String(process.pid))
      await handle.close()
      return () => rm(file, {force: true})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DigestError(`Cannot create the lock file ${file}`, {cause: error, place: {file}})
    }
    const owner = Number(await readFile(file, 'utf8').catch(() => ''))
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new DigestError(`Unexpected second \`digest send\` of this briefing, expected one at a time: process ${owner} is sending it (delete ${file} if it is not)`, {place: {file}})
    }
    await rm(file, {force: true})
  }
  throw new DigestError(`Cannot take the lock file ${file}: another run keeps creating it`, {place: {file}})
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
