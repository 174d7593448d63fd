/**
 * The intrinsic score of a figure, with its reasons (the rule is in the docblock of figures.ts).
 */
import type {Figure, Reason} from '../types.js'
import {positionReason} from './article.js'
import {humans} from './figure-nouns.js'
import {currencyWords} from './units.js'

const demonym = /(?:ans|is|ese|ers)$/
export const moneyUnits = new Set([...currencyWords.values(), 'percent', 'percentage points'])

// The end of the first word of a unit ("men" in "men, women, and children").
function firstBreak(unit: string): number {
  for (let index = 0; index < unit.length; index++) {
    const code = unit.charCodeAt(index)
    if (code === 32 || code === 44) return index
  }
  return unit.length
}

export function scoreFigure(figure: Figure, age: boolean, inherited: boolean, position: number): Reason[] {
  const reasons: Reason[] = []
  const unit = figure.unit
  const head = unit.slice(0, firstBreak(unit))
  const last = unit.slice(unit.lastIndexOf(' ') + 1)
  const people = humans.has(head.toLowerCase()) || (last !== last.toLowerCase() && demonym.test(last))
  const money = moneyUnits.has(unit)
  const unitPoints = unit === '' ? -0.5 : people ? 1 : money ? 0.75 : 0.5
  reasons.push({
    name: 'unit',
    points: unitPoints,
    detail:
      unit === ''
        ? 'no unit found'
        : `${people ? 'people' : money ? 'money or percent' : 'counts'}: ${unit}${inherited ? ' (from the figure before)' : ''}`
  })
  if (figure.qualifier) reasons.push({name: 'hedge', points: 0.5, detail: figure.qualifier})
  const value = Array.isArray(figure.value) ? figure.value[1] : figure.value
  reasons.push({
    name: 'magnitude',
    points: round(Math.min(1, Math.log10(Math.max(1, value)) / 6)),
    detail: String(value)
  })
  reasons.push(positionReason(position))
  if (age) reasons.push({name: 'age', points: -1, detail: 'an age'})
  return reasons
}

export function round(value: number): number {
  return Math.round(value * 100) / 100
}