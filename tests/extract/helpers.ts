import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {expect} from 'vitest'
import remarkFigures from '../../src/extract/figures.js'
import remarkQuotes from '../../src/extract/quotes.js'
import type {Figure} from '../../src/types.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkQuotes).use(remarkFigures)

/** Run the extraction plugins over `value` as the file `path`. */
export function extract(value: string, path = 'article.md'): VFile {
  const file = new VFile({path, value})
  processor.runSync(processor.parse(file), file)
  return file
}

/**
 * The speaker of each quote found in `value`, in order ('' for none); each quote's offsets must
 * hold its text.
 */
export function speakersOf(value: string): string[] {
  const quotes = extract(value).data.quotes ?? []
  for (const quote of quotes) expect(value.slice(quote.start, quote.end)).toBe(quote.text)
  return quotes.map((quote) => quote.speaker)
}

/** Each case is a text and the speakers its quotes must have, in order. */
export function expectSpeakers(cases: Array<[string, string[]]>): void {
  for (const [text, expected] of cases) expect(speakersOf(text), text).toEqual(expected)
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

/** The figures of `value` as [value, unit] pairs (values to 6 decimals); each text matches its span. */
export function readFigures(value: string): Array<[Figure['value'], string]> {
  const figures = extract(value).data.figures ?? []
  for (const figure of figures) expect(value.slice(figure.start, figure.end)).toBe(figure.text)
  // Six decimals, or six significant digits for the very small ("9.11×10⁻³¹").
  const six = (value: number) => (value !== 0 && Math.abs(value) < 1e-3 ? Number(value.toPrecision(6)) : Math.round(value * 1e6) / 1e6)
  return figures.map((figure) => [Array.isArray(figure.value) ? [six(figure.value[0]), six(figure.value[1])] : six(figure.value), figure.unit])
}

/** Each sentence gives exactly the [value, unit] figures expected, in order. */
export function check(cases: Array<[string, Array<[Figure['value'], string]>]>) {
  for (const [text, expected] of cases) expect(readFigures(text), text).toEqual(expected)
}
