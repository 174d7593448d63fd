import {describe, expect, it} from 'vitest'
import {createInterner} from '../../src/extract/intern.js'

describe('interning what the workers send back', () => {
  it('leaves every value as it was: strings short and long, numbers, nulls, nested arrays and objects', () => {
    const make = () => ({
      article: {id: 'a-1', title: 'A headline much longer than forty characters, left alone', quotes: [{text: 'We will', speaker: 'Anna Berg', reasons: [{name: 'length', points: 1.5}, {name: 'speaker', points: 0.5, detail: 'named'}]}]},
      figures: [{value: [1, 2], unit: 'percent', per: undefined, qualifier: null}],
      messages: [],
      cached: true
    })
    const intern = createInterner()
    const batches = [make(), make(), make()]
    for (const batch of batches) expect(intern(batch)).toEqual(make())
    // Returned as given (in place), so a caller may intern a result where it stands.
    const one = make()
    expect(intern(one)).toBe(one)
    expect(Object.keys(intern(make()).figures[0]!)).toEqual(['value', 'unit', 'per', 'qualifier'])
  })
})
