import {Buffer} from 'node:buffer'
import type {Article} from '../types.js'
import {holdingWords, wordAt, type Term, type Written} from './written.js'
import {nextNonSpace, nextWord, sentenceBounds} from '../words.js'

/**
 * An article's term counts for `deriveTopics`: singular unigrams and bigrams of adjacent content
 * words inside one sentence, the headline counted twice, each with the forms it was written in.
 * One line per term, in the order first met (`term TAB count TAB form TAB count …`): a string,
 * which a worker computes, the cache keeps and ten thousand articles hold in a fraction of the
 * memory of maps. Kept small, as every article's is held at once: a bigram is written as the
 * numbers of its words' lines (`12 7`), a form that is the term itself as "", and a term written
 * only as itself without forms. When `bodyWords` is given, every word of the paragraphs is added
 * to it as `wordKey` writes it (what `textKey` reads), so that an article's words are read once for both.
 */
export function termBag(article: Pick<Article, 'title' | 'paragraphs'>, bodyWords?: string[], onCapital?: Capitalised): string {
  return holdingWords(() => bagOf(article, bodyWords, onCapital))
}

function bagOf(article: Pick<Article, 'title' | 'paragraphs'>, bodyWords: string[] | undefined, onCapital: Capitalised | undefined): string {
  const stamp = ++bagStamp
  // Terms in the order first met.
  const terms: TermCount[] = []
  const read = (text: string, times: number, collect: string[] | undefined, paragraph: number) => {
    const bounds = sentenceBounds(text)
    for (let index = 0; index < bounds.length; index += 2) {
      const end = bounds[index + 1]!
      const first = nextNonSpace(text, bounds[index]!, end)
      let previous: TermCount | undefined
      let previousForm: Written | undefined
      for (let start = nextWord(text, first, end), stop = 0; start >= 0; start = nextWord(text, stop, end)) {
        const word = wordAt(text, start, end)
        stop = start + word.surface.length
        collect?.push(word.key.surface)
        if (word.upper && paragraph >= 0 && onCapital) onCapital(paragraph, text, start, stop, first, word)
        const term = word.term
        if (!term) {
          previous = undefined
          continue
        }
        let unigram = term.stamp === stamp ? term.local : undefined
        if (!unigram) {
          term.stamp = stamp
          term.local = unigram = termCount(term, undefined, terms.length, word, undefined)
          terms.push(unigram)
        }
        // A capital inside a sentence marks a name ("Samoa", "COVID-19"); at its start it says nothing.
        const form = start - first > 1 && word.upper ? word : word.key
        count(unigram, form, undefined, times)
        if (previous) {
          // Bigrams are found by their two terms, without writing their text; most words are
          // followed by one term only, kept beside them before a map is needed.
          let bigram = previous.nextTerm === unigram ? previous.nextBigram : previous.next?.get(unigram)
          if (!bigram) {
            bigram = termCount(undefined, [previous, unigram], terms.length, previousForm!, form)
            terms.push(bigram)
            if (!previous.nextTerm) {
              previous.nextTerm = unigram
              previous.nextBigram = bigram
            } else {
              previous.next ??= new Map()
              previous.next.set(unigram, bigram)
            }
          }
          count(bigram, previousForm!, form, times)
        }
        previous = unigram
        previousForm = form
      }
    }
  }
  read(article.title, 2, undefined, -1)
  for (const [index, paragraph] of article.paragraphs.entries()) read(paragraph, 1, bodyWords, index)
  // A form written as the term itself is left empty: most are, and the bag is half the size.
  const out = bagWriter
  out.length = 0
  for (const entry of terms) {
    if (entry.line > 0) out.byte(10)
    const pair = entry.pair
    if (pair) {
      out.number(pair[0].line)
      out.byte(32)
      out.number(pair[1].line)
    } else out.text(entry.term!.text)
    out.byte(9)
    out.number(entry.count)
    const firstIsTerm = pair ? entry.form.surface === pair[0].term!.text && entry.second!.surface === pair[1].term!.text : entry.form.surface === entry.term!.text
    if (entry.forms || !firstIsTerm) {
      out.byte(9)
      if (!firstIsTerm) {
        out.text(entry.form.surface)
        if (entry.second) {
          out.byte(32)
          out.text(entry.second.surface)
        }
      }
      out.byte(9)
      out.number(entry.formCount)
      if (entry.forms) {
        const term = pair ? `${pair[0].term!.text} ${pair[1].term!.text}` : entry.term!.text
        for (const [form, times] of entry.forms) {
          out.byte(9)
          if (form !== term) out.text(form)
          out.byte(9)
          out.number(times)
        }
      }
    }
  }
  return out.toString()
}

