import {describe, expect, it} from 'vitest'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {articleFromBytes} from '../../src/load/read.js'
import {expectExactOffsets} from '../load/helpers.js'

/**
 * Read + parse + extract over generated articles: pieces of news prose, quotes, figures, Markdown
 * and YAML, line endings, control characters and raw bytes, put together at random from a seed.
 * A few thousand in `npm test`; `npm run fuzz` runs 100,000 (FUZZ_RUNS), FUZZ_SEED picks the seed.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 2000)
const seed = Number(process.env.FUZZ_SEED ?? 20231121)
/** Per input, far above the few milliseconds one takes, so only a runaway fails it. */
const maxMillisecondsPerInput = 5000

/** mulberry32: small, fast and the same on every machine. */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const frontMatters = [
  '---\ntitle: Talks resume\ndate: 2023-11-21\n---\n\n',
  '---\ntitle: "Quoted \\"title\\""\ndate: 2023-11-21T22:30:00-05:00\nsource: Example Post\nurl: https://example.org/a\n---\n\n',
  '---\ntitle: [broken\n---\n\n',
  '---\na: &a [x, x]\nb: [*a, *a, *a]\ntitle: Alias\n---\n\n',
  '---\ntitle: Never closed\ndate: 2023-11-21\n\n',
  '---\n- a list\n---\n\n',
  '\uFEFF---\ntitle: With a BOM\n---\n\n',
  'U.S. and Hamas Engage in Direct Talks\n\n',
  ''
]
const pieces = [
  'Officials met in Doha on Tuesday. ',
  '“We are ready to talk,” said Ana Ruiz, the envoy. ',
  '"It will not happen," he said. ',
  '‘Never,’ she told reporters, “never again.” ',
  'About 240 hostages were taken, and 1,200 people were killed. ',
  'Prices rose 3.5% to $4.2 billion in 2023, up from between 10 and 12 million. ',
  `${'9'.repeat(400)} people `,
  'nearly half of the 50 trucks ',
  '> ', '- ', '1. ', '* ', '   ', '\t', '# ', '## ', '```\n', '~~~', '---\n', '***',
  '[a](', '[link](https://example.org) ', '![img](x.png)', '*em* ', '**strong** ', '_u_ ', '`code` ', '``', '<b>', '</b>', '<!-- ', ' -->', '&quot;', '&#0;', '&amp;', '\\',
  '{{x}}', '{{#each a}}', '<script>alert(1)</script>', '<mj-text>', ']]>', '{', '}',
  '\n', '\n', '\n\n', '\r\n', '\r', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u200b', '\uFEFF',
  '😀', 'é', 'e\u0301', 'مرحبا ', 'שלום ', '中文 ', '\u202e', '\uD800', '“', '”', '‘', '’', '«', '»', '"', "'",
  'title: x\n', 'date: 2023-11-21\n', ': ', '&a ', '*a '
]

function generate(next: () => number): Uint8Array {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  if (next() < 0.03) return Uint8Array.from({length: Math.floor(next() * 512)}, () => Math.floor(next() * 256))
  let text = pick(frontMatters)
  const count = Math.floor(next() ** 2 * 300)
  for (let index = 0; index < count; index++) {
    const piece = pick(pieces)
    text += next() < 0.05 ? piece.repeat(1 + Math.floor(next() * 200)) : piece
  }
  const bytes = Buffer.from(text)
  // Now and then a stray byte that is not UTF-8.
  if (bytes.length > 0 && next() < 0.05) bytes[Math.floor(next() * bytes.length)] = 0x80 + Math.floor(next() * 0x40)
  return bytes
}

describe(`read + parse + extract over ${runs.toLocaleString('en')} generated articles (seed ${seed})`, () => {
  it('never throws, keeps every offset exact and takes bounded time per input', () => {
    const next = random(seed)
    let slowest = 0
    for (let run = 0; run < runs; run++) {
      const bytes = generate(next)
      const started = performance.now()
      const file = articleFromBytes(bytes, `content/fuzz-${run}.md`)
      const [article] = analyzeArticles([file], {requireDate: false})
      const elapsed = performance.now() - started
      slowest = Math.max(slowest, elapsed)
      const crash = file.messages.find((message) => message.ruleId === 'crash')
      if (crash) throw new Error(`Input ${run} (seed ${seed}) crashed a step: ${crash.reason}\n${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`)
      for (const message of file.messages) {
        expect(message.line).toBeGreaterThanOrEqual(1)
        expect(message.column).toBeGreaterThanOrEqual(1)
      }
      if (article) {
        expectExactOffsets(article, file)
        expect(JSON.stringify(article)).not.toMatch(/\\u0000|:null/)
      }
      expect(elapsed, `input ${run} took ${Math.round(elapsed)} ms`).toBeLessThan(maxMillisecondsPerInput)
    }
    console.log(`fuzz: ${runs} inputs, slowest ${Math.round(slowest)} ms`)
  }, 600_000)
})
