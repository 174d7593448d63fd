/**
 * Scoring figures against hand-written truth (the dev set and figures-2): each expected figure is
 * matched to an extracted one of the same value, preferring one with an accepted unit; what is left
 * over on either side is a miss or a figure that is not one.
 */
import pluralize from 'pluralize'
import {extract, fold, round} from './helpers.js'

export interface FigureTruth {
  sentence: string
  figures: Array<{value: number | [number, number]; unit: string[]}>
}

export interface FigureScores {
  sentences: number
  figures: number
  precision: number
  recall: number
  valueF1: number
  valueUnitF1: number
}

/** Fold a unit for comparing: case, number, British and American spelling ("kilometres"). */
function foldUnit(unit: string): string {
  return fold(unit)
    .split(/[\s-]+/u)
    .map((word) => pluralize.singular(word).replace(/(met|lit)re$/u, '$1er'))
    .join(' ')
}

function sameValue(a: number | [number, number], b: number | [number, number]): boolean {
  const [a0, a1] = Array.isArray(a) ? a : [a, a]
  const [b0, b1] = Array.isArray(b) ? b : [b, b]
  return Math.abs(a0 - b0) < 1e-6 && Math.abs(a1 - b1) < 1e-6
}

/** Extract each sentence alone and score it; `wrong` lists every miss, wrong unit and extra. */
export function scoreFigures(gold: FigureTruth[]): {scores: FigureScores; wrong: string[]} {
  const totals = {expected: 0, extracted: 0, values: 0, units: 0}
  const wrong: string[] = []
  for (const truth of gold) {
    const figures = extract(truth.sentence).data.figures ?? []
    totals.extracted += figures.length
    totals.expected += truth.figures.length
    const used = new Set<number>()
    for (const expected of truth.figures) {
      const units = new Set(expected.unit.map(foldUnit))
      const candidates = figures.flatMap((figure, index) =>
        !used.has(index) && sameValue(figure.value, expected.value) ? [index] : []
      )
      // The figure with the right unit when there is one, else any of the same value.
      const index = candidates.find((at) => units.has(foldUnit(figures[at]!.unit))) ?? candidates[0]
      if (index === undefined) {
        wrong.push(`missed ${JSON.stringify(expected.value)} ${expected.unit[0]} :: ${truth.sentence.slice(0, 90)}`)
        continue
      }
      used.add(index)
      totals.values++
      if (units.has(foldUnit(figures[index]!.unit))) totals.units++
      else wrong.push(`unit "${figures[index]!.unit}" ≠ ${JSON.stringify(expected.unit)} :: ${truth.sentence.slice(0, 90)}`)
    }
    for (const [index, figure] of figures.entries())
      if (!used.has(index))
        wrong.push(`not a figure ${JSON.stringify(figure.value)} "${figure.unit}" (${figure.text}) :: ${truth.sentence.slice(0, 90)}`)
  }
  const f1 = (right: number) => round((2 * right) / Math.max(1, totals.expected + totals.extracted))
  return {
    scores: {
      sentences: gold.length,
      figures: totals.expected,
      precision: round(totals.values / Math.max(1, totals.extracted)),
      recall: round(totals.values / Math.max(1, totals.expected)),
      valueF1: f1(totals.values),
      valueUnitF1: f1(totals.units)
    },
    wrong
  }
}
