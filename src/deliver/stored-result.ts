/**
 * The last build's result, kept in `.digest-cache/results/<key>/` so that a build whose inputs did
 * not change writes it again without reading, parsing, selecting or rendering anything. The key
 * (`resultKey`) is a hash of everything a build reads. The folder holds the briefing's files as
 * `out/<id>/` got them (hard links to them where the disk allows, else copies) and a small
 * `summary.json` with what the command prints and the checksum of each file. A stored file that
 * no longer matches its checksum (edited in place through its `out/` link, say) makes the whole
 * result a miss: it is never trusted.
 */
import {createHash} from 'node:crypto'
import {closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import type {Briefing} from '../briefing/chronology.js'
import type {Selection} from '../briefing/select.js'
import {readChecked, writeChecked} from '../extract/cache.js'
import {briefingHead} from './archive.js'
import {packageRoot} from '../paths.js'
import type {Built} from '../pipeline.js'
import type {Finding} from '../render/check.js'
import type {Dropped} from '../render/fit.js'
import type {Message, Omitted} from '../types.js'

/** The briefing's files that a stored result keeps (`email.eml` is composed anew: it carries its time). */
export const storedNames = {html: 'index.html', text: 'index.txt', mjml: 'email.mjml', data: 'digest.json', web: 'web.html'} as const

/** What a build prints and the archive lists, without parsing `digest.json`. */
export interface BuiltSummary {
  briefing: Pick<Briefing, 'id' | 'title' | 'period'>
  counts: Built['counts']
  /** The selection without its decisions, which `digest.json` holds (`explain`). */
  picked: Omit<Selection, 'decisions'>
  dropped: Dropped[]
  messages: Message[]
  findings: Finding[]
  omitted: Omitted[]
}

export interface StoredResult {
  summary: BuiltSummary
  /** Each stored file's bytes, checked against its checksum. */
  files: Record<keyof typeof storedNames, Buffer>
  /** Where they are, to tell whether `out/<id>/` still holds the very same files. */
  folder: string
}

const format = 'digest-build-result/3'

/**
 * The key of a whole build's result: a hash of digest's own code and of `inputs` (config,
 * templates, window, and each article's entry key), so any change to what a build reads misses.
 */
export async function resultKey(inputs: unknown): Promise<string> {
  codeHash ??= hashCode()
  return createHash('sha256').update(`${await codeHash}\0`).update(JSON.stringify(inputs)).digest('hex')
}

let codeHash: Promise<string> | undefined

/** Every module of digest (`src/` or `dist/`, whichever runs), its package.json and lockfile. */
async function hashCode(): Promise<string> {
  const hash = createHash('sha256')
  const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const files = (await readdir(here, {recursive: true})).filter((name) => /\.(?:[jt]s|mjs|json)$/.test(name)).sort()
  for (const name of [...files.map((file) => path.join(here, file)), path.join(packageRoot, 'package.json'), path.join(packageRoot, 'package-lock.json')]) {
    const text = await readFile(name).catch(() => undefined)
    if (text) hash.update(`${path.relative(packageRoot, name)}\0`).update(text)
  }
  return hash.digest('hex')
}

function resultFolder(cache: string, key: string) {
  return path.join(cache, 'results', key)
}

/** The stored result for `key`, or undefined when there is none or any part of it cannot be trusted. */
export function readResult(cache: string, key: string): StoredResult | undefined {
  const folder = resultFolder(cache, key)
  const lines = readChecked(path.join(folder, 'summary.json'), `${format} ${key}`)
  if (!lines) return undefined
  let stored: z.infer<typeof summarySchema>
  try {
    const parsed = summarySchema.safeParse(JSON.parse(lines.body))
    if (!parsed.success) return undefined
    stored = parsed.data
  } catch {
    return undefined
  }
  const files: Partial<Record<keyof typeof storedNames, Buffer>> = {}
  for (const [name, file] of Object.entries(storedNames) as [keyof typeof storedNames, string][]) {
    let bytes: Buffer
    try {
      bytes = readFileSync(path.join(folder, file))
    } catch {
      return undefined
    }
    if (sha256(bytes) !== stored.checksums[name]) return undefined
    files[name] = bytes
  }
  return {summary: stored.summary as unknown as BuiltSummary, files: files as StoredResult['files'], folder}
}

/**
 * Keeps the files just written to `dir` (`out/<id>/`) as the result for `key`, with `summary`,
 * and removes the results of earlier inputs: only the last can match again soon. A cache that
 * cannot be written only costs speed.
 */
export function storeResult(cache: string, key: string, dir: string, summary: BuiltSummary): void {
  const results = path.join(cache, 'results')
  const building = path.join(results, `.${key}.${process.pid}.building`)
  try {
    for (const name of safeList(results)) rmSync(path.join(results, name), {recursive: true, force: true})
    mkdirSync(building, {recursive: true})
    const checksums: Record<string, string> = {}
    for (const [name, file] of Object.entries(storedNames) as [keyof typeof storedNames, string][]) {
      keepFile(path.join(dir, file), path.join(building, file))
      checksums[name] = fileSha256(path.join(building, file))
    }
    writeChecked(path.join(building, 'summary.json'), `${format} ${key}`, '{}', JSON.stringify({summary, checksums}))
    renameSync(building, resultFolder(cache, key))
  } catch {
    rmSync(building, {recursive: true, force: true})
  }
}

/** True when `dir` holds the stored files themselves (hard links to them), so nothing needs writing. */
export function holdsStoredFiles(dir: string, stored: StoredResult): boolean {
  return Object.values(storedNames).every((file) => {
    try {
      const [there, here] = [statSync(path.join(dir, file)), statSync(path.join(stored.folder, file))]
      return there.ino === here.ino && there.dev === here.dev
    } catch {
      return false
    }
  })
}

/** A hard link costs nothing and no space; another disk (or a file system without links) gets a copy. */
function keepFile(from: string, to: string) {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

function sha256(content: Buffer) {
  return createHash('sha256').update(content).digest('hex')
}

/** The checksum of what is on disk, read a megabyte at a time: `digest.json` can be a hundred. */
function fileSha256(file: string) {
  const hash = createHash('sha256')
  const chunk = Buffer.allocUnsafe(1 << 20)
  const descriptor = openSync(file, 'r')
  try {
    for (let read; (read = readSync(descriptor, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, read))
  } finally {
    closeSync(descriptor)
  }
  return hash.digest('hex')
}

const summarySchema = z.object({
  summary: z.looseObject({
    briefing: z.looseObject({id: z.string(), title: z.string(), period: z.object({start: z.string(), end: z.string()})}),
    counts: z.object({articles: z.number(), quotes: z.number(), figures: z.number()}),
    picked: z.looseObject({topics: z.array(z.unknown()), topFigures: z.record(z.string(), z.unknown())}),
    dropped: z.array(z.unknown()),
    messages: z.array(z.looseObject({file: z.string(), reason: z.string()})),
    findings: z.array(z.unknown()),
    omitted: z.array(z.unknown())
  }),
  checksums: z.record(z.string(), z.string())
})

/**
 * A build's result from its stored files. `briefing`, `selection`, `mjml` and `webHtml` are decoded
 * on first use: the command prints from the summary, and a warm build of a large week never parses
 * its hundred-megabyte `digest.json` unless asked to (`--explain`, or a caller of `build`).
 */
export function builtFromStored(stored: StoredResult): Built {
  const {summary, files} = stored
  let data: string | undefined
  const dataText = () => (data ??= files.data.toString('utf8'))
  let briefing: Briefing | undefined
  let selection: Selection | undefined
  let mjml: string | undefined
  let webHtml: string | undefined
  return {
    get briefing() {
      return (briefing ??= briefingHead(dataText()) as Briefing)
    },
    get selection() {
      return (selection ??= {...summary.picked, decisions: (JSON.parse(dataText()) as {explain: Selection['decisions']}).explain})
    },
    get mjml() {
      return (mjml ??= files.mjml.toString('utf8'))
    },
    get webHtml() {
      return (webHtml ??= files.web.toString('utf8'))
    },
    html: files.html.toString('utf8'),
    text: files.text.toString('utf8'),
    counts: summary.counts,
    dropped: summary.dropped,
    messages: summary.messages,
    findings: summary.findings,
    omitted: summary.omitted
  }
}

/** What `storeResult` keeps of a build besides its files. */
export function summaryOf(built: Built): BuiltSummary {
  const {briefing, selection} = built
  return {
    briefing: {id: briefing.id, title: briefing.title, period: briefing.period},
    counts: built.counts,
    picked: {topics: selection.topics, topFigures: selection.topFigures},
    dropped: built.dropped,
    messages: built.messages,
    findings: built.findings,
    omitted: built.omitted
  }
}
