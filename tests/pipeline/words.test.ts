import {describe, expect, it} from 'vitest'
import {plural, singular} from '../../src/words.js'

describe('plural', () => {
  it('is the inverse of singular for the counted nouns of news', () => {
    for (const word of ['hostage', 'casualty', 'bench', 'box', 'storey', 'prisoner']) expect(singular(plural(word))).toBe(word)
    expect(['person', 'child', 'woman', 'foot', 'percent', 'four-day'].map(plural)).toEqual(['people', 'children', 'women', 'feet', 'percent', 'four-days'])
  })
})
