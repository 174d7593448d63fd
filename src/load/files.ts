import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {DigestError} from '../errors.js'
import {assignIds} from './ids.js'
import {isolatedAsync} from './isolate.js'
import {articleFromBytes, NotTextError, readRegularFile} from './read.js'

/** File names that hold articles. */
const articlePattern = /\.(?:md|markdown|txt)$/i
/** A README in the content folder is a note about the articles, not one of them. */
const notePattern = /^readme\./i

/**
 * Reads every article under the given files and folders (recursively, in name order) into
 * VFiles whose `path` is relative to `cwd`, so messages print as `content/a.md:3:7`. Each gets
 * a unique `id` from its path below its folder (`2023/talks.md` → `2023-talks`), so two
 * `talks.md` in different folders stay two articles; `root` names that folder when single files
 * are given. A file that cannot be read, or is not text, comes back with a fatal message and an
 * empty value: later steps skip it and the run goes on. Only a path that is not there at all throws.
 */
export async function loadArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<VFile[]> {
  const found: string[] = []
  const listed = new Set<string>()
  const roots = new Map<string, string>()
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
        found.push(file)
        listed.add(file)
        roots.set(file, absolute)
      }
    } else {
      found.push(absolute)
      roots.set(absolute, options.root ? path.resolve(cwd, options.root) : path.dirname(absolute))
    }
  }
  const unique = [...new Set(found)]
  const files = await Promise.all(unique.map((absolute) => readArticle(absolute, cwd, listed.has(absolute) ? roots.get(absolute) : undefined)))
  assignIds(files.map((file, index) => {
    const absolute = unique[index] as string
    return {file, relativePath: path.relative(roots.get(absolute) ?? path.dirname(absolute), absolute)}
  }))
  return files
}

/** `folder`: the content folder the file was found in; a link out of it is not followed. */
async function readArticle(absolute: string, cwd: string, folder?: string): Promise<VFile> {
  const shown = path.relative(cwd, absolute) || absolute
  const unread = new VFile({path: shown, cwd, value: ''})
  const bytes = await isolatedAsync(unread, 'reading the file', async () => {
    try {
      // Someone else's folder may link to ~/.ssh or /etc: only what is inside it is read.
      if (folder && !isInside(await realpath(folder), await realpath(absolute))) {
        throw new NotTextError('Unexpected link to a file outside the content folder, expected an article inside it')
      }
      return await readRegularFile(absolute)
    } catch (error) {
      if (error instanceof NotTextError) throw unread.message(error.message, {place: {line: 1, column: 1}, ruleId: 'read', source: 'digest'})
      const code = (error as NodeJS.ErrnoException).code
      throw unread.message(`Unexpected ${code ? `${code} ` : ''}error reading the file (${(error as Error).message}), expected a readable article`, {place: {line: 1, column: 1}, ruleId: 'read', source: 'digest', cause: error as Error})
    }
  })
  return bytes ? articleFromBytes(bytes, shown, cwd) : unread
}

async function listArticles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true})
  return entries
    // Not only regular files: a FIFO or a link named like an article is reported, not skipped.
    .filter((entry) => !entry.isDirectory() && articlePattern.test(entry.name) && !notePattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

function isInside(folder: string, file: string) {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
