import {describe, expect, it} from 'vitest'
import {countWords, nextWord, plural, sentenceAround, sentenceBounds, sentences, singular, upperAt, wordEnd, wordPattern, wordSet, words} from '../../src/words.js'

describe('plural', () => {
  it('is the inverse of singular for the counted nouns of news', () => {
    for (const word of ['hostage', 'casualty', 'bench', 'box', 'storey', 'prisoner']) expect(singular(plural(word))).toBe(word)
    expect(['person', 'child', 'woman', 'foot', 'percent', 'four-day'].map(plural)).toEqual(['people', 'children', 'women', 'feet', 'percent', 'four-days'])
  })
})

describe('the word scanner', () => {
  // Letters and digits of several scripts and planes, marks, joiners, spaces and punctuation:
  // every kind of code point the scanner reads differently from plain ASCII.
  const alphabet = ['a', 'Z', 'é', 'ß', 'İ', 'Σ', 'ж', 'ש', 'ع', '中', 'ǅ', '٣', '²', '½', 'Ⅻ', '𝐀', '𝟘', '😀', '\u0301', '-', "'", '’', ' ', '\u00a0', '\u2009', '\n', '.', ',', '“', '”', '(', '$', '\ud800', '\udc00', '7']
  const reference = (text: string) => [...text.matchAll(wordPattern)].map((match) => ({word: match[0].toLowerCase().replace(/’/g, "'"), surface: match[0], index: match.index}))
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const texts = Array.from({length: 3000}, () => Array.from({length: Math.floor(random() * 40)}, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
  texts.push("Hostages’ families — 135 hostages, cease-fire's end; U.S.-led talks’ ", 'Jarosław Kaczyński, Polák, 𝔊𝔞𝔷𝔞 -x- x-- --x 1-2-3 a’’b a\'-b')

  it('finds what the word pattern finds, on text of many scripts and planes', () => {
    for (const text of texts) {
      expect(words(text), JSON.stringify(text)).toEqual(reference(text))
      expect(countWords(text)).toBe(reference(text).length)
      expect(wordSet(text)).toEqual(new Set(reference(text).map((entry) => entry.word)))
    }
  })

  it('reads a range of the text as the pattern reads that range cut out', () => {
    for (const text of texts.slice(0, 500)) {
      const from = Math.floor(random() * text.length)
      const to = from + Math.floor(random() * (text.length - from + 1))
      const found: [number, number][] = []
      for (let start = nextWord(text, from, to); start >= 0; start = nextWord(text, found.at(-1)![1], to)) found.push([start, wordEnd(text, start, to)])
      expect(found.map(([start, end]) => [start - from, text.slice(start, end)])).toEqual(reference(text.slice(from, to)).map((entry) => [entry.index, entry.surface]))
    }
  })

  it('knows capitals as \\p{Lu} does', () => {
    for (const text of texts.slice(0, 500)) for (let at = 0; at < text.length; at++) expect(upperAt(text, at)).toBe(/^\p{Lu}/u.test(text.slice(at)))
  })
})

describe('sentences', () => {
  it('splits after a stop before a capital, not after an abbreviation, with each sentence trimmed and its start', () => {
    const text = '  Mr. Smith went to the U.S. on Monday. “Then,” he said, “we left!” (It rained.) 12 people came.\n '
    expect(sentences(text)).toEqual([
      {text: 'Mr. Smith went to the U.S. on Monday.', start: 0},
      {text: '“Then,” he said, “we left!”', start: 39},
      {text: '(It rained.)', start: 67},
      {text: '12 people came.', start: 80}
    ])
    expect(sentenceBounds(text)).toEqual([0, 39, 39, 67, 67, 80, 80, 98])
    expect(sentences('Done. \n\t ')).toEqual([{text: 'Done.', start: 0}])
    expect(sentenceAround(text, 'rained')).toBe('(It rained.)')
    expect(sentenceAround(text, 'nowhere')).toBe(text)
  })
})
