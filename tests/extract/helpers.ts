import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkFigures from '../../src/extract/figures.js'
import remarkQuotes from '../../src/extract/quotes.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkQuotes).use(remarkFigures)

/** Run the extraction plugins over `value` as the file `path`. */
export function extract(value: string, path = 'article.md'): VFile {
  const file = new VFile({path, value})
  processor.runSync(processor.parse(file), file)
  return file
}

/** Fold case, curly quotes, apostrophes, dashes and spacing for comparing texts. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”„"]/gu, '"')
    .replace(/[‘’`']/gu, "'")
    .replace(/[–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Fold and drop trailing punctuation, as the gold's `matching` field says. */
export function foldQuote(text: string): string {
  return fold(text)
    .replace(/[\s"'.,;:!?…-]+$/u, '')
    .replace(/^[\s"'.,;:!?…-]+/u, '')
}

/** Whether two quote texts match: one contains the other, or they share 90% of their words. */
export function quotesMatch(a: string, b: string): boolean {
  const x = foldQuote(a)
  const y = foldQuote(b)
  if (x.length === 0 || y.length === 0) return false
  if (x.includes(y) || y.includes(x)) return true
  const left = x.split(' ')
  const right = new Set(y.split(' '))
  const shared = left.filter((word) => right.has(word)).length
  return shared / Math.max(left.length, right.size) >= 0.9
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
