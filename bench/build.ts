/**
 * `npm run bench` (build part): the build against remark-parse alone on the same files, as
 * ratios measured in one run. Every process is timed the same way (a child process, reporting its
 * own wall time, CPU and peak memory at exit); compared runs alternate their order, and each is
 * run once unmeasured first so both meet warm file caches.
 *
 * Quick by default (a few hundred articles); `BENCH_FULL=1` runs the sizes the promises are
 * about: 1k/4k/10k articles in one week, a two-year archive of 10k, and 50k files.
 * `BENCH_SIZES`, `BENCH_ARCHIVE` and `BENCH_MANY` set each part's size (0 skips the last two).
 */
import {spawn} from 'node:child_process'
import {appendFile, cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {makeCorpus, type Corpus} from './corpus.js'

const root = path.resolve(import.meta.dirname, '..')
const digest = path.join(root, 'bin/digest.js')
const usage = path.join(import.meta.dirname, 'usage.mjs')
const parseOnly = path.join(import.meta.dirname, 'parse-only.mjs')
const full = process.env.BENCH_FULL === '1'
// Each part's size may be set on its own: BENCH_SIZES=10000 BENCH_ARCHIVE=0 BENCH_MANY=0 runs the
// 10k-article week alone (a growth exponent then needs two sizes or more).
const sizeList = (name: string, fallback: number[]) => process.env[name] ? process.env[name].split(',').map(Number) : fallback
const sizes = sizeList('BENCH_SIZES', full ? [1_000, 4_000, 10_000] : [100, 200, 400])
const archiveSize = sizeList('BENCH_ARCHIVE', [full ? 10_000 : 2_000])[0]!
const manySize = sizeList('BENCH_MANY', [full ? 50_000 : 0])[0]!
const rounds = Number(process.env.BENCH_ROUNDS ?? (full ? 3 : 1))

interface Usage {
  wallMs: number
  cpuMs: number
  maxRssMb: number
}

/** Runs `node [--import usage] args` in `cwd`; its usage, or a thrown error with its stderr. */
function run(args: string[], cwd: string): Promise<Usage> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', usage, ...args], {cwd, env: {...process.env, CI: '1'}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = /BENCH_USAGE (.*)$/m.exec(stderr)?.[1]
      if (code !== 0 || !line) reject(new Error(`node ${args.join(' ')} in ${cwd} exited ${code}:\n${stderr.slice(-2_000)}`))
      // Wall time from here, start-up included; CPU and memory as the process counted them.
      else resolve({...(JSON.parse(line) as Usage), wallMs: performance.now() - started})
    })
  })
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Runs each task `rounds` times, alternating which goes first, after one unmeasured run of each. */
async function alternate<K extends string>(tasks: Record<K, () => Promise<Usage>>): Promise<Record<K, Usage[]>> {
  const names = Object.keys(tasks) as K[]
  for (const name of names) await tasks[name]()
  const results = Object.fromEntries(names.map((name) => [name, [] as Usage[]])) as unknown as Record<K, Usage[]>
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) results[name].push(await tasks[name]())
  }
  return results
}

const rows: {figure: string; value: string; target: string; ok: boolean | undefined}[] = []
function report(figure: string, ratio: number, target: number, unit = '×', context = '') {
  const value = `${unit.endsWith('MB') ? ratio.toFixed(0) : ratio.toFixed(2)}${unit}${context ? `  (${context})` : ''}`
  rows.push({figure, value, target: `≤ ${target}${unit}`, ok: Number.isFinite(ratio) ? ratio <= target : undefined})
  console.log(`  ${figure.padEnd(58)} ${value}`)
}

const base = await mkdtemp(path.join(tmpdir(), 'digest-bench-build-'))
console.log(`build benchmark (${full ? 'full' : 'quick: BENCH_FULL=1 for the promised sizes'}), ${rounds} rounds, in ${base}`)

/** A project: `count` articles over `days` days, a config with no article cap unless `cap`. */
async function project(name: string, count: number, days: number, cap?: number): Promise<{dir: string; corpus: Corpus}> {
  const dir = path.join(base, name)
  const corpus = await makeCorpus(path.join(dir, 'content'), count, {days})
  await writeFile(path.join(dir, 'digest.config.yaml'), `title: Bench\nwindow: week\n${cap === undefined ? `limits:\n  articles: ${count}\n` : ''}`)
  return {dir, corpus}
}

let fresh = 0
const buildArgs = (out: string, extra: string[] = []) => [digest, 'build', '--content', 'content', '--out', out, ...extra]

