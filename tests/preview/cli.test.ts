import {spawn} from 'node:child_process'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runDigest} from '../cli/run.js'
import {copySample, repoRoot} from './sample.js'

describe('digest preview (the executable)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await copySample()
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it.each([['70000'], ['-1'], ['4k']])('refuses --port %s as wrong usage (exit 2)', async (port) => {
    const result = await runDigest(['preview', '--port', port], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Unexpected --port value, expected a whole number from 0 to 65535')
  })

  it('prints only the URL on stdout and ends with 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/digest.js'), 'preview', '--port', '0'], {cwd: dir, env: {...process.env, CI: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const url = await new Promise<string>((resolve) => readline.createInterface({input: child.stdout}).once('line', resolve))
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    // Wait for the first build, so SIGINT also has to end a server that has served a page.
    await expect.poll(async () => (await (await fetch(new URL('/status.json', url))).json() as {ok: boolean}).ok, {timeout: 20_000}).toBe(true)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stdout).toBe(`${url}\n`)
    expect(stderr).toMatch(/built in \d+ ms, email [\d.]+ kB of 102\.4 kB/)
  })
})
