import {cp, mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** A throwaway copy of the repository's sample (`content/` and `digest.config.yaml`) to edit freely. */
export async function copySample(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-preview-'))
  await cp(path.join(repoRoot, 'content'), path.join(dir, 'content'), {recursive: true})
  await cp(path.join(repoRoot, 'digest.config.yaml'), path.join(dir, 'digest.config.yaml'))
  return dir
}

/** The sample article whose title the tests edit, relative to the copy. */
export const editedArticle = 'content/2025-06-01-hostage-negotiations-remain-at-a-standstill.md'
