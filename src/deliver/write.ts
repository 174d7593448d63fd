import {randomBytes} from 'node:crypto'
import {mkdir, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {DigestError} from '../errors.js'

/**
 * Writes each file into `dir` atomically (temp file + rename) so a reader, the preview or a
 * running `digest send`, never sees half a file. Names must stay inside `dir`.
 */
export async function writeFilesAtomically(dir: string, files: Record<string, string | Buffer>): Promise<string[]> {
  const root = path.resolve(dir)
  await makeFolder(root, dir)
  const written: string[] = []
  for (const [name, content] of Object.entries(files)) {
    const target = insideTarget(root, name, dir)
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

/**
 * Replaces the briefing folder `dir` as a whole, so it never holds files of two builds: the new
 * files are written into a sibling dot-folder, which then takes the old folder's place by two
 * renames (a reader between them finds no folder, never a mix). Whatever else was in the old
 * folder (the send ledger, `dry-run/`) moves into the new one. Dot-folders left by a build that
 * was killed are cleaned first; an old folder still holding a ledger gives it back. Returns the
 * paths written.
 */
export async function replaceFolder(dir: string, files: Record<string, string | Buffer | Iterable<string>>): Promise<string[]> {
  const target = path.resolve(dir)
  const parent = path.dirname(target)
  const name = path.basename(target)
  await makeFolder(parent, path.dirname(dir))
  await cleanStale(parent, name, target, Object.keys(files))
  const building = path.join(parent, `.${name}.building-${process.pid}-${randomBytes(4).toString('hex')}`)
  const written: string[] = []
  try {
    await mkdir(building)
    for (const [file, content] of Object.entries(files)) {
      await writeFile(insideTarget(building, file, dir), content)
      written.push(path.join(target, file))
    }
  } catch (error) {
    await rm(building, {recursive: true, force: true})
    throw error instanceof DigestError ? error : new DigestError(`Cannot write the briefing into ${building}`, {cause: error, place: {file: building}})
  }
  const old = path.join(parent, `.${name}.old-${process.pid}-${randomBytes(4).toString('hex')}`)
  const hadOld = await rename(target, old).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false
    throw new DigestError(`Cannot move the last briefing ${dir} aside`, {cause: error, place: {file: dir}})
  })
  try {
    await rename(building, target)
  } catch (error) {
    if (hadOld) await rename(old, target).catch(() => undefined)
    await rm(building, {recursive: true, force: true})
    throw new DigestError(`Cannot put the new briefing in place at ${dir}`, {cause: error, place: {file: dir}})
  }
  if (hadOld) await retire(old, target, Object.keys(files))
  return written
}

/** Moves what is not a build output from a replaced folder into the live one, then removes it. */
async function retire(old: string, live: string, outputs: string[]) {
  const entries = await readdir(old).catch(() => [] as string[])
  const have = new Set(await readdir(live).catch(() => [] as string[]))
  for (const entry of entries) {
    if (outputs.includes(entry) || entry.startsWith('.digest-tmp-') || have.has(entry)) continue
    await rename(path.join(old, entry), path.join(live, entry))
  }
  await rm(old, {recursive: true, force: true})
}

/** Dot-folders of `name` whose process is gone: a half-written build goes, a replaced folder retires. */
async function cleanStale(parent: string, name: string, live: string, outputs: string[]) {
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}\\.(building|old)-(\\d+)-[0-9a-f]+$`)
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const match = pattern.exec(entry)
    if (!match || isAlive(Number(match[2]))) continue
    const folder = path.join(parent, entry)
    if (match[1] === 'building') {
      await rm(folder, {recursive: true, force: true})
    } else if (!(await exists(live))) {
      // Killed between the two renames: the last good briefing comes back.
      await rename(folder, live).catch(() => undefined)
    } else {
      await retire(folder, live, outputs)
    }
  }
}

function exists(file: string) {
  return stat(file).then(() => true, () => false)
}

function isAlive(pid: number) {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function makeFolder(folder: string, shown: string) {
  try {
    await mkdir(folder, {recursive: true})
  } catch (error) {
    throw new DigestError(`Cannot create output folder ${shown}`, {cause: error, place: {file: shown}})
  }
}

function insideTarget(root: string, name: string, shown: string) {
  const target = path.resolve(root, name)
  const relative = path.relative(root, target)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new DigestError(`Refusing to write ${name} outside ${shown}`)
  }
  return target
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
