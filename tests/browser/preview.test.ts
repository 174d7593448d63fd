import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {copySample, editedArticle, repoRoot} from '../preview/sample.js'

const artifacts = path.join(repoRoot, 'tests/artifacts')

/** `digest preview --port 0` on a copy of the sample, through the real executable, as an editor runs it. */
describe('digest preview in chromium', () => {
  let dir: string
  let child: ChildProcessWithoutNullStreams
  let stderr = ''
  let url: string
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    dir = await copySample()
    await mkdir(artifacts, {recursive: true})
    child = spawn(process.execPath, [path.join(repoRoot, 'bin/digest.js'), 'preview', '--port', '0', '--content', path.join(dir, 'content'), '--config', path.join(dir, 'digest.config.yaml')], {cwd: dir, env: {...process.env, CI: '1'}})
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({input: child.stdout}).once('line', resolve)
      child.once('exit', (code) => reject(new Error(`digest preview exited with ${code}: ${stderr}`)))
    })
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    page = await browser.newPage({viewport: {width: 1280, height: 800}})
  })

  afterAll(async () => {
    await browser?.close()
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await rm(dir, {recursive: true, force: true})
  })

  const email = () => page.frameLocator('#email').locator('body')
  async function edit(change: (text: string) => string) {
    const file = path.join(dir, editedArticle)
    await writeFile(file, change(await readFile(file, 'utf8')))
  }

  it('prints a loopback URL with a free port first', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('shows the email, then the mobile width and the plain-text part', async () => {
    await page.goto(url)
    await expect.poll(() => email().textContent(), {timeout: 15_000}).toContain('Hostage negotiations remain at a standstill')
    await expect.poll(() => page.locator('#size-value').textContent()).toMatch(/^\d+(\.\d)? kB$/)
    await page.screenshot({path: path.join(artifacts, 'preview-desktop.png')})

    await page.getByRole('button', {name: 'Mobile'}).click()
    await expect.poll(() => page.locator('#email').evaluate((frame) => (frame as unknown as {contentWindow: {innerWidth: number} | null}).contentWindow?.innerWidth)).toBe(375)

    await page.getByRole('button', {name: 'Text'}).click()
    await expect(page.locator('#email').isHidden()).resolves.toBe(true)
    await expect.poll(() => page.locator('#source').textContent()).toMatch(/^GAZA HOSTAGE TALKS BRIEFING\n[\s\S]*TIMELINE/i)
    await page.screenshot({path: path.join(artifacts, 'preview-mobile-text.png')})
    expect(new URL(page.url()).hash).toBe('#view=text&width=mobile&scheme=light')
  })

  it('shows an edit without a manual reload', async () => {
    await page.evaluate(() => ((globalThis as {untouched?: boolean}).untouched = true))
    await edit((text) => text.replace("title: 'Hostage negotiations remain at a standstill'", "title: 'Talks stall again over the hostages'"))
    await expect.poll(() => page.locator('#source').textContent(), {timeout: 10_000}).toContain('Talks stall again over the hostages')

    await page.getByRole('button', {name: 'Email'}).click()
    await expect.poll(() => email().textContent()).toContain('Talks stall again over the hostages')
    // Still the same page: the view reloaded itself, nobody reloaded the page.
    expect(await page.evaluate(() => (globalThis as {untouched?: boolean}).untouched)).toBe(true)
  })

  it('covers the last good render with the error and its place, and clears it when fixed', async () => {
    await edit((text) => text.replace('date: 2025-06-01', 'date: 2025-13-01'))
    const overlay = page.locator('#overlay')
    await expect.poll(() => overlay.isVisible(), {timeout: 10_000}).toBe(true)
    const shown = await overlay.textContent()
    expect(shown).toContain(`${editedArticle}:3:7`)
    expect(shown).toContain('Unexpected `date` value "2025-13-01"')
    expect(shown).toContain('showing the last good render')
    expect(await email().textContent()).toContain('Talks stall again over the hostages')
    // The failed build rendered nothing, so no size is shown for it.
    expect(await page.locator('#size-value').textContent()).toBe('–')
    await page.screenshot({path: path.join(artifacts, 'preview-error.png')})

    await edit((text) => text.replace('date: 2025-13-01', 'date: 2025-06-01'))
    await expect.poll(() => overlay.isVisible(), {timeout: 10_000}).toBe(false)
    expect(await page.locator('#status').textContent()).toMatch(/^Built in \d+ ms$/)
    expect(await page.locator('#size-value').textContent()).toMatch(/^\d+(\.\d)? kB$/)
  })

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toContain(`${editedArticle}:3:7  error  Unexpected \`date\` value`)
  })
})
