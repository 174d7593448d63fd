import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {DigestError} from '../errors.js'

declare module 'vfile' {
  interface DataMap {
    /** The file began with a byte-order mark, stripped from `value`. */
    bom: boolean
    /** The article's id: its path below the content folder, as a slug. */
    id: string
  }
}

/** An article file found, not yet read: plain data, so it can be handed to a worker. */
export interface Source {
  absolute: string
  /** Relative to `cwd`, as messages print it (`content/a.md:3:7`). */
  path: string
  id: string
  cwd: string
}

/** File names that hold articles. */
const articlePattern = /\.(?:md|markdown|txt)$/i
/** A README in the content folder is a note about the articles, not one of them. */
const notePattern = /^readme\./i
/**
 * Files open at once, at most. Opening every file together fails with EMFILE past the
 * descriptor limit (often 1,024), and a few dozen reads in flight already keep a disk busy.
 */
export const readConcurrency = 32

/**
 * Finds every article under the given files and folders (recursively, in name order), without
 * reading them. Each gets a `path` relative to `cwd`, so messages print as `content/a.md:3:7`, and
 * an `id` from its path below its folder (`2023/talks.md` → `2023-talks`), so two `talks.md` in
 * different folders stay two articles; `root` names that folder when single files are given.
 */
export async function findArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<Source[]> {
  const found = new Map<string, string>()
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    let info
    try {
      info = await stat(absolute)
    } catch (error) {
      // A path that names no article file is the content folder: the likely fix is `digest init`.
      // ENOENT says all there is to say, so it is not kept as the cause.
      if (!articlePattern.test(given) && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new DigestError(`Unexpected missing folder \`${path.relative(cwd, absolute) || given}/\`, expected a folder of articles (or run \`digest init\`)`)
      }
      throw new DigestError(`Cannot read ${given}: no such file or folder`, {cause: error, place: {file: given}})
    }
    if (info.isDirectory()) {
      for (const file of await listArticles(absolute)) if (!found.has(file)) found.set(file, absolute)
    } else if (!found.has(absolute)) {
      found.set(absolute, options.root ? path.resolve(cwd, options.root) : path.dirname(absolute))
    }
  }
  return [...found].map(([absolute, root]) => ({
    absolute,
    path: path.relative(cwd, absolute) || absolute,
    id: articleId(path.relative(root, absolute)),
    cwd
  }))
}

/** Reads every article under the given files and folders into VFiles (see `findArticles`). */
export async function loadArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<VFile[]> {
  return mapBounded(await findArticles(paths, cwd, options), readConcurrency, readArticle)
}

/** Reads one article into a VFile. */
export async function readArticle(source: Source): Promise<VFile> {
  let value: string
  try {
    value = await readFile(source.absolute, 'utf8')
  } catch (error) {
    throw new DigestError(`Cannot read article ${source.absolute}`, {cause: error, place: {file: source.absolute}})
  }
  return toVFile(source, value)
}

/** An article's text as a VFile, its id and byte-order mark noted. */
export function toVFile(source: Source, value: string): VFile {
  // micromark drops a byte-order mark and counts its offsets without it: strip it here so the
  // tree and the text agree, and remember it so offsets shown to users count it again.
  const bom = value.charCodeAt(0) === 0xfeff
  const file = new VFile({path: source.path, cwd: source.cwd, value: bom ? value.slice(1) : value})
  if (bom) file.data.bom = true
  file.data.id = source.id
  return file
}

/** `Promise.all(items.map(task))` with at most `limit` tasks running; results in item order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane))
  return results
}

async function listArticles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true})
  return entries
    .filter((entry) => entry.isFile() && articlePattern.test(entry.name) && !notePattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

function articleId(relativePath: string) {
  return relativePath.replace(/\.[^./\\]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
