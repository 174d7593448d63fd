/**
 * Extraction throughput against remark-parse, in one run:
 *
 * 1. build a corpus of separate in-memory articles (the five seeds and 295 Wikinews articles,
 *    repeated to about `BENCH_MB` MB, 20 by default);
 * 2. after `BENCH_WARMUP` untimed passes (3 by default) of both over the distinct texts, parse
 *    every article with remark-parse alone and time it: the parse MB/s;
 * 3. run the quote and figure transformers over the already-parsed trees and time it: the
 *    extraction MB/s (2 and 3 run in batches of `BENCH_BATCH` articles, 100 by default, each
 *    phase timed apart, and which of the two runs first alternates from batch to batch, so
 *    neither is always the one that meets a cold cache or a pending garbage collection);
 * 4. print both and their ratio (the target is extraction ≥ 8× parse throughput), with the
 *    quotes and figures found in the timed articles (the warm-up's are not counted);
 * 5. growth: pathological inputs (many quotes on one long line, "12 people, " repeated, one
 *    long line of prose with quotes and numbers) at 10 KB, 100 KB and 1 MB, extraction alone,
 *    the fastest of a few runs at each size; prints the exponent of time over size, fitted over
 *    the three sizes (the bar is ≤ 1.2).
 *
 * Run with `node --import tsx bench/extract.ts` (or `npm run bench:extract`).
 * Wikinews articles: Wikinews contributors, CC BY 2.5 (tests/fixtures/wikinews/).
 */
import {readFileSync, readdirSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkFigures from '../src/extract/figures.js'
import remarkQuotes from '../src/extract/quotes.js'

const fixtures = new URL('../tests/fixtures/', import.meta.url)
const targetBytes = Number(process.env.BENCH_MB ?? 20) * 1024 * 1024

const sources: string[] = []
for (const name of readdirSync(new URL('seeds/', fixtures))
  .filter((name) => name.endsWith('.txt'))
  .sort()) {
  sources.push(readFileSync(new URL(`seeds/${name}`, fixtures), 'utf8'))
}
for (const line of readFileSync(new URL('wikinews/wikinews_2019_2021.jsonl', fixtures), 'utf8').split('\n')) {
  if (line.trim() !== '') sources.push((JSON.parse(line) as {text: string}).text)
}

const articles: VFile[] = []
let bytes = 0
for (let index = 0; bytes < targetBytes; index++) {
  const value = sources[index % sources.length]!
  articles.push(new VFile({path: `article-${index}.txt`, value}))
  bytes += Buffer.byteLength(value)
}
const megabytes = bytes / (1024 * 1024)

// remark-parse alone, as the comparison asks (the corpus has no front matter).
const processor = unified().use(remarkParse)
const quotes = remarkQuotes()
const figures = remarkFigures()

// Warm up both paths so the JIT is not measured: a build of thousands of articles runs at the
// speed the code reaches once optimised, which takes V8 a few passes over the distinct texts
// (one pass left the first timed megabytes at a third of that speed).
const warmPasses = Number(process.env.BENCH_WARMUP ?? 3)
for (let pass = 0; pass < warmPasses; pass++) {
  for (const file of articles.slice(0, sources.length)) {
    const tree = processor.parse(file) as Root
    quotes(tree, file)
    figures(tree, file)
  }
}

// Parse and extract in batches so that the trees of 20 MB are never all alive at once: a huge
// live heap makes every garbage collection slower and would charge that to whichever phase
// happens to trigger it. Each phase is timed on its own and the times are summed.
const batch = Number(process.env.BENCH_BATCH ?? 100)
let parseSeconds = 0
let extractSeconds = 0
// What the timed passes found; the warm-up's finds are overwritten before they are counted.
let foundQuotes = 0
let foundFigures = 0
for (let from = 0, round = 0; from < articles.length; from += batch, round++) {
  const files = articles.slice(from, from + batch)
  let trees: Root[]
  if (round % 2 === 0) {
    let started = performance.now()
    trees = files.map((file) => processor.parse(file) as Root)
    parseSeconds += (performance.now() - started) / 1000
    started = performance.now()
    extractAll(files, trees)
    extractSeconds += (performance.now() - started) / 1000
  } else {
    // Extraction first: its trees come from an untimed parse, then the parse is timed after it.
    trees = files.map((file) => processor.parse(file) as Root)
    let started = performance.now()
    extractAll(files, trees)
    extractSeconds += (performance.now() - started) / 1000
    started = performance.now()
    trees = files.map((file) => processor.parse(file) as Root)
    parseSeconds += (performance.now() - started) / 1000
  }
  for (const file of files) {
    foundQuotes += file.data.quotes?.length ?? 0
    foundFigures += file.data.figures?.length ?? 0
    delete file.data.quotes
    delete file.data.figures
  }
}

function extractAll(files: VFile[], trees: Root[]) {
  for (const [index, file] of files.entries()) {
    const tree = trees[index]!
    quotes(tree, file)
    figures(tree, file)
  }
}

const parseRate = megabytes / parseSeconds
const extractRate = megabytes / extractSeconds
console.log(`corpus           ${megabytes.toFixed(1)} MB in ${articles.length} articles`)
console.log(`remark-parse     ${parseRate.toFixed(2)} MB/s (${parseSeconds.toFixed(2)} s)`)
console.log(
  `quotes+figures   ${extractRate.toFixed(2)} MB/s (${extractSeconds.toFixed(2)} s; ${foundQuotes} quotes + ${foundFigures} figures = ${foundQuotes + foundFigures} items in the timed articles, warm-up not counted)`
)
console.log(`ratio            ${(extractRate / parseRate).toFixed(1)}× (target ≥ 8×)`)

// Growth on inputs built to be slow: every step must stay linear in its input.
const pathological: Record<string, string> = {
  'quotes on one line': '"key": "value", "note": "Ana Lopez said “we will go”", ',
  '"12 people, "': '12 people, ',
  'prose on one line': 'Ana Lopez, the mayor, said “We have 1,200 homes and $5 million,” adding that 300 families left. '
}
const sizes = [10_000, 100_000, 1_000_000]
for (const [name, unit] of Object.entries(pathological)) {
  const seconds: number[] = []
  for (const size of sizes) {
    const value = unit.repeat(Math.ceil(size / unit.length))
    const tree = processor.parse(new VFile({value})) as Root
    extractAll([new VFile({value})], [tree]) // warm
    // The fastest of a few runs: on a shared machine one slow run would bend the fitted exponent.
    const runs = size < 1_000_000 ? 5 : 2
    let fastest = Number.POSITIVE_INFINITY
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      extractAll([new VFile({value})], [tree])
      fastest = Math.min(fastest, (performance.now() - started) / 1000)
    }
    seconds.push(fastest)
  }
  console.log(
    `growth           ${name.padEnd(20)} ${seconds.map((time) => `${time.toFixed(3)} s`).join(' / ')}  exponent ${exponent(sizes, seconds).toFixed(2)} (bar ≤ 1.2)`
  )
}

// The least-squares slope of log(time) over log(size).
function exponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log)
  const ly = ys.map(Math.log)
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length
  const my = ly.reduce((a, b) => a + b, 0) / ly.length
  let top = 0
  let bottom = 0
  for (let index = 0; index < lx.length; index++) {
    top += (lx[index]! - mx) * (ly[index]! - my)
    bottom += (lx[index]! - mx) ** 2
  }
  return top / bottom
}
