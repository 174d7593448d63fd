import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {DigestError} from './errors.js'

/** File names that hold articles. */
export const articlePattern = /\.(?:md|markdown|txt)$/i
/** A README in the content folder is a note about the articles, not one of them. */
const notePattern = /^readme\./i

/**
 * Reads every article under the given files and folders (recursively, in name order) into
 * VFiles whose `path` is relative to `cwd`, so messages print as `content/a.md:3:7`.
 */
export async function loadArticles(paths: string[], cwd = process.cwd()): Promise<VFile[]> {
  const found: string[] = []
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    let info
    try {
      info = await stat(absolute)
    } catch (error) {
      throw new DigestError(`Cannot read ${given}: no such file or folder`, {cause: error, place: {file: given}})
    }
    if (info.isDirectory()) found.push(...(await listArticles(absolute)))
    else found.push(absolute)
  }
  const unique = [...new Set(found)]
  return Promise.all(unique.map(async (absolute) => {
    let value: string
    try {
      value = await readFile(absolute, 'utf8')
    } catch (error) {
      throw new DigestError(`Cannot read article ${absolute}`, {cause: error, place: {file: absolute}})
    }
    // A byte-order mark would shift every offset by one and hide the front matter fence.
    if (value.charCodeAt(0) === 0xfeff) value = value.slice(1)
    return new VFile({path: path.relative(cwd, absolute) || absolute, cwd, value})
  }))
}

async function listArticles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true})
  return entries
    .filter((entry) => entry.isFile() && articlePattern.test(entry.name) && !notePattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}
