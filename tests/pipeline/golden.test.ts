import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/pipeline.js'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, 'tests/fixtures')

/** Each case: its content and config in, `digest.json` and `index.txt` golden out. `UPDATE=1` rewrites them. */
const cases = [
  {name: 'sample', content: path.join(root, 'content'), config: path.join(root, 'digest.config.yaml')},
  {name: 'injection', content: path.join(fixtures, 'injection/content'), config: path.join(fixtures, 'injection/digest.config.yaml')}
]

describe('golden briefings', () => {
  for (const fixture of cases) {
    it(fixture.name, async () => {
      const out = await mkdtemp(path.join(tmpdir(), `digest-golden-${fixture.name}-`))
      const written = await build({content: fixture.content, config: fixture.config, out, cwd: root})
      const actual = {
        'digest.json': await readFile(written.files.data, 'utf8'),
        'index.txt': await readFile(written.files.text, 'utf8')
      }
      for (const [name, text] of Object.entries(actual)) {
        const golden = path.join(fixtures, fixture.name, name)
        if (process.env.UPDATE) await writeFile(golden, text)
        expect(text, `${golden} (UPDATE=1 regenerates it)`).toBe(await readFile(golden, 'utf8'))
      }
    })
  }
})