/**
 * Writes a bag as bytes, one a character, into one buffer kept for the run: building a line per
 * term as a string and joining them cost more than reading the article. A character beyond
 * Latin-1 (a "’" in a form, a name in another script) is written as \u0001 and four hex digits of
 * the code unit, so that the bag stays a one-byte string; no word holds a control character.
 */
class BagWriter {
  bytes = Buffer.allocUnsafe(1 << 16)
  length = 0

  byte(code: number) {
    if (this.length === this.bytes.length) this.grow(1)
    this.bytes[this.length++] = code
  }

  text(text: string) {
    // Each code unit takes at most five bytes.
    if (this.length + 5 * text.length > this.bytes.length) this.grow(5 * text.length)
    const bytes = this.bytes
    for (let at = 0; at < text.length; at++) {
      const unit = text.charCodeAt(at)
      if (unit <= 0xff) {
        bytes[this.length++] = unit
        continue
      }
      bytes[this.length++] = 1
      for (let shift = 12; shift >= 0; shift -= 4) bytes[this.length++] = hexDigits.charCodeAt((unit >> shift) & 15)
    }
  }

  /** A count or a line's number, in decimal: its digits written one by one, no string made. */
  number(value: number) {
    let digits = 1
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++
    if (this.length + digits > this.bytes.length) this.grow(digits)
    this.length += digits
    for (let at = this.length - 1, rest = value; at >= this.length - digits; at--, rest = Math.floor(rest / 10)) this.bytes[at] = 48 + (rest % 10)
  }

  toString() {
    return this.bytes.toString('latin1', 0, this.length)
  }

  private grow(more: number) {
    const bytes = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + more))
    this.bytes.copy(bytes, 0, 0, this.length)
    this.bytes = bytes
  }
}

const hexDigits = '0123456789abcdef'
const bagWriter = new BagWriter()

/** A bag's text as written, its characters beyond Latin-1 restored. */
export function unescapeBag(text: string) {
  return text.includes('\u0001') ? text.replace(/\u0001([\da-f]{4})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text
}


/** Called with each capitalised word of a paragraph as `eachCapitalised` meets it (and the word as written), and the paragraph's place in `article.paragraphs`. */
export type Capitalised = (paragraph: number, text: string, start: number, stop: number, sentenceStart: number, word: Written) => void

let bagStamp = 0

/** A term's count in one article: its first written form counted apart, since most terms have no other. */
export interface TermCount {
  /** A word's term, or a bigram's two words' counts. */
  term: Term | undefined
  pair: [TermCount, TermCount] | undefined
  /** Its line's number in the bag. */
  line: number
  count: number
  /** The first form: a word, or a bigram's two words. */
  form: Written
  second: Written | undefined
  formCount: number
  /** The other forms, in the order first met. */
  forms: Map<string, number> | undefined
  /** The bigrams this term opens, by the term that follows: the first one, then the others. */
  nextTerm: TermCount | undefined
  nextBigram: TermCount | undefined
  next: Map<TermCount, TermCount> | undefined
}

/** A new count, every field set from the start: unigrams and bigrams are then one shape of object, which the loop over an article's words reads fastest. */
function termCount(term: Term | undefined, pair: [TermCount, TermCount] | undefined, line: number, form: Written, second: Written | undefined): TermCount {
  return {term, pair, line, count: 0, form, second, formCount: 0, forms: undefined, nextTerm: undefined, nextBigram: undefined, next: undefined}
}

function formText(first: Written, second: Written | undefined) {
  return second ? `${first.surface} ${second.surface}` : first.surface
}

/** Counts a term `times` in the form written: `first` for a word, `first second` for a bigram. */
function count(entry: TermCount, first: Written, second: Written | undefined, times: number) {
  entry.count += times
  if (entry.formCount === 0) {
    entry.form = first
    entry.second = second
  }
  if (first === entry.form && second === entry.second) {
    entry.formCount += times
    return
  }
  const form = formText(first, second)
  entry.forms ??= new Map()
  entry.forms.set(form, (entry.forms.get(form) ?? 0) + times)
}
