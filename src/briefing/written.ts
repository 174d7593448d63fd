import type {TermCount} from './term-bag.js'
import {asciiWordChars, singular, stopWords, upperAt, wordEnd, wordKey} from '../words.js'

/**
 * Words as written, known for the whole run: a build meets the same few thousand again and again,
 * in every article, so what the briefing stages read of a word (its key, its term, its capital) is
 * worked out once. A word is found straight from the text it stands in (its place, no copy made),
 * in a table of its own hash: cutting each word out and hashing the copy cost more than all the
 * rest of reading it.
 */
export interface Written {
  surface: string
  /** The word as `wordKey` writes it, itself a written word (the form of a word not capitalised). */
  key: Written
  /** Its term: its singular; null for a number or a function word. */
  term: Term | null
  /** It starts with a capital. */
  upper: boolean
  /** Its name key when it names something (`lead.ts`), "" when it names nothing; worked out when first asked. */
  name: string | undefined
  hash: number
}

/** A term (a content word's singular) known for the whole run, with its count in the article `termBag` is reading (`stamp` says which). */
export interface Term {
  text: string
  /** Cut to six letters, so that "negotiations" meets "negotiators" (scoring's headline words). */
  stem: string
  stamp: number
  local: TermCount | undefined
}

/**
 * Emptied when it holds this many words, so that a stream of odd words cannot grow it; never while
 * `termBag` reads an article, which counts on a word staying one object (and a term one count) until it is done.
 */
const cap = 100_000
const terms = new Map<string, Term>()
// Open addressing, never more than half full: a slot holds its word itself, not its place in a
// list, as every word looked up is one more read from memory, the cost of the whole table.
let slots = new Array<Written | undefined>(1 << 14).fill(undefined)
let count = 0
let holding = 0

/** Runs `read` with every word it meets kept as one object until it returns. */
export function holdingWords<T>(read: () => T): T {
  if (count >= cap) empty()
  holding++
  try {
    return read()
  } finally {
    holding--
  }
}

function empty() {
  count = 0
  terms.clear()
  slots = new Array<Written | undefined>(1 << 14).fill(undefined)
}

/** The written word at `start`…`stop` of `text`. */
export function writtenAt(text: string, start: number, stop: number): Written {
  let hash = 0x811c9dc5
  for (let at = start; at < stop; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  return found(text, start, stop, hash)
}

/**
 * The written word that starts at `start` of `text` and ends where `wordEnd` ends it (before
 * `end`): its surface's length is the word's. Hashed while its end is found, so that a word's
 * characters are read once before the table compares them.
 */
export function wordAt(text: string, start: number, end: number): Written {
  let hash = 0x811c9dc5
  let at = start
  for (let code = text.charCodeAt(at); at < end && code < 0x80 && asciiWordChars[code] === 1; code = text.charCodeAt(++at)) hash = Math.imul(hash ^ code, 0x01000193)
  // Past the ASCII letters and digits stands a hyphen, an apostrophe or another script: `wordEnd` knows where those words end.
  const code = text.charCodeAt(at)
  if (at < end && (code >= 0x80 || code === 45 || code === 39)) {
    const stop = wordEnd(text, start, end)
    for (; at < stop; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  }
  return found(text, start, at, hash)
}

function found(text: string, start: number, stop: number, hash: number): Written {
  if (holding === 0 && count >= cap) empty()
  const length = stop - start
  const mask = slots.length - 1
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const word = slots[slot]
    if (!word) return add(text.slice(start, stop), hash, slot)
    if (word.hash === hash && word.surface.length === length && sameAt(text, start, word.surface)) return word
  }
}

/** True when `text` has `part` at `start` (`startsWith`, several times faster on words this short). */
function sameAt(text: string, start: number, part: string) {
  for (let at = 0; at < part.length; at++) if (text.charCodeAt(start + at) !== part.charCodeAt(at)) return false
  return true
}

/** The written word `surface`. */
export function written(surface: string): Written {
  return writtenAt(surface, 0, surface.length)
}

function add(surface: string, hash: number, slot: number): Written {
  // Every field set from the start (`name` too): all words are then one shape of object.
  const word: Written = {surface, key: undefined as unknown as Written, term: null, upper: upperAt(surface, 0), name: undefined, hash}
  slots[slot] = word
  if (++count * 2 > slots.length) grow()
  const key = wordKey(surface)
  word.key = key === surface ? word : written(key)
  // A word's term: its singular, or none for a number or a function word ("/^\d/" also covers "3,000" and "1.5").
  const text = key.length >= 3 && !/^\d/.test(key) && !stopWords.has(key) ? singular(key) : ''
  if (text) {
    let term = terms.get(text)
    if (!term) terms.set(text, (term = {text, stem: text.slice(0, 6), stamp: 0, local: undefined}))
    word.term = term
  }
  return word
}

function grow() {
  const old = slots
  slots = new Array<Written | undefined>(old.length * 2).fill(undefined)
  const mask = slots.length - 1
  for (const word of old) {
    if (!word) continue
    let slot = word.hash & mask
    while (slots[slot]) slot = (slot + 1) & mask
    slots[slot] = word
  }
}
