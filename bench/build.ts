/**
 * The build against remark-parse alone on the same files, measured in one run, so the numbers
 * are ratios on this machine rather than absolute promises.
 */
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {loadConfig} from '../src/config.js'
import {loadArticles} from '../src/load/files.js'
import {analyzeArticles} from '../src/extract/analyze.js'
import {build, compile} from '../src/pipeline.js'
import {loadTemplates} from '../src/render/templates.js'
import {makeCorpus} from './corpus.js'

const root = path.resolve(import.meta.dirname, '..')
const count = Number(process.env.BENCH_ARTICLES ?? 500)
const rounds = 5

const folder = await mkdtemp(path.join(tmpdir(), 'digest-bench-'))
const corpus = await makeCorpus(path.join(folder, 'content'), count)
const config = loadConfig(path.join(root, 'digest.config.yaml'), root, {window: 'all', limits: {articles: count}})
const templates = await loadTemplates()

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function time(label: string, task: () => unknown | Promise<unknown>) {
  await task()
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    await task()
    samples.push(performance.now() - started)
  }
  return {label, ms: median(samples)}
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
const results = [
  await time('remark-parse alone', async () => {
    for (const file of await loadArticles([path.join(folder, 'content')])) parser.parse(file)
  }),
  await time('load + parse + extract', async () => analyzeArticles(await loadArticles([path.join(folder, 'content')]))),
  await time('compile (… + score, select, chronology, render)', async () => compile(await loadArticles([path.join(folder, 'content')]), config, templates)),
  await time('digest build (… + write 5 files)', async () => build({content: path.join(folder, 'content'), out: path.join(folder, 'out'), config: path.join(root, 'digest.config.yaml'), overrides: {window: 'all', limits: {articles: count}}, cwd: root}))
]

const base = results[0]?.ms ?? 1
console.log(`\nbuild benchmark: ${corpus.files} articles, ${(corpus.bytes / 1e6).toFixed(2)} MB, median of ${rounds} runs`)
for (const result of results) {
  console.log(`  ${result.label.padEnd(52)} ${result.ms.toFixed(0).padStart(6)} ms  ${(corpus.bytes / 1e6 / (result.ms / 1000)).toFixed(2).padStart(6)} MB/s  ×${(result.ms / base).toFixed(2)} of remark-parse`)
}
