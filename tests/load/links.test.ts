import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findArticles, readSource} from '../../src/load/files.js'

/** A content folder with one article, and a secret beside the folder. */
async function folder() {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-links-'))
  await mkdir(path.join(dir, 'content'))
  await writeFile(path.join(dir, 'secret.txt'), 'not for the briefing\n')
  await writeFile(path.join(dir, 'content', 'a.md'), '# A\n\nBody.\n')
  return dir
}

describe('links in the content folder', () => {
  it('reads a link that stays inside the folder', async () => {
    const dir = await folder()
    await symlink(path.join(dir, 'content', 'a.md'), path.join(dir, 'content', 'b.md'))
    const sources = await findArticles(['content'], dir)
    const read = sources.map((source) => String(readSource(source)))
    expect(read).toEqual(['# A\n\nBody.\n', '# A\n\nBody.\n'])
  })

  it('refuses a file swapped for a link out of the folder after it was listed', async () => {
    const dir = await folder()
    const [source] = await findArticles(['content'], dir)
    await rm(path.join(dir, 'content', 'a.md'))
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'content', 'a.md'))
    expect(() => readSource(source!)).toThrow(/link to a file outside the content folder/)
  })
})