// 1. A week of N articles, no cap: cold build against remark-parse alone; growth over N.
const cold: {count: number; ms: number; cpuMs: number}[] = []
let largest: {dir: string; out: string; corpus: Corpus} | undefined
for (const count of sizes) {
  const {dir, corpus} = await project(`week-${count}`, count, 7)
  let lastOut = ''
  const results = await alternate({
    parse: () => run([parseOnly, 'content'], dir),
    // A new out/ each time, so each build starts with an empty .digest-cache/ beside it.
    build: () => run(buildArgs((lastOut = path.join(`run-${fresh++}`, 'out'))), dir)
  })
  const buildMs = median(results.build.map((result) => result.wallMs))
  const parseMs = median(results.parse.map((result) => result.wallMs))
  cold.push({count, ms: buildMs, cpuMs: median(results.build.map((result) => result.cpuMs))})
  console.log(`  ${count} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB: cold build ${(buildMs / 1000).toFixed(1)} s, remark-parse alone ${(parseMs / 1000).toFixed(1)} s, peak RSS ${median(results.build.map((result) => result.maxRssMb)).toFixed(0)} MB`)
  largest = {dir, out: lastOut, corpus}
}
const top = cold.at(-1)!
const topRuns = largest!
{
  const parse = await alternate({parse: () => run([parseOnly, 'content'], topRuns.dir)})
  const parseMs = median(parse.parse.map((result) => result.wallMs))
  const parseCpu = median(parse.parse.map((result) => result.cpuMs))
  report(`cold build, ${top.count} articles, one week, no cap, vs remark-parse`, top.ms / parseMs, 1.0, '×', `CPU ${(top.cpuMs / parseCpu).toFixed(2)}×`)
}
{
  // The same read, parse and extract in this process, without selection and rendering: what
  // load and extract cost, apart from the briefing stages.
  // The compiled build, as `digest` runs it: its workers then load JavaScript, not TypeScript through tsx.
  const {loadConfig} = (await import(pathToFileURL(path.join(root, 'dist/config.js')).href)) as typeof import('../src/config.js')
  const {readWindow} = (await import(pathToFileURL(path.join(root, 'dist/extract/window-read.js')).href)) as typeof import('../src/extract/window-read.js')
  const config = loadConfig(path.join(topRuns.dir, 'digest.config.yaml'), topRuns.dir)
  const results = await alternate({
    parse: () => run([parseOnly, 'content'], topRuns.dir),
    readWindow: async () => {
      const started = performance.now()
      await readWindow('content', config, undefined, {cwd: topRuns.dir, out: path.join(topRuns.dir, 'unused'), cache: false})
      return {wallMs: performance.now() - started, cpuMs: Number.NaN, maxRssMb: Number.NaN}
    }
  })
  report(`  of which read + parse + extract (workers), vs remark-parse`, median(results.readWindow.map((result) => result.wallMs)) / median(results.parse.map((result) => result.wallMs)), 1.0)
}
{
  const peak = await run(buildArgs(path.join(`run-${fresh++}`, 'out')), topRuns.dir)
  report(`peak RSS of that build`, peak.maxRssMb, 500, ' MB')
}
{
  // Warm: the cache the last cold build left; then one article edited between builds.
  const warm = await alternate({warm: () => run(buildArgs(topRuns.out), topRuns.dir)})
  report(`warm rebuild, nothing changed, vs cold`, median(warm.warm.map((result) => result.wallMs)) / top.ms, 0.10)
  const edited: number[] = []
  for (let round = 0; round < rounds; round++) {
    await appendFile(topRuns.corpus.written[0]!.file, `\nAn editor added this line, round ${round}.\n`)
    edited.push((await run(buildArgs(topRuns.out), topRuns.dir)).wallMs)
  }
  report(`warm rebuild, one article edited, vs cold`, median(edited) / top.ms, 0.15)
}
if (cold.length >= 2) {
  // Least squares slope of log(time) over log(articles).
  const xs = cold.map((point) => Math.log(point.count))
  const ys = cold.map((point) => Math.log(point.ms))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  const slope = xs.reduce((sum, x, index) => sum + (x - mx) * (ys[index]! - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0)
  report(`growth exponent of build time over ${sizes.join(' / ')}`, slope, 1.15, '', cold.map((point) => `${point.count}: ${(point.ms / 1000).toFixed(1)} s`).join(', '))
}

// 2. The week's briefing out of a two-year archive, against building the week's files alone.
if (archiveSize > 0) {
  const {dir, corpus} = await project('archive', archiveSize, 730, 50)
  const week = path.join(base, 'archive-week')
  await mkdir(path.join(week, 'content'), {recursive: true})
  await cp(path.join(dir, 'digest.config.yaml'), path.join(week, 'digest.config.yaml'))
  const inWeek = corpus.written.filter((entry) => entry.date >= '2024-06-24')
  for (const entry of inWeek) await cp(entry.file, path.join(week, 'content', path.basename(entry.file)))
  const results = await alternate({
    archive: () => run([...buildArgs('out', ['--week', '2024-W26', '--no-cache'])], dir),
    week: () => run([...buildArgs('out', ['--week', '2024-W26', '--no-cache'])], week)
  })
  report(`weekly briefing of ${inWeek.length} out of ${archiveSize} (2 years), CPU vs the week alone`, median(results.archive.map((result) => result.cpuMs)) / median(results.week.map((result) => result.cpuMs)), 1.5)
}

// 3. Many files: no EMFILE, bounded memory.
if (manySize > 0) {
  const {dir} = await project('many', manySize, 730, 50)
  const result = await run(buildArgs('out', ['--no-cache']), dir)
  report(`${manySize} files build: peak RSS`, result.maxRssMb, 4096, ' MB', `${(result.wallMs / 1000).toFixed(0)} s`)
}

const missed = rows.filter((row) => row.ok === false)
console.log(missed.length === 0 ? '  every figure within its target' : `  over target: ${missed.map((row) => row.figure.trim()).join('; ')}`)
await rm(base, {recursive: true, force: true})
