/**
 * The cheap tests that spare the name index its reading (src/extract/name-search.ts) may only ever
 * let too much through: each is checked against what it stands in for.
 */
import {describe, expect, it} from 'vitest'
import {plain} from '../../src/extract/name-words.js'
import {mayBeFuller, mayOpenRun, mayOpenSpeech, plainLetters} from '../../src/extract/name-search.js'
import {speechVerbFirstWords} from '../../src/extract/speech.js'

// What `mayOpenSpeech` replaced: a sticky regex and a look-up of the word it reads.
function byRegex(text: string, after: number): boolean {
  const next = /,?\s+([a-z]+)/y
  next.lastIndex = after
  const match = next.exec(text)
  if (!match) return false
  if (next.lastIndex >= after + 24) return true
  const word = match[1]!
  return speechVerbFirstWords.has(word) || word === 'also' || word === 'later' || word === 'then'
}

describe('mayOpenSpeech', () => {
  it('answers as the regex it replaces, after every UTF-16 code as the space', () => {
    const wrong: number[] = []
    for (let code = 0; code < 0x10000; code++) {
      const space = String.fromCharCode(code)
      for (const text of [`Smith${space}said`, `Smith,${space}told`, `Smith${space}${space}went`, `Smith${space}Jones`, `Smith,${space}`])
        if (mayOpenSpeech(text, 5) !== byRegex(text, 5)) wrong.push(code)
    }
    expect(wrong).toEqual([])
  })

  it('leaves a word cut at 24 characters to the regex after it', () => {
    const text = 'Smith                    abcdefghij'
    expect(mayOpenSpeech(text, 5)).toBe(byRegex(text, 5))
    expect(mayOpenSpeech('Smith, said', 5)).toBe(true)
    expect(mayOpenSpeech('Smith,said', 5)).toBe(false)
  })
})

describe('plainLetters', () => {
  it('keeps in step with the text, and spells in ASCII what plain() spells in ASCII, or gives up', () => {
    const wrong: number[] = []
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code)
      const folded = plainLetters(`ab${char}cd`)
      if (folded === '') continue
      const ascii = /^[\x00-\x7f]+$/.test(plain(char))
      if (folded.length !== 5 || (ascii && folded !== `ab${plain(char)}cd`)) wrong.push(code)
    }
    expect(wrong).toEqual([])
    expect(plainLetters('Recep Tayyip Erdoğan')).toBe('Recep Tayyip Erdogan')
    expect(plainLetters('No accent here')).toBe('No accent here')
    // A mark of its own, or a character outside the basic plane: not kept in step.
    expect(plainLetters('Erdoğan e\u0301')).toBe('')
    expect(plainLetters('Erdoğan 😀')).toBe('')
  })
})

describe('mayOpenRun', () => {
  it('finds the two words only before a third name word', () => {
    expect(mayOpenRun('Te Kaurinui Robert Parata spoke.', 'Te', 'Kaurinui')).toBe(true)
    expect(mayOpenRun('Ludwig van Beethoven wrote it.', 'Ludwig', 'van')).toBe(true)
    expect(mayOpenRun('Jo Anne van Tilburg said so.', 'Jo', 'Anne')).toBe(true)
    expect(mayOpenRun('John\u00a0Smith Jr. said so.', 'John', 'Smith')).toBe(true)
    expect(mayOpenRun('John Smith said so. Smith Jones left.', 'John', 'Smith')).toBe(false)
    expect(mayOpenRun('Anna Smith, the mayor, spoke.', 'Anna', 'Smith')).toBe(false)
  })
})

describe('mayBeFuller', () => {
  const fuller = (text: string, surname: string, from = 0) => mayBeFuller(text, plainLetters(text), surname, from)

  it('lets through a surname that ends or opens a longer name', () => {
    expect(fuller('Later, President Smith spoke.', 'Smith')).toBe(true)
    expect(fuller('A letter from Jane Smith arrived.', 'Smith')).toBe(true)
    expect(fuller('The poet de Miranda wrote.', 'Miranda')).toBe(true)
    expect(fuller('Fiona Parry spoke.', 'Fiona')).toBe(true)
    expect(fuller('Recep Tayyip Erdoğan spoke.', 'Erdogan')).toBe(true)
    expect(fuller('O’Leary spoke.', 'O’Leary')).toBe(true)
  })

  it('passes over a surname that stands alone, or before `from`', () => {
    expect(fuller('Reuters reported it. Officials told Reuters on Monday.', 'Reuters')).toBe(false)
    expect(fuller('“We won,” said Smith, who left.', 'Smith')).toBe(false)
    expect(fuller('Jane Smith spoke; she thanked Smith.', 'Smith', 12)).toBe(false)
  })
})
