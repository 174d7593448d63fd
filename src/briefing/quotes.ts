import type {Quote} from '../types.js'
import {countWords, sentences} from '../words.js'

/**
 * What the email prints for a quote, or why it is never shown. The rules, each named in `--explain`:
 *   no-speaker        every quote shown has its speaker
 *   speaker-in-quote  a person named inside the quotation marks is talked about, not speaking
 *   fragment          a few words of speech with no reporter's sentence short enough to frame them
 * A partial quote (a phrase inside the reporter's sentence) is shown inside that sentence, its
 * `frame`; a full quote stands alone.
 */
export type Presented = {text: string; frame?: string} | {rule: string; why: string}

/** A frame longer than this is a paragraph, not a sentence that frames a phrase. */
const frameWords = 50
/** A full quote shorter than this says too little on its own. */
const minWords = 4

export function presentQuote(quote: Quote): Presented {
  const speaker = quote.speaker.trim()
  if (!speaker) return {rule: 'no-speaker', why: 'no speaker found for it'}
  const text = displayText(quote.text).replace(/[,;:]$/u, '')
  if (speakerInside(speaker, text)) return {rule: 'speaker-in-quote', why: `“${speaker}” is named inside the quote, so is not its speaker`}
  const count = countWords(text)
  if (quote.kind === 'full') return count >= minWords ? {text} : {rule: 'fragment', why: `${count} words of speech say too little on their own`}
  const frame = frameOf(quote, text)
  if (!frame) return {rule: 'fragment', why: `a ${count}-word fragment whose sentence is too long or not found to frame it`}
  return {text, frame}
}

/**
 * Text as a reader should see it: whitespace normalised, no space before a stop, no Markdown
 * emphasis marks, HTML entities decoded.
 */
export function displayText(text: string): string {
  return decodeEntities(text)
    .replace(/(\*{1,3}|_{1,3})(?=\S)([^*_]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?…])/g, '$1')
    .replace(/([“‘(])\s+/g, '$1')
    .trim()
}

const named: Record<string, string> = {quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…'}

function decodeEntities(text: string) {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return named[name.toLowerCase()] ?? whole
  })
}

/** The reporter's sentence around a partial quote, when it is short enough to print; `text` is the quote as printed. */
function frameOf(quote: Quote, text: string): string | undefined {
  const raw = quote.sentence
  const at = raw.indexOf(quote.text)
  if (at < 0) return undefined
  const found = sentences(raw).findLast((sentence) => sentence.start <= at)
  let frame = found?.text ?? raw
  // The quote may run past the sentence cut ("…step .” He said"): take the next sentence in too.
  const startInFrame = found ? at - found.start : at
  if (startInFrame + quote.text.length > frame.length) frame = raw.slice(found?.start ?? 0, at + quote.text.length + 2)
  const display = displayText(frame)
  if (countWords(display) > frameWords) return undefined
  return display.includes(text.slice(0, 20)) ? display : undefined
}

/** True when the speaker's surname (or whole name) is written inside the quote. */
function speakerInside(speaker: string, text: string) {
  const parts = speaker.split(/\s+/).filter((part) => /^\p{Lu}[\p{L}'’-]{2,}$/u.test(part))
  const surname = parts.at(-1)
  if (!surname || parts.length === 0) return false
  // Each place the surname is written, not inside a longer word: no pattern to compile per quote.
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const end = at + surname.length
    // Two code units either side: a letter outside the basic plane is two.
    if (!endsInLetter.test(text.slice(Math.max(0, at - 2), at)) && !startsWithLetter.test(text.slice(end, end + 2))) return true
  }
  return false
}

const endsInLetter = /\p{L}$/u
const startsWithLetter = /^\p{L}/u
