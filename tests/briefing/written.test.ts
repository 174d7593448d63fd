import {describe, expect, it} from 'vitest'
import {termBag} from '../../src/briefing/term-bag.js'
import {written, writtenAt} from '../../src/briefing/written.js'
import {singular, stopWords, upperAt, wordKey} from '../../src/words.js'

describe('words as written, known for the run', () => {
  it('finds one word wherever it stands, with what words.ts says of it', () => {
    const text = 'The Hostages’ families said hostages, and 3,000 more, were freed.'
    const at = (word: string, from = 0) => writtenAt(text, text.indexOf(word, from), text.indexOf(word, from) + word.length)
    expect(at('hostages')).toBe(written('hostages'))
    expect(at('Hostages’')).not.toBe(at('hostages'))
    for (const surface of ['The', 'Hostages’', 'families', 'hostages', '3,000', 'freed']) {
      const word = at(surface)
      expect(word.surface).toBe(surface)
      expect(word.key.surface).toBe(wordKey(surface))
      expect(word.key).toBe(written(wordKey(surface)))
      expect(word.upper).toBe(upperAt(surface, 0))
      const key = wordKey(surface)
      const content = key.length >= 3 && !/^\d/.test(key) && !stopWords.has(key)
      expect(word.term?.text ?? '').toBe(content ? singular(key) : '')
      if (word.term) expect(word.term.stem).toBe(singular(key).slice(0, 6))
    }
    // Two words of one term share it: "hostages" and "hostage" count together.
    expect(written('hostages').term).toBe(written('hostage').term)
  })

  it('keeps every word it was given as its table grows', () => {
    const surfaces = Array.from({length: 20_000}, (_, index) => `w${index.toString(36)}x`)
    const first = surfaces.map((surface) => written(surface))
    const text = surfaces.join(' ')
    let start = 0
    for (const [index, surface] of surfaces.entries()) {
      expect(writtenAt(text, start, start + surface.length)).toBe(first[index])
      start += surface.length + 1
    }
  })

  it('is emptied when full, outside an article being read', () => {
    const first = written('firstword')
    for (let index = 0; index < 110_000; index++) written(`e${index.toString(36)}y`)
    expect(written('firstword')).not.toBe(first)
    expect(written('firstword')).toEqual(first)
  })
})

describe('termBag', () => {
  const article = {title: 'Hostages freed in Gaza', paragraphs: ['Israel said the hostages were freed. The Hostages returned home, and Gaza hostages celebrated.']}

  it('writes each term once, in the order first met, with its count and the forms it was written in', () => {
    // The headline counts twice; a capital opening a sentence says nothing ("Hostages freed", "The Hostages" does);
    // a bigram is written as its words' line numbers, a form that is its term as "".
    expect(termBag(article).split('\n')).toEqual([
      'hostage\t5\thostages\t4\tHostages\t1',
      'freed\t3',
      '0 1\t2\thostages freed\t2',
      'gaza\t3\tGaza\t3',
      'israel\t1',
      'returned\t1',
      '0 5\t1\tHostages returned\t1',
      'home\t1',
      '5 7\t1',
      '3 0\t1\tGaza hostages\t1',
      'celebrated\t1',
      '0 10\t1\thostages celebrated\t1'
    ])
  })

  it('gives the same bag after the table of written words is emptied', () => {
    const before = termBag(article)
    // More distinct words than the table keeps: it is emptied before the next article.
    termBag({title: '', paragraphs: [Array.from({length: 110_000}, (_, index) => `q${index.toString(36)}z`).join(' ')]})
    expect(termBag(article)).toBe(before)
  })
})
