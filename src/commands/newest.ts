import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {DigestError} from '../errors.js'

/**
 * The most recently built briefing folder in `out`: the one whose `digest.json` (written with
 * every build) is newest. `digest check` and `digest send` default to it, so they agree.
 */
export async function newestBriefing(out: string): Promise<string> {
  let entries
  try {
    entries = await readdir(out, {withFileTypes: true})
  } catch (error) {
    throw new DigestError(`Cannot read ${out}, expected a folder of built briefings (run \`digest build\` first, or name the folder)`, {cause: error, place: {file: out}})
  }
  let newest: {dir: string; time: number} | undefined
  for (const entry of entries) {
    // Dot-folders are builds being written or replaced (deliver/write.ts), never a briefing.
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const dir = path.join(out, entry.name)
    const time = await stat(path.join(dir, 'digest.json')).then((info) => info.mtimeMs, () => undefined)
    if (time !== undefined && (!newest || time > newest.time)) newest = {dir, time}
  }
  if (!newest) throw new DigestError(`Unexpected ${out} without a built briefing, expected OUT/<id>/digest.json (run \`digest build\` first)`, {place: {file: out}})
  return newest.dir
}
