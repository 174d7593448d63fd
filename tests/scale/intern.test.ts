import {serialize} from 'node:v8'
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

describe('narrowing long strings', () => {
  // v8.serialize writes a one-byte string with the tag '"' and a two-byte one with 'c'.
  const width = (text: string) => {
    const bytes = serialize(text)
    let at = 2
    while (bytes[at] === 0) at++
    return String.fromCharCode(bytes[at]!) === '"' ? 1 : 2
  }

  it('stores a Latin-1 string cut from a two-byte text at one byte a character, unchanged', () => {
    const article = '“Quoted,” she said. ' + 'Prices rose by 4% in the week after the storm. '.repeat(3)
    const sentence = article.slice(20)
    expect(width(sentence)).toBe(2)
    const {text} = createInterner()({text: sentence})
    expect(text).toBe(sentence)
    expect(width(text)).toBe(1)
  })

  it('leaves a string with a character beyond Latin-1 as it is', () => {
    const sentence = '“We will rebuild,” the mayor said on Tuesday, after the storm passed.'
    const {text} = createInterner()({text: sentence})
    expect(text).toBe(sentence)
    expect(width(text)).toBe(2)
  })
})
