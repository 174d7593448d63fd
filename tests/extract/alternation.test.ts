/**
 * `byFirstLetter` regroups an alternation for speed: it must find the same first match as the
 * flat list everywhere, including where one word is a prefix of another and the order of the
 * list decides which one a pattern takes.
 */
import {describe, expect, it} from 'vitest'
import {byFirstLetter} from '../../src/extract/alternation.js'

// Every match of `source` in `text` as [index, text] pairs.
function matches(source: string, text: string, flags = 'g'): Array<[number, string]> {
  return [...text.matchAll(new RegExp(source, flags))].map((match) => [match.index, match[0]])
}

const text = 'Ten tenth tenfold; the seven seventeen sevens, Seventy-one said a sixteen-year-old. six sixty Eight eighty'

describe('byFirstLetter', () => {
  it('takes the word the flat list takes, prefixes first or last', () => {
    const words = ['six', 'sixteen', 'sixty', 'seven', 'seventeen', 'seventy', 'ten', 'tenth', 'eight', 'eighty', 'said']
    const longestFirst = [...words].sort((a, b) => b.length - a.length)
    for (const list of [words, longestFirst]) {
      for (const tail of ['', String.raw`\b`, String.raw`(?:-one)?(?:\b|(?=fold\b))`]) {
        expect(matches(byFirstLetter(list) + tail, text)).toEqual(matches(`(?:${list.join('|')})` + tail, text))
        expect(matches(byFirstLetter(list) + tail, text, 'gi')).toEqual(matches(`(?:${list.join('|')})` + tail, text, 'gi'))
        const capitalised = list.map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|')
        expect(matches(byFirstLetter(list, true) + tail, text)).toEqual(matches(`(?:${capitalised})` + tail, text))
      }
    }
    // The prefixes decide: the flat list takes "six" in "sixteen" unless a boundary must follow.
    expect(matches(byFirstLetter(words), 'sixteen')).toEqual([[0, 'six']])
    expect(matches(byFirstLetter(words) + String.raw`\b`, 'sixteen')).toEqual([[0, 'sixteen']])
  })

  it('refuses a word it cannot group', () => {
    expect(() => byFirstLetter(['one', '(two)'])).toThrow(/does not open with a letter/)
    expect(() => byFirstLetter(['One'], true)).toThrow(/lower case/)
  })
})
