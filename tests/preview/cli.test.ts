import {spawn} from 'node:child_process'
import {readFile, rm, writeFile} from 'node:fs/promises'
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

  it.each([
    [['--week', '2023-47'], 'Unexpected --week value, expected YYYY-Www such as 2023-W47'],
    [['--since', '2023-02-30'], 'Unexpected --since value, expected a real day'],
    [['--week', '2023-W47', '--until', '2023-12-01'], 'Unexpected --week value, expected either --week or --since/--until, not both']
  ])('refuses window flags %j as build does (exit 2)', async (flags, message) => {
    const result = await runDigest(['preview', '--port', '0', ...flags], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })

  it('builds the window the flags ask for, and says a failed rebuild failed without a size', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/digest.js'), 'preview', '--port', '0', '--since', '2023-11-01', '--until', '2023-12-31'], {cwd: dir, env: {...process.env, CI: '1'}})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    try {
      const url = await new Promise<string>((resolve) => readline.createInterface({input: child.stdout}).once('line', resolve))
      const status = async () => (await (await fetch(new URL('/status.json', url))).json()) as {version: number; ok: boolean; articles: number; htmlBytes?: number}
      await expect.poll(async () => (await status()).ok, {timeout: 90_000}).toBe(true)
      expect(await status()).toMatchObject({articles: 2})
      expect(await (await fetch(new URL('/digest.json', url))).json()).toMatchObject({id: '2023-11-01_2023-12-31', period: {start: '2023-11-23', end: '2023-12-12'}})

      const config = path.join(dir, 'digest.config.yaml')
      const original = await readFile(config, 'utf8')
      await writeFile(config, original.replace('window: all', 'window: fortnight'))
      await expect.poll(() => stderr, {timeout: 30_000}).toMatch(/digest\.config\.yaml changed; build failed in \d+ ms; the preview keeps the last good email\n/)
      expect(stderr).not.toMatch(/build failed[^\n]*kB/)
      const failed = await status()
      expect(failed).toMatchObject({ok: false, stale: true})
      expect(failed.htmlBytes).toBeUndefined()
      await writeFile(config, original)
      await expect.poll(() => stderr, {timeout: 30_000}).toMatch(/digest\.config\.yaml changed; built in \d+ ms, email [\d.]+ kB of 102\.4 kB\n$/)
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    // Three builds through the real executable: slow on a busy machine, never stuck.
  }, 180_000)

  it('prints only the URL on stdout and ends with 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/digest.js'), 'preview', '--port', '0'], {cwd: dir, env: {...process.env, CI: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const url = await new Promise<string>((resolve) => readline.createInterface({input: child.stdout}).once('line', resolve))
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    // Wait for the first build, so SIGINT also has to end a server that has served a page.
    await expect.poll(async () => (await (await fetch(new URL('/status.json', url))).json() as {ok: boolean}).ok, {timeout: 90_000}).toBe(true)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stdout).toBe(`${url}\n`)
    expect(stderr).toMatch(/built in \d+ ms, email [\d.]+ kB of 102\.4 kB/)
  }, 120_000)
})
