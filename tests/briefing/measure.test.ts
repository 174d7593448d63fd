import {describe, expect, it} from 'vitest'
import {measureOf, type Measure} from '../../src/briefing/measure.js'
import type {Figure} from '../../src/types.js'

const figure = (sentence: string, text: string, value: number, unit: string): Figure => {
  const start = sentence.indexOf(text)
  return {value, unit, text, sentence, start, end: start + text.length, score: 1, reasons: []}
}
const label = (measure: Measure | undefined) => measure?.label

describe('measureOf', () => {
  it('finds the counted noun past adjectives and generic nouns, and folds synonyms', () => {
    expect(label(measureOf(figure('Hamas is believed to hold at least 199 people hostage, guarded by gunmen.', 'at least 199 people', 199, 'people')))).toBe('hostages held')
    // A state of what is counted is part of the measure: living captives are not all captives.
    expect(label(measureOf(figure('Approximately 24 living captives are held in Gaza.', '24 living', 24, 'living')))).toBe('living hostages held')
    expect(label(measureOf(figure('The army called up about 360,000 reservists.', 'about 360,000 reservists', 360000, 'reservists')))).toBe('soldiers')
  })

  it('reads what happened from the figure’s own clause only', () => {
    const sentence = 'There had been 2741 confirmed cases, 80 deaths, and 461 severe cases in China.'
    expect(label(measureOf(figure(sentence, '2741 confirmed', 2741, 'confirmed')))).toBe('cases')
    expect(label(measureOf(figure(sentence, '80 deaths', 80, 'deaths')))).toBe('deaths')
    expect(label(measureOf(figure('The attack killed more than 1,400 people, Qatar said.', 'more than 1,400 people', 1400, 'people')))).toBe('people killed')
  })

  it('lends the noun of an earlier figure in the sentence to one that names none, or a generic one', () => {
    const sentence = 'Officials believe 135 hostages are still in Gaza, with 116 confirmed to be alive, and 35 deceased individuals.'
    const first = measureOf(figure(sentence, '135 hostages', 135, 'hostages'))
    expect(first).toMatchObject({key: 'hostage·held·', explicit: true})
    expect(measureOf(figure(sentence, '116 confirmed', 116, 'confirmed'), first)).toMatchObject({key: 'hostage·held·living', certainty: 'confirmed', explicit: false})
    expect(measureOf(figure(sentence, '35 deceased', 35, 'deceased'), first)).toMatchObject({key: 'hostage·killed·dead', explicit: false})
  })

  it('finds nothing counted next to a number that counts nothing', () => {
    expect(measureOf(figure('The abductions on Oct. 7 were stunning.', '7 were', 7, 'were'))).toBeUndefined()
  })
})
