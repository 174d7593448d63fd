import {constants, realpathSync} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {DigestError} from '../errors.js'
import {uniqueIds} from './ids.js'
import {articleFromBytes, NotTextError, readRegularFile} from './read.js'

/** An article file found, not yet read: plain data, so it can be handed to a worker. */
export interface Source {
  absolute: string
  /** Relative to `cwd`, as messages print it (`content/a.md:3:7`). */
  path: string
  id: string
  /** Set when another file had this id first: the warning that says so. */
  idNote?: string
  /** The content folder it was found in: a link out of it is not followed. */
  folder?: string
  cwd: string
}

/** File names that hold articles. */
const articlePattern = /\.(?:md|markdown|txt)$/i
/** A README in the content folder is a note about the articles, not one of them. */
const notePattern = /^readme\./i

/** Whether a folder listing takes this file name for an article. */
export function isArticleName(name: string) {
  return articlePattern.test(name) && !notePattern.test(name) && !name.startsWith('.')
}
/**
 * Finds every article under the given files and folders (recursively, in name order), without
 * reading them. Each gets a `path` relative to `cwd`, so messages print as `content/a.md:3:7`, and
 * an `id` from its path below its folder (`2023/talks.md` → `2023-talks`), so two `talks.md` in
 * different folders stay two articles; `root` names that folder when single files are given.
 */
export async function findArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<Source[]> {
  const found = new Map<string, string>()
  const listed = new Set<string>()
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
      for (const file of await listArticles(absolute)) {
        if (found.has(file)) continue
        found.set(file, absolute)
        listed.add(file)
      }
    } else if (!found.has(absolute)) {
      found.set(absolute, options.root ? path.resolve(cwd, options.root) : path.dirname(absolute))
    }
  }
  const entries = [...found]
  const ids = uniqueIds(entries.map(([absolute, root]) => ({relativePath: path.relative(root, absolute), shown: path.relative(cwd, absolute) || absolute})))
  return entries.map(([absolute, root], index) => ({
    absolute,
    path: path.relative(cwd, absolute) || absolute,
    ...(ids[index] as {id: string; idNote?: string}),
    ...(listed.has(absolute) ? {folder: root} : {}),
    cwd
  }))
}

/** Reads every article under the given files and folders into VFiles (see `findArticles`). */
export async function loadArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<VFile[]> {
  return (await findArticles(paths, cwd, options)).map(readArticle)
}

/**
 * Reads one article into a VFile. A file that cannot be read, or is not text, comes back with a
 * fatal message and an empty value: later steps skip it and the run goes on.
 */
export function readArticle(source: Source): VFile {
  try {
    return toVFile(source, readSource(source))
  } catch (error) {
    const file = new VFile({path: source.path, cwd: source.cwd, value: ''})
    file.data.id = source.id
    const reason = error instanceof NotTextError ? error.message : `Unexpected ${(error as NodeJS.ErrnoException).code ?? 'error'} reading the file (${(error as Error).message}), expected a readable article`
    file.message(reason, {place: {line: 1, column: 1}, ruleId: 'read', source: 'digest', ...(error instanceof Error ? {cause: error} : {})}).fatal = true
    return file
  }
}

/**
 * An article's bytes: only a regular file, never waited on (a FIFO), never through a link out of
 * its content folder (someone else's folder may link to ~/.ssh). Throws `NotTextError` with the
 * whole reason, or the system's error.
 */
export function readSource(source: Source): Buffer {
  // Most files are no link: opened without following one, they need no resolving (two realpath
  // calls a file were most of reading an archive's dates). A link refuses to open so (ELOOP),
  // and is read only if it resolves inside the folder.
  if (source.folder && constants.O_NOFOLLOW !== undefined) {
    try {
      return readRegularFile(source.absolute, constants.O_NOFOLLOW)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error
    }
  }
  if (source.folder && !isInside(realpathSync.native(source.folder), realpathSync.native(source.absolute))) {
    throw new NotTextError('Unexpected link to a file outside the content folder, expected an article inside it')
  }
  return readRegularFile(source.absolute)
}

/** An article's bytes as a VFile (see `articleFromBytes`), its id noted. */
export function toVFile(source: Source, bytes: Uint8Array): VFile {
  const file = articleFromBytes(bytes, source.path, source.cwd)
  file.data.id = source.id
  if (source.idNote) file.message(source.idNote, {place: {line: 1, column: 1}, ruleId: 'id', source: 'digest'}).fatal = false
  return file
}

async function listArticles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true})
  return entries
    // Not only regular files: a FIFO or a link named like an article is reported, not skipped.
    .filter((entry) => !entry.isDirectory() && isArticleName(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

function isInside(folder: string, file: string) {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
