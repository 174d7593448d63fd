import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {DigestError} from '../errors.js'

/**
 * Writes each file into `dir` atomically (temp file + rename) so a reader, the preview or a
 * running `digest send`, never sees half a briefing. Names must stay inside `dir`.
 */
export async function writeFilesAtomically(dir: string, files: Record<string, string | Buffer>): Promise<string[]> {
  const root = path.resolve(dir)
  try {
    await mkdir(root, {recursive: true})
  } catch (error) {
    throw new DigestError(`Cannot create output folder ${dir}`, {cause: error, place: {file: dir}})
  }
  const written: string[] = []
  for (const [name, content] of Object.entries(files)) {
    const target = path.resolve(root, name)
    if (path.relative(root, target).startsWith('..') || path.isAbsolute(path.relative(root, target))) {
      throw new DigestError(`Refusing to write ${name} outside ${dir}`)
    }
    const temporary = path.join(root, `.digest-tmp-${randomBytes(6).toString('hex')}-${path.basename(name)}`)
    try {
      await writeFile(temporary, content)
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, {force: true})
      throw new DigestError(`Cannot write ${target}`, {cause: error, place: {file: target}})
    }
    written.push(target)
  }
  return written
}
