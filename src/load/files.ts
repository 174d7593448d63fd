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

/** File names that hold articles. */
const articlePattern = /\.(?:md|markdown|txt)$/i
/** A README in the content folder is a note about the articles, not one of them. */
const notePattern = /^readme\./i

/**
 * Reads every article under the given files and folders (recursively, in name order) into
 * VFiles whose `path` is relative to `cwd`, so messages print as `content/a.md:3:7`. Each gets
 * an `id` from its path below its folder (`2023/talks.md` → `2023-talks`), so two `talks.md` in
 * different folders stay two articles; `root` names that folder when single files are given.
 */
export async function loadArticles(paths: string[], cwd = process.cwd(), options: {root?: string} = {}): Promise<VFile[]> {
  const found: string[] = []
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
        roots.set(file, absolute)
      }
    } else {
      found.push(absolute)
      roots.set(absolute, options.root ? path.resolve(cwd, options.root) : path.dirname(absolute))
    }
  }
  const unique = [...new Set(found)]
  return Promise.all(unique.map(async (absolute) => {
    let value: string
    try {
      value = await readFile(absolute, 'utf8')
    } catch (error) {
      throw new DigestError(`Cannot read article ${absolute}`, {cause: error, place: {file: absolute}})
    }
    // micromark drops a byte-order mark and counts its offsets without it: strip it here so the
    // tree and the text agree, and remember it so offsets shown to users count it again.
    const bom = value.charCodeAt(0) === 0xfeff
    const file = new VFile({path: path.relative(cwd, absolute) || absolute, cwd, value: bom ? value.slice(1) : value})
    if (bom) file.data.bom = true
    file.data.id = articleId(path.relative(roots.get(absolute) ?? path.dirname(absolute), absolute))
    return file
  }))
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
