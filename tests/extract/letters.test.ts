/**
 * The cased-letter test the character scans share (`hasCase`) remembers its answer per code: it
 * must give the answer of its definition for every UTF-16 code, the first time and after.
 */
import {describe, expect, it} from 'vitest'
import {hasCase} from '../../src/extract/letters.js'

describe('hasCase', () => {
  it('says whether a character has two cases, for every UTF-16 code, asked twice', () => {
    const wrong: number[] = []
    for (let round = 0; round < 2; round++) {
      for (let code = 0; code < 0x10000; code++) {
        const char = String.fromCharCode(code)
        if (hasCase(code) !== (char.toLowerCase() !== char.toUpperCase())) wrong.push(code)
      }
    }
    expect(wrong).toEqual([])
    expect([hasCase(0x41), hasCase(0xe9), hasCase(0x3b1), hasCase(0x44f), hasCase(0x31), hasCase(0xd7), hasCase(0x201c)]).toEqual([
      true, true, true, true, false, false, false
    ])
  })
})
