/**
 * `digest add` throughput on the 28 web-page fixtures (Readability's test pages, Apache 2.0,
 * tests/fixtures/web/), in one run:
 *
 * 1. parse every page with rehype-parse alone and time it: the baseline pages per second;
 * 2. run the whole page step (metadata, Readability on linkedom, HTML → Markdown) on the same
 *    pages and time it: digest's pages per second;
 * 3. print both and their ratio, and the time 181 pages would take at that rate (the held-out bar
 *    is 181 pages within 120 s).
 *
 * Run with `node --import tsx bench/ingest.ts` (part of `npm run bench`).
 */
import {readFileSync, readdirSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {extractPage} from '../src/ingest/page.js'

const pagesDir = new URL('../tests/fixtures/web/pages/', import.meta.url)
const pages = readdirSync(pagesDir).sort().map((name) => readFileSync(new URL(`${name}/source.html`, pagesDir), 'utf8'))
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)

const parser = unified().use(rehypeParse)
// One untimed pass warms the JIT for both.
for (const html of pages) {
  parser.parse(html)
  extractPage(html, 'https://example.org/page.html')
}

let parseMs = 0
let addMs = 0
for (let round = 0; round < rounds; round++) {
  let start = performance.now()
  for (const html of pages) parser.parse(html)
  parseMs += performance.now() - start
  start = performance.now()
  for (const html of pages) extractPage(html, 'https://example.org/page.html')
  addMs += performance.now() - start
}
const count = pages.length * rounds
const parseRate = count / (parseMs / 1000)
const addRate = count / (addMs / 1000)
console.log(`ingest: ${count} pages; rehype-parse alone ${parseRate.toFixed(1)} pages/s, digest add's page step ${addRate.toFixed(1)} pages/s (${(parseRate / addRate).toFixed(1)}× slower than parsing alone); 181 pages ≈ ${(181 / addRate).toFixed(0)} s`)
