/**
 * `npm run bench:preview`: the time from saving an article to the preview page showing the change,
 * through the real executable and chromium, on the sample (5 articles) and on 1,000 articles.
 * Prints the median of several saves for each, with the server's own build time beside it, and
 * how long `/status.json` takes to answer while that rebuild runs.
 */
import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import {setTimeout as sleep} from 'node:timers/promises'
import {chromium, type Browser} from 'playwright-core'
import {makeCorpus} from './corpus.js'

const repoRoot = path.resolve(import.meta.dirname, '..')
// DIGEST=path/to/bin/digest.js measures another build of digest (say, main's) on the same folders.
const executable = process.env.DIGEST ?? path.join(repoRoot, 'bin/digest.js')
const runs = Number(process.env.RUNS ?? 7)

/** The sample as shipped. */
async function sample(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-bench-preview-'))
  await cp(path.join(repoRoot, 'content'), path.join(dir, 'content'), {recursive: true})
  await cp(path.join(repoRoot, 'digest.config.yaml'), path.join(dir, 'digest.config.yaml'))
  return dir
}

/**
 * 1,000 articles of one week (bench/corpus.ts: real Wikinews text, no two files alike, so none is
 * merged away as a duplicate); the window keeps the newest 50, topics are derived, and the email
 * is over the budget, so auto-fit drops items.
 */
async function thousand(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'digest-bench-preview-'))
  await makeCorpus(path.join(dir, 'content'), 1000, {days: 7})
  await writeFile(path.join(dir, 'digest.config.yaml'), 'title: Bench briefing\nwindow: all\ntimezone: UTC\nlang: en\n')
  return dir
}

/** An article whose title the email shows (auto-fit may drop some), relative to the folder. */
async function shownArticle(url: string) {
  const [data, html] = await Promise.all([
    fetch(new URL('/digest.json', url)).then((response) => response.json() as Promise<{articles: {id: string; title: string; file?: string}[]}>),
    fetch(new URL('/email.html', url)).then((response) => response.text())
  ])
  const article = data.articles.find((entry) => html.includes(entry.title))
  if (!article) throw new Error('Unexpected email without any article title, expected at least one to edit')
  return path.join('content', `${article.id}.md`)
}

async function measure(browser: Browser, label: string, dir: string) {
  const child = spawn(process.execPath, [executable, 'preview', '--port', '0'], {cwd: dir, env: {...process.env, CI: '1'}})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({input: child.stdout}).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`digest preview exited with ${code}: ${stderr}`)))
  })
  const page = await browser.newPage({viewport: {width: 1280, height: 800}})
  try {
    await page.goto(url)
    await page.locator('body[data-shown]').waitFor({timeout: 120_000})
    const file = path.join(dir, await shownArticle(url))
    const original = await readFile(file, 'utf8')
    const totals: number[] = []
    const builds: number[] = []
    const answers: number[] = []
    // Where the time between the save and the page goes: before the build starts (the watcher,
    // its quiet time, the thread), the build, and after it (to the page and into the frame).
    const before: number[] = []
    const after: number[] = []
    for (let run = 0; run <= runs; run++) {
      const marker = `Bench edit ${run} ${Date.now()}`
      const saved = Date.now()
      await writeFile(file, original.replace(/^title: .*$/m, `title: '${marker}'`))
      // 100 ms after the save the rebuild is under way (the watcher waits 30 ms for quiet): a request
      // then must not wait for it.
      const answered = sleep(100).then(async () => {
        const asked = performance.now()
        await (await fetch(new URL('/status.json', url))).arrayBuffer()
        return performance.now() - asked
      })
      // The page's own clock says when the new text was in the frame; both clocks are this machine's.
      const shown = await page.locator('#email').evaluate(
        // No named helpers in here: tsx would wrap them in a `__name` the page does not have.
        async (frame, text) => {
          while (!(frame as unknown as {contentDocument: {body?: {textContent: string | null}} | null}).contentDocument?.body?.textContent?.includes(text)) await new Promise((resolve) => setTimeout(resolve, 2))
          return Date.now()
        },
        marker,
        {timeout: 60_000}
      )
      const status = await (await fetch(new URL('/status.json', url))).json() as {durationMs: number; builtAt: string}
      const answer = await answered
      // The first save warms caches the editor's later saves find warm.
      if (run > 0) {
        totals.push(shown - saved)
        builds.push(status.durationMs)
        const built = Date.parse(status.builtAt)
        before.push(built - status.durationMs - saved)
        after.push(shown - built)
        answers.push(Math.round(answer))
      }
      await sleep(150)
    }
    await writeFile(file, original)
    return {label, total: median(totals), build: median(builds), min: Math.min(...totals), max: Math.max(...totals), answer: median(answers), before: median(before), after: median(after)}
  } finally {
    await page.close()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
const folders: [string, string][] = [['sample (5 articles)', await sample()], ['1,000 articles', await thousand()]]
try {
  console.log(`preview: save → new text in the page, median of ${runs} saves`)
  for (const [label, dir] of folders) {
    const result = await measure(browser, label, dir)
    console.log(`  ${result.label.padEnd(22)} ${String(result.total).padStart(5)} ms  (before the build ${result.before} ms, build ${result.build} ms, to the page ${result.after} ms; range ${result.min}–${result.max} ms; /status.json asked 100 ms after the save: ${result.answer} ms)`)
  }
} finally {
  await browser.close()
  await Promise.all(folders.map(([, dir]) => rm(dir, {recursive: true, force: true})))
}
