/**
 * The per-article cache (`.digest-cache/` beside `out/`): what parse and extract made of one
 * file, keyed by a hash of the file's bytes, its name (a date or title may come from it) and the
 * extractor's version, so any change to the text or to the code that reads it misses. An entry
 * is a header line, a line of what the front matter says (a build's first pass reads only the
 * start of the file, up to that line) and a JSON body; the header holds a checksum of each. Beside
 * them, in `results/`, the last build's whole result (deliver/stored-result.ts). A file with
 * another header, a wrong checksum or a body of the wrong shape is ignored and overwritten, never
 * trusted.
 */
import {createHash} from 'node:crypto'
import {closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {readdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {threadId} from 'node:worker_threads'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {packageRoot} from '../paths.js'
import type {Article, Message} from '../types.js'

/**
 * One file's analysis as the cache keeps it. Messages leave out `file`, and a reader replaces the
 * article's `id` and `file`: the same text elsewhere is the same entry.
 */
export interface Entry {
  article?: Article
  messages: Omit<Message, 'file'>[]
}

const format = 'digest-article-cache/3'

/** What a file's front matter says, as a build's first pass reads it (`Dated` in analyze.ts). */
export interface DatedMeta {
  meta: {date: string; title: string; published?: string}
}

/** The cache folder for a build writing into `out`. */
export function cacheFolder(out: string) {
  return path.join(path.dirname(path.resolve(out)), '.digest-cache')
}

/**
 * A hash of digest's version and of the code that turns a file into an article (this folder and
 * the front matter reader): editing or upgrading the extractor starts a fresh cache.
 */
export async function extractorVersion(): Promise<string> {
  const hash = createHash('sha256')
  const here = path.dirname(fileURLToPath(import.meta.url))
  hash.update(await readFile(path.join(packageRoot, 'package.json')))
  const code = [
    ...(await readdir(here)).filter((name) => /\.[jt]s$/.test(name)).sort().map((name) => path.join(here, name)),
    ...['meta.js', 'meta.ts'].map((name) => path.join(here, '../load', name)),
    // Figures name their units through the plural rule in words.ts.
    ...['words.js', 'words.ts'].map((name) => path.join(here, '..', name)),
    // An entry holds what the briefing stages prepare per article (briefing/prepare.ts and what it calls).
    ...(await readdir(path.join(here, '../briefing'))).filter((name) => /\.[jt]s$/.test(name)).sort().map((name) => path.join(here, '../briefing', name))
  ]
  for (const file of code) {
    const text = await readFile(file).catch(() => undefined)
    if (text) hash.update(`${path.basename(file)}\0`).update(text)
  }
  return hash.digest('hex').slice(0, 16)
}

/** The key of one file's entry. */
export function entryKey(version: string, fileName: string, bytes: Buffer, requireDate: boolean) {
  return createHash('sha256').update(`${version}\0${path.basename(fileName)}\0${requireDate ? 'date' : 'any'}\0`).update(bytes).digest('hex')
}

function entryPath(folder: string, version: string, key: string) {
  return path.join(folder, version, key.slice(0, 2), `${key}.json`)
}

/**
 * What the front matter of an entry's file says (its second line), for a build's first pass:
 * undefined when there is no entry or it cannot be trusted, and the front matter is read instead.
 */
export function readDated(folder: string, version: string, key: string): DatedMeta | undefined {
  const dated = readHead(entryPath(folder, version, key), `${format} ${version} ${key}`)
  return dated === undefined ? undefined : trusted<DatedMeta>(dated, datedSchema)
}

/** The entry for `key`, or undefined when there is none or it cannot be trusted. */
export function readEntry(folder: string, version: string, key: string): Entry | undefined {
  const lines = readChecked(entryPath(folder, version, key), `${format} ${version} ${key}`)
  return lines ? trusted<Entry>(lines.body, entrySchema) : undefined
}

/**
 * The JSON `text` when it has the schema's shape, else undefined. Checked, then used as written: a
 * parsed copy would order keys by the schema, not as built.
 */
function trusted<T>(text: string, schema: {safeParse(value: unknown): {success: boolean}}): T | undefined {
  try {
    const raw: unknown = JSON.parse(text)
    return schema.safeParse(raw).success ? (raw as T) : undefined
  } catch {
    return undefined
  }
}

/**
 * Stores an entry, written whole under a temporary name and renamed, so a reader never sees half
 * of one. A cache that cannot be written (a read-only disk, a full one) only costs speed.
 */
export function writeEntry(folder: string, version: string, key: string, dated: DatedMeta, entry: Entry): void {
  writeChecked(entryPath(folder, version, key), `${format} ${version} ${key}`, JSON.stringify(dated), JSON.stringify(entry))
}

/**
 * A file of the cache: a header line (what it is, then the checksums of the second line and of
 * the body), a short second line and the body. Undefined when it is missing, another kind, or a
 * checksum does not match. Read synchronously, as articles are (see readRegularFile).
 */
export function readChecked(file: string, header: string): {dated: string; body: string} | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const lines = splitChecked(text, header)
  if (!lines) return undefined
  const body = text.slice(lines.bodyStart)
  return lines.bodySum === checksum(body) ? {dated: lines.dated, body} : undefined
}

/**
 * The second line of a cache file, checked, reading no more of the file than it needs: the first
 * pass of a build over ten thousand cached articles reads ten thousand of these, not their bodies.
 */
function readHead(file: string, header: string): string | undefined {
  let descriptor: number | undefined
  try {
    descriptor = openSync(file, 'r')
    let size = headBytes
    for (;;) {
      const buffer = Buffer.alloc(size)
      const bytesRead = readSync(descriptor, buffer, 0, size, 0)
      const text = buffer.toString('utf8', 0, bytesRead)
      const lines = splitChecked(text, header)
      // The second line ends within what was read (a long title may need more), or the file is short.
      if (lines) return lines.dated
      if (bytesRead < size) return undefined
      size *= 4
    }
  } catch {
    return undefined
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/** Enough for the header and the front matter's date and title of nearly every article. */
const headBytes = 2_048

/** The header and second line of a cache file's text, checked; undefined when they are not whole or do not match. */
function splitChecked(text: string, header: string): {dated: string; bodySum: string; bodyStart: number} | undefined {
  const newline = text.indexOf('\n')
  const second = newline < 0 ? -1 : text.indexOf('\n', newline + 1)
  if (second < 0) return undefined
  const [datedSum, bodySum, extra] = text.slice(header.length + 1, newline).split(' ')
  if (!text.startsWith(`${header} `) || !datedSum || !bodySum || extra !== undefined) return undefined
  const dated = text.slice(newline + 1, second)
  return checksum(dated) === datedSum ? {dated, bodySum, bodyStart: second + 1} : undefined
}

/**
 * Written synchronously, like reads (see readRegularFile): in a build worker, which has nothing else
 * to do meanwhile, four libuv round trips per entry cost more than the write itself. Each folder is
 * made once per thread; a write that fails (the folder removed meanwhile, a full disk) only costs
 * speed.
 */
export function writeChecked(file: string, header: string, line: string, body: string) {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`
  try {
    const folder = path.dirname(file)
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, {recursive: true})
      madeFolders.add(folder)
    }
    writeFileSync(temporary, `${header} ${checksum(line)} ${checksum(body)}\n${line}\n${body}`)
    renameSync(temporary, file)
  } catch {
    try {
      rmSync(temporary, {force: true})
    } catch {
      // Nothing was left to remove, or it cannot be: the next write of this entry replaces it.
    }
  }
}

const madeFolders = new Set<string>()

/** Removes the entries of other extractor versions: they can never be read again. */
export async function pruneVersions(folder: string, version: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(names.filter((name) => name !== version && /^[0-9a-f]{16}$/.test(name)).map((name) => rm(path.join(folder, name), {recursive: true, force: true}).catch(() => {})))
}

function checksum(body: string) {
  return createHash('sha256').update(body).digest('hex')
}

const reason = z.object({name: z.string(), points: z.number(), detail: z.string().optional()})
const span = {text: z.string(), sentence: z.string(), start: z.number().int(), end: z.number().int(), score: z.number(), reasons: z.array(reason)}
// Loose objects: a field the extractor adds later passes through as written, rather than being dropped.
const quote = z.looseObject({...span, speaker: z.string(), cue: z.string().optional(), kind: z.enum(['full', 'partial'])})
const figure = z.looseObject({
  ...span,
  value: z.union([z.number(), z.tuple([z.number(), z.number()])]),
  unit: z.string(),
  qualifier: z.string().optional(),
  per: z.string().optional()
})
const span_ = z.tuple([z.number().int(), z.number().int()])
const rejected = z.object({rule: z.string(), why: z.string()})
const prepared = z.object({
  textKey: z.string(),
  signals: z.array(z.string()),
  terms: z.string(),
  scoring: z.object({
    year: z.string(),
    quotes: z.array(z.object({around: span_, presented: z.union([z.object({text: z.string(), frame: z.string().optional()}), rejected])})),
    figures: z.array(z.looseObject({
      index: z.number().int().nonnegative(),
      around: span_,
      measure: z.looseObject({key: z.string(), family: z.string(), label: z.string(), explicit: z.boolean()}).optional(),
      context: z.array(z.string()),
      shown: z.string().optional(),
      joins: z.number().optional(),
      rejected: rejected.optional(),
      news: z.number(),
      notKey: z.string().optional()
    }))
  })
})
const datedSchema = z.object({meta: z.object({date: z.string(), title: z.string(), published: z.string().optional()})})
const entrySchema = z.object({
  article: z.looseObject({
    title: z.string(),
    date: z.string(),
    id: z.string(),
    file: z.string(),
    published: z.string().optional(),
    dateNote: z.string().optional(),
    source: z.string().optional(),
    url: z.string().optional(),
    paragraphs: z.array(z.string()),
    quotes: z.array(quote),
    figures: z.array(figure),
    prepared: prepared.optional()
  }).refine(({quotes, figures, prepared}) => !prepared || (prepared.scoring.quotes.length === quotes.length && prepared.scoring.figures.every((entry) => entry.index < figures.length))).optional(),
  messages: z.array(z.object({
    line: z.number().int(),
    column: z.number().int(),
    severity: z.enum(['error', 'warning', 'info']),
    reason: z.string(),
    ruleId: z.string().optional()
  }))
})
