import {cp, mkdir, mkdtemp, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {describe, expect, it} from 'vitest'
import {compileRead, loadInputs} from '../../src/pipeline.js'

// A collection on demand, to see what is still reachable while the email renders.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

const root = path.resolve(import.meta.dirname, '../..')
// Wikinews articles, CC BY 2.5 (see tests/fixtures/wikinews/LICENSE.md).
const wikinews = path.join(root, 'tests/fixtures/wikinews/content')

function take<T>(holder: {read?: T}): T {
  const {read} = holder
  delete holder.read
  return read!
}

describe('memory of a build', () => {
  it('lets the articles go once the briefing is planned, before the email is rendered and checked', {timeout: 120_000}, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'digest-let-go-'))
    await mkdir(path.join(dir, 'content'))
    for (const name of (await readdir(wikinews)).filter((name) => name.endsWith('.md')).sort().slice(0, 12)) await cp(path.join(wikinews, name), path.join(dir, 'content', name))
    await writeFile(path.join(dir, 'digest.config.yaml'), 'title: Memory\nwindow: all\n')
    const inputs: {read?: Awaited<ReturnType<typeof loadInputs>>['read']} & Omit<Awaited<ReturnType<typeof loadInputs>>, 'read'> = await loadInputs({cwd: dir, config: 'digest.config.yaml', cache: false, workers: 0})
    const articles = inputs.read!.articles.map((article) => new WeakRef(article))
    expect(articles.length).toBe(12)
    let alive = -1
    // Handed over as build() does: nothing here keeps what was read.
    const built = await compileRead(take(inputs), inputs.config, inputs.templates, inputs.settings.window, {
      onStep: (step) => {
        if (step !== 1) return
        collect()
        alive = articles.filter((article) => article.deref() !== undefined).length
      }
    })
    expect(built.briefing.articles.length).toBeGreaterThan(0)
    expect(alive).toBe(0)
  })
})
