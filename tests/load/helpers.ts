import {copyFile, mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect} from 'vitest'
import type {VFile} from 'vfile'
import type {Article} from '../../src/types.js'
import type {BadCase} from '../fixtures/bad/corpus.js'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
/** Two real articles that every case runs beside; both must still come out whole. */
export const goodArticles = ['2023-11-23-how-the-first-hostage-deal-came-together.md', '2023-12-12-hamas-silent-as-mediators-try-to-restart-hostage-talks.md']

/** A content folder holding the good articles and the given bad cases. */
export async function contentWith(cases: BadCase[], options: {good?: boolean} = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'digest-bad-'))
  const content = path.join(root, 'content')
  await mkdir(content)
  if (options.good !== false) for (const name of goodArticles) await copyFile(path.join(repoRoot, 'content', name), path.join(content, name))
  for (const bad of cases) {
    const file = path.join(content, bad.name)
    if (bad.make) bad.make(file)
    else await writeFile(file, bad.bytes ?? '')
  }
  return root
}

/** Every quote and figure is the exact slice of the text it was read from. */
export function expectExactOffsets(article: Article, file: VFile) {
  const value = String(file.value)
  for (const item of [...article.quotes, ...article.figures]) expect(value.slice(item.start, item.end)).toBe(item.text)
}
