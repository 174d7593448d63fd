import {readFileSync, readdirSync} from 'node:fs'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseHTML} from 'linkedom'
import {expect, it} from 'vitest'
import {extractPage} from '../../src/ingest/page.js'
import {shingleF1} from './shingles.js'

const pages = new URL('../fixtures/web/pages/', import.meta.url)

/** The body as a reader reads it: the Markdown's text, block by block. */
function markdownText(markdown: string) {
  return unified().use(remarkParse).parse(markdown).children.map((node) => toString(node)).join('\n')
}

it('extracts the body of the 28 web-page fixtures (F1 on 4-word shingles) and a title for each', () => {
  const scores: Array<[string, number, number]> = []
  for (const name of readdirSync(pages).sort()) {
    const html = readFileSync(new URL(`${name}/source.html`, pages), 'utf8')
    const expected = parseHTML(`<html><body>${readFileSync(new URL(`${name}/expected.html`, pages), 'utf8')}</body></html>`).document.body.textContent ?? ''
    const article = extractPage(html, 'http://fakehost/test/page.html')
    expect(article?.title, name).toBeTruthy()
    const markdown = article?.markdown ?? ''
    scores.push([name, shingleF1(markdownText(markdown), expected).f1, shingleF1(markdown, expected).f1])
  }
  const mean = (index: 1 | 2) => scores.reduce((sum, row) => sum + row[index], 0) / scores.length
  console.log(`web-page fixtures: mean F1 ${mean(1).toFixed(3)} on the Markdown's text, ${mean(2).toFixed(3)} on the raw Markdown (link URLs included); lowest: ${scores.sort((a, b) => a[1] - b[1]).slice(0, 3).map(([name, f1]) => `${name} ${f1.toFixed(3)}`).join(', ')}`)
  expect(mean(1)).toBeGreaterThanOrEqual(0.97)
  expect(Math.min(...scores.map((row) => row[1]))).toBeGreaterThan(0.8)
}, 180_000)
