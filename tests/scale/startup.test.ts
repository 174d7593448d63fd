import {spawn} from 'node:child_process'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {digestBin} from '../cli/run.js'

/** Every module URL `digest ARGS` loads, through a resolve hook that prints each. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-startup-'))
  const hook = path.join(dir, 'hook.mjs')
  await writeFile(hook, "export async function resolve(specifier, context, next) { const found = await next(specifier, context); process._rawDebug(`LOADED ${found.url}`); return found }\n")
  const register = path.join(dir, 'register.mjs')
  await writeFile(register, `import {register} from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hook).href)})\n`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', register, digestBin, ...args], {cwd: dir, env: {...process.env, CI: '1'}})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', () => resolve([...stderr.matchAll(/^LOADED (.*)$/gm)].map((match) => match[1]!)))
  })
}

describe('start-up', () => {
  for (const args of [['--help'], ['check', '--help'], ['build', '--help']]) {
    it(`digest ${args.join(' ')} loads the bundled command line, not what the commands run with`, async () => {
      const loaded = await modulesLoaded(args)
      // commander and the command definitions are inlined in dist/cli.bundle.js (scripts/bundle-cli.mjs).
      expect(loaded.some((url) => url.endsWith('/dist/cli.bundle.js'))).toBe(true)
      expect(loaded.filter((url) => url.includes('/node_modules/'))).toEqual([])
      const heavy = loaded.filter((url) => /node_modules\/(?:zod|yaml|unified|remark-parse|mjml|handlebars|csv-parse|nodemailer|tinypool)\/|dist\/(?:config|pipeline)\.js/.test(url))
      expect(heavy).toEqual([])
    })
  }
})
