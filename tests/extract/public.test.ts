/**
 * Public test cases from other projects: textacy's direct quotations (English cases) and
 * quantulum3's quantities. They are written for other purposes (quantulum3 measures physical
 * units and counts years as quantities, which a news digest does not), so the scores are printed
 * and held at floors just under what the extractor reaches, to catch regressions and crashes.
 */
import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {extract, fold, quotesMatch, round} from './helpers.js'

const fixtures = new URL('../fixtures/eval/public/', import.meta.url)

interface TextacyCase {
  lang: string
  text: string
  expected: Array<{speaker: string[]; cue: string[]; content: string}>
}

interface QuantulumCase {
  req: string
  res: Array<{value: number; unit: string; surface: string}>
}

const pronouns = new Set(['he', 'she', 'they', 'we', 'i'])

describe('textacy direct quotations (English)', () => {
  const cases = (
    JSON.parse(readFileSync(new URL('textacy/direct_quotations_cases.json', fixtures), 'utf8')) as TextacyCase[]
  ).filter((item) => item.lang === 'en')
  const totals = {expected: 0, found: 0, extracted: 0, right: 0, speakers: 0, cues: 0}

  // A crash on any case fails the suite here; the scores are held below.
  beforeAll(() => {
    for (const item of cases) {
      const quotes = extract(item.text).data.quotes ?? []
      totals.extracted += quotes.length
      totals.right += quotes.filter((quote) =>
        item.expected.some((truth) => quotesMatch(quote.text, truth.content))
      ).length
      for (const truth of item.expected) {
        totals.expected++
        const quote = quotes.find((candidate) => quotesMatch(candidate.text, truth.content))
        if (!quote) continue
        totals.found++
        const speaker = quote.speaker.toLowerCase()
        // A pronoun in the truth is right when resolved to a name, as the contract asks.
        if (
          truth.speaker.some(
            (name) => speaker.includes(name.toLowerCase()) || (pronouns.has(name.toLowerCase()) && speaker !== '')
          )
        )
          totals.speakers++
        if (truth.cue.some((cue) => fold(quote.cue ?? '') === fold(cue))) totals.cues++
      }
    }
  })

  it('prints and holds the scores', () => {
    const scores = {
      precision: round(totals.right / Math.max(1, totals.extracted)),
      recall: round(totals.found / Math.max(1, totals.expected)),
      speaker: round(totals.speakers / Math.max(1, totals.found)),
      cue: round(totals.cues / Math.max(1, totals.found))
    }
    console.log(`textacy (${cases.length} English cases): ${JSON.stringify(scores)}`)
    expect(scores.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores.recall).toBeGreaterThanOrEqual(0.95)
    // "he conceded" with nobody named before: the contract asks for "" rather than a pronoun.
    expect(scores.speaker).toBeGreaterThanOrEqual(0.8)
    expect(scores.cue).toBeGreaterThanOrEqual(0.95)
  })
})

describe('quantulum3 quantities', () => {
  const cases = JSON.parse(readFileSync(new URL('quantulum3/quantities.json', fixtures), 'utf8')) as QuantulumCase[]
  const totals = {expected: 0, found: 0, extracted: 0, right: 0, units: 0}

  // quantulum3 gives a range as its middle value.
  function valueOf(value: number | [number, number]): number {
    return Array.isArray(value) ? (value[0] + value[1]) / 2 : value
  }

  function sameUnit(ours: string, theirs: string): boolean {
    if (theirs === 'dimensionless') return ours === ''
    const a = fold(ours).replace(/percent(age)?/u, 'percent')
    const b = fold(theirs).replace(/percentage/u, 'percent')
    return a !== '' && (a.startsWith(b.slice(0, 5)) || b.startsWith(a.slice(0, 5)))
  }

  // A crash on any case fails the suite here; the scores are held below.
  beforeAll(() => {
    for (const item of cases) {
      const figures = extract(item.req).data.figures ?? []
      totals.extracted += figures.length
      totals.right += figures.filter((figure) =>
        item.res.some((truth) => Math.abs(valueOf(figure.value) - truth.value) < 1e-6)
      ).length
      for (const truth of item.res) {
        totals.expected++
        const figure = figures.find((candidate) => Math.abs(valueOf(candidate.value) - truth.value) < 1e-6)
        if (!figure) continue
        totals.found++
        if (sameUnit(figure.unit, truth.unit)) totals.units++
      }
    }
  })

  it('prints and holds the scores', () => {
    const scores = {
      precision: round(totals.right / Math.max(1, totals.extracted)),
      recall: round(totals.found / Math.max(1, totals.expected)),
      unit: round(totals.units / Math.max(1, totals.found))
    }
    console.log(`quantulum3 (${cases.length} cases): ${JSON.stringify(scores)}`)
    // Measured: precision 0.91, recall 0.831, unit 0.789 (0.89 / 0.824 / 0.779 before rates, an
    // uncertainty read with its value and spaced thousands; "several hundred years", a figure to
    // us, is none to quantulum3; 0.768 / 0.709 / 0.629 before scientific
    // notation, fractions in words, second-bound units and compound units; 0.723 / 0.655 / 0.629
    // before unit symbols, currencies and ranges; quantulum3 counts years as quantities, which we
    // do not).
    expect(scores.precision).toBeGreaterThanOrEqual(0.905)
    expect(scores.recall).toBeGreaterThanOrEqual(0.825)
    expect(scores.unit).toBeGreaterThanOrEqual(0.78)
  })
})
