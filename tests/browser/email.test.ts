/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const artifacts = path.join(root, 'tests', 'artifacts')

interface Data {
  topics: {name: string; quotes: {text: string}[]}[]
}

/**
 * Text whose colour is too close to its background, as `{text, ratio}`: every element with its own
 * visible text, its colour against the first opaque background behind it (WCAG AA: 4.5:1, 3:1 for
 * large text).
 */
async function lowContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((channel) => {
        const c = channel / 255
        return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      return 0.2126 * R + 0.7152 * G + 0.0722 * B
    }
    const background = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const color = rgb(getComputedStyle(node).backgroundColor)
        if (color.length === 3 || (color[3] ?? 0) > 0) return color
      }
      return [255, 255, 255]
    }
    const problems: {text: string; ratio: number}[] = []
    for (const element of document.body.querySelectorAll('*')) {
      const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim()
      if (!own) continue
      const style = getComputedStyle(element)
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue
      const [a, b] = [luminance(rgb(style.color)), luminance(background(element))].sort((x, y) => y - x) as [number, number]
      const ratio = (a + 0.05) / (b + 0.05)
      const size = Number.parseFloat(style.fontSize)
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      if (ratio < (large ? 3 : 4.5)) problems.push({text: own.slice(0, 60), ratio: Math.round(ratio * 100) / 100})
    }
    return problems
  })
}

describe('the sample email in a browser', () => {
  let work: string
  let htmlUrl: string
  let data: Data
  let browser: Browser

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'digest-browser-'))
    await cp(path.join(root, 'content'), path.join(work, 'content'), {recursive: true})
    await cp(path.join(root, 'digest.config.yaml'), path.join(work, 'digest.config.yaml'))
    const built = spawnSync(process.execPath, [path.join(root, 'bin', 'digest.js'), 'build', '--json'], {cwd: work, encoding: 'utf8'})
    expect(built.status, built.stderr).toBe(0)
    const result = JSON.parse(built.stdout) as {html: string; data: string}
    htmlUrl = pathToFileURL(result.html).href
    data = JSON.parse(await readFile(result.data, 'utf8')) as Data
    await mkdir(artifacts, {recursive: true})
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
  })

  afterAll(async () => {
    await browser?.close()
    await rm(work, {recursive: true, force: true})
  })

  for (const width of [375, 800]) {
    it(`shows every topic heading and quote at ${width} px${width === 375 ? ' without horizontal scroll' : ''}`, async () => {
      const page = await browser.newPage({viewport: {width, height: 900}})
      await page.goto(htmlUrl)
      await page.screenshot({path: path.join(artifacts, `email-${width}.png`), fullPage: true})
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(scrollWidth).toBeLessThanOrEqual(width)
      const topics = data.topics.filter((topic) => topic.quotes.length > 0)
      expect(topics.length).toBeGreaterThan(0)
      for (const topic of topics) {
        const heading = page.getByRole('heading', {name: topic.name, exact: true})
        await expect.poll(() => heading.isVisible()).toBe(true)
        for (const quote of topic.quotes) {
          const shown = page.getByText(quote.text.replace(/[,;:]\s*$/u, '').slice(0, 40), {exact: false}).first()
          expect(await shown.isVisible(), quote.text).toBe(true)
          const box = await shown.boundingBox()
          expect(box && box.x >= 0 && box.x + box.width <= width + 0.5, quote.text).toBe(true)
        }
      }
      expect(await lowContrast(page)).toEqual([])
      await page.close()
    })
  }

  it('keeps text readable in dark mode', async () => {
    const page = await browser.newPage({viewport: {width: 375, height: 900}, colorScheme: 'dark'})
    await page.goto(htmlUrl)
    await page.screenshot({path: path.join(artifacts, 'email-375-dark.png'), fullPage: true})
    // The dark styles apply: the page is dark, not the light design with a dark window around it.
    const body = await page.evaluate(() => getComputedStyle(document.querySelector('.dm-card') ?? document.body).backgroundColor)
    expect(body).not.toBe('rgb(255, 255, 255)')
    expect(await lowContrast(page)).toEqual([])
    await page.close()
  })
})
