/**
 * Direct quotations with their speakers, as a unified plugin: `file.data.quotes`.
 *
 * Finding: curly (“…”) and straight ("…") double quotation marks, paired per line of the body.
 * A quote left open at the end of a line continues when the next line opens with a quotation mark
 * (the news convention for speech over several paragraphs); any other unclosed mark is dropped,
 * so it never swallows the rest of the article. Single quotes inside are part of the text.
 * Not quotes: titles of works (all words capitalised, or after "titled", "the book"…), nicknames
 * (a short quote between two capitalised names) and scare quotes (at most `scareWords` words
 * with no speech verb in their sentence).
 *
 * Kind: `full` when the speech opens with a capital or a digit, `partial` when it is a fragment
 * woven into the reporter's sentence (it opens in lower case).
 *
 * Speaker, first that applies: (1) right after the quote, "…,” said X" or "…,” X said/told…";
 * (2) before it in the sentence, the subject of the first speech verb ("X, the former official,
 * said that “…”", "X described it as “…”"; a second verb joined by "and" takes the sentence's
 * subject), or "according to X"; (3) the speaker of the quote it continues (split quote, next
 * paragraph); (4) the sentence before: its quote's speaker, the
 * subject of its speech verb, or the person it names. Pronouns go to the person most recently
 * named who fits, surnames and "Mr. X" to the fullest name the article uses; descriptions of
 * anonymous speakers ("a senior US official") are kept as written.
 *
 * Score (intrinsic; topic relevance is added by a later stage):
 *   score = length + speaker + kind + position, where
 *   length   = 1 if the quote has `sweetSpot` words (default 8–40), 0.5 if 4–7 or up to 60, else 0
 *   speaker  = 1 for a named person, 0.5 for a description or body, −1 for none
 *   kind     = 0.5 for full speech, 0 for a partial fragment
 *   position = 0.5 × (1 − line index / line count): earlier in the article is worth more
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Quote, Reason} from '../types.js'
import {positionReason, readArticle, totalPoints} from './article.js'
import {letters} from './letters.js'
import {indexNames} from './names.js'
import {findMarks, maskWindow, nextOpen, trimEnd, trimStart} from './quote-marks.js'
import {around, sentencesAt, type Span} from './sentences.js'
import {speechVerb} from './speech.js'
import {attributeAfter, attributeBefore} from './attribution.js'
import {resolved, type Attribution} from './speaker-resolve.js'
import {countWords} from './char-scan.js'
import {isTitle} from './quote-titles.js'
import {personalPronoun, personLike} from './speaker-phrase.js'
import {subjectOfSentence, type Subject} from './subject.js'

export interface Options {
  /**
   * Quotes of at most this many words need a speech verb in their sentence (scare quotes).
   * @default 2
   */
  scareWords?: number
  /**
   * Word counts that earn the full length points.
   * @default [8, 40]
   */
  sweetSpot?: [number, number]
  /**
   * Fragments (quotes opening in lower case) of at most this many words, with no speaker and no
   * speech verb in their sentence, are terms or scare quotes.
   * @default 4
   */
  fragmentWords?: number
}

const defaults: Required<Options> = {scareWords: 2, sweetSpot: [8, 40], fragmentWords: 4}

declare module 'vfile' {
  interface DataMap {
    quotes: Quote[]
  }
}

/** Find direct quotations and their speakers in the body paragraphs; sets `file.data.quotes`. */
export default function remarkQuotes(options?: Options) {
  const settings = {...defaults, ...options}
  return function (tree: Root, file: VFile) {
    file.data.quotes = findQuotes(tree, file, settings)
  }
}

// How far from a quote its attribution is read: a window of the sentence, so that a sentence of
// many quotes (a list, a transcript on one line) costs each quote the same.
const readBefore = 400
const readAfter = 200
// A quote's `sentence` beyond these many characters either side of it is cut at a word.
const shownAround = 300
// The most text an attribution that splits a quote in two may take.
const splitGap = 80
const firstPerson = /(?:^|[^\p{L}’'])(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|me|my|we|We|our|Our|us)(?![\p{L}’'])/u
const wholeLink = /^\[[^\]]+\]\((?:[^()\s]|\([^()\s]*\))+\)[.,]?$/
const linksOnly = /^\s*(?:!?\[[^\]]*\]\([^)]*\)\s*)+$/
const capitalWordBefore = new RegExp(`[${letters.upper}][${letters.letter}’'.\\-]*\\s$`)
const capitalAfter = new RegExp(`^\\s[${letters.upper}]`)
const capitalStart = /^\p{Lu}/u
const articleStart = /^(?:The|A|An)\s/u
const fullSpeech = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u
const closingPunctuation = /[.!?,;:…]$/u
const termBefore = /\b(?:against|of|for|from|with|by|about|on|in|at|to|into|over|like|the|a|an|as|their|his|her|its|our)[ \u00a0]+$/i
const runsOnAfter = /^[ \u00a0]+[a-z]/
// A sentence after a standalone quote that names its speaker ("That was how X described it").
// A speech verb right before a quote makes it speech, even in headline case (“Smith Says “…””).
const speechJustBefore =
  /\b(?:says|said|asks|asked|tells|told|writes|wrote|tweets|tweeted|declares|declared|adds|added|warns|warned)[:,]?\s*$/i
const speechLater = new RegExp(`${speechVerb}|\\bput it\\b`)
const opensWithMark = /^\s*["“]/u
const reportedCue = /^(?:reported|reports|according to)$/
// Cues that name a thing as often as they quote a person ("a process called “exfiltration”").
const namingCue = /^(?:called|calling|calls|dubbed|labelled|labeled|branded|named|described|describing)$/

/** A quote as found, before it is scored. */
type Found = Omit<Quote, 'score' | 'reasons'>

function findQuotes(tree: Root, file: VFile, settings: Required<Options>): Quote[] {
  const article = readArticle(tree, file)
  const lines = article.proseLines
  const {raws, sentences} = findMarks(article)
  const quoted: Span[] = raws.map((raw) => ({
    start: lines[raw.line]!.start + raw.open,
    end: lines[raw.line]!.start + raw.close + 1
  }))
  const names = indexNames(article.content, quoted)
  const attributions: Array<Attribution | undefined> = []
  const quotes: Array<Found | undefined> = []
  const wordCounts: number[] = []

  for (const [index, raw] of raws.entries()) {
    const line = lines[raw.line]!
    const textStart = trimStart(line.text, raw.open + 1, raw.close)
    const textEnd = trimEnd(line.text, textStart, raw.close)
    const text = line.text.slice(textStart, textEnd)
    const count = countWords(text)
    wordCounts[index] = count
    attributions[index] = undefined
    quotes[index] = undefined
    if (count === 0) continue
    const before = line.text.slice(Math.max(0, raw.open - 40), raw.open)
    const after = line.text.slice(raw.close + 1, raw.close + 12)

    if (!raw.continued && count <= 12 && !speechJustBefore.test(before) && isTitle(text, before)) continue
    // A quotation that is one link is the title of what it links to (“[God View](http://…)”).
    if (wholeLink.test(text)) continue
    if (count <= 4 && capitalWordBefore.test(before) && capitalAfter.test(after) && !/[.!?,]$/.test(text)) continue

    const window = around(raw.sentence, raw.open, raw.close + 1, readBefore, readAfter, line.text)
    const masked = maskWindow(line.text, window, raws, index)
    const openAt = raw.open - window.start
    const closeAt = raw.close + 1 - window.start
    const absolute = line.start + raw.open
    const ownSubject = () => {
      if (window.start !== raw.sentence.start) return undefined
      const head = masked.slice(0, openAt)
      const subject = subjectOfSentence(head)
      const from = line.start + window.start
      if (subject) return {text: subject.text, from: from + subject.from, to: from + subject.to}
      // A quote that opens its sentence: the subject of the sentence before ("Mugabe agreed to
      // share power. “…,” he declared").
      return countWords(head) === 0 ? previousSubject(index) : undefined
    }
    // A short quote that is a noun phrase of the reporter's sentence, which runs on past it
    // ("against “criminals” in his entourage, a source said"), is a term in that sentence: what
    // follows attributes the sentence, not the word.
    const runsOn =
      count <= settings.scareWords && termBefore.test(before) && runsOnAfter.test(after) && !closingPunctuation.test(text)
    let attribution = runsOn ? undefined : attributeAfter(masked.slice(closeAt, nextOpen(masked, closeAt)), names, absolute, ownSubject)
    // "X said that “…”, Yahoo Finance reported": the person speaks, the outlet is the channel.
    if (attribution && reportedCue.test(attribution.cue) && openAt > 0) {
      const before = attributeBefore(masked.slice(0, openAt), names, absolute, window.start === raw.sentence.start)
      if (before && before.speaker !== '' && !reportedCue.test(before.cue)) attribution = before
    }
    attribution ??= attributeBefore(masked.slice(0, openAt), names, absolute, window.start === raw.sentence.start, () => previousSubject(index))
    // A short quote right after another of the same speech is speech too ("“We tried.” “We failed.”"),
    // when that one was kept: a list of scare-quoted terms is not.
    const follows =
      index > 0 && !raw.continued && quotes[index - 1] !== undefined && (raws[index - 1]!.group === raw.group || goesOn(index, text))
    if (attribution && count <= settings.scareWords && namingCue.test(attribution.cue) && !personLike(attribution.speaker))
      attribution = undefined
    // One capitalised word that someone calls a thing is a name they coin ("described as “Obamagate”").
    if (attribution && count === 1 && namingCue.test(attribution.cue) && capitalStart.test(text)) continue
    if (!attribution && !follows) {
      if (count <= settings.scareWords) continue
      // A fragment woven into the reporter's sentence, with nobody named and no speech verb near
      // it, is a term or a scare quote ("so-called “personally identifiable information”").
      if (count <= settings.fragmentWords && !fullSpeech.test(text) && !speechLater.test(masked)) continue
    }
    attributions[index] = attribution
    if (attribution?.local && capitalStart.test(attribution.speaker) && !articleStart.test(attribution.speaker)) names.spoke(attribution.speaker, absolute)
    const shown = around(raw.sentence, raw.open, raw.close + 1, shownAround, shownAround, line.text)
    quotes[index] = {
      text,
      speaker: attribution?.speaker ?? '',
      cue: attribution?.cue,
      kind: fullSpeech.test(text) ? 'full' : 'partial',
      start: line.start + textStart,
      end: line.start + textEnd,
      sentence: line.text.slice(shown.start, shown.end)
    }
  }

  // Quotes with no speaker of their own: the quote they continue, then the sentence before, then
  // the sentence after.
  const groupSpeaker = new Map<number, Attribution>()
  for (const [index, raw] of raws.entries()) {
    const attribution = attributions[index]
    if (attribution && quotes[index] && !groupSpeaker.has(raw.group)) groupSpeaker.set(raw.group, attribution)
  }
  for (const [index, raw] of raws.entries()) {
    const quote = quotes[index]
    if (!quote || attributions[index]) continue
    const found =
      groupSpeaker.get(raw.group) ??
      splitQuote(index, 1) ??
      splitQuote(index, -1) ??
      (raw.open === raw.sentence.start || !firstPerson.test(quote.text) ? fromSentenceBefore(index, true) : firstPersonFragment(index)) ??
      fromSentenceAfter(index)
    if (found) {
      quote.speaker = found.speaker
      quote.cue = found.cue
      attributions[index] = found
    }
  }

  const result: Quote[] = []
  for (const [index, raw] of raws.entries()) {
    const quote = quotes[index]
    if (!quote) continue
    const reasons = scoreQuote(quote, wordCounts[index]!, raw.line / Math.max(1, lines.length), settings)
    const score = totalPoints(reasons)
    const {text, speaker, cue, kind, start, end, sentence} = quote
    // Made whole rather than by deleting an absent cue, which would leave the object slow to read.
    result.push(
      cue === undefined
        ? {text, speaker, kind, start, end, sentence, score, reasons}
        : {text, speaker, cue, kind, start, end, sentence, score, reasons}
    )
  }
  return result

  // A short sentence of speech of its own right after an attributed quote in the sentence before
  // goes on with that speech (“…,” said X. “Full stop.”), as a scare quote never stands alone.
  function goesOn(index: number, text: string): boolean {
    const raw = raws[index]!
    const previous = raws[index - 1]!
    return (
      attributions[index - 1] !== undefined &&
      previous.line === raw.line &&
      previous.sentenceIndex === raw.sentenceIndex - 1 &&
      raw.open === raw.sentence.start &&
      fullSpeech.test(text) &&
      /[.!?]$/.test(text)
    )
  }

  // The sentence next to a standalone quote (`step` −1: before, +1: after), as a line index and span.
  function neighbour(index: number, step: -1 | 1): {line: number; span: Span} | undefined {
    const raw = raws[index]!
    const own = sentences.get(raw.line)!
    const near = own[raw.sentenceIndex + step]
    if (near) return {line: raw.line, span: near}
    let lineIndex = raw.line + step
    // A line of links alone (an embed, a gallery) stands outside the prose.
    while (lines[lineIndex] && linksOnly.test(lines[lineIndex]!.text)) lineIndex += step
    const line = lines[lineIndex]
    if (!line) return undefined
    const list = sentences.get(lineIndex) ?? sentencesAt(line.text, article.cuts(line))
    const span = step < 0 ? list[list.length - 1] : list[0]
    return span && {line: lineIndex, span}
  }

  // A quote split by its attribution ("“…,” reads Judge Miller's statement, “…”"): the speaker
  // named between the two parts, found by the other part (`step` +1: the second, −1: the first).
  function splitQuote(index: number, step: 1 | -1): Attribution | undefined {
    const raw = raws[index]!
    const other = raws[index + step]
    const attribution = attributions[index + step]
    if (!other || !attribution?.local || attribution.speaker === '' || other.line !== raw.line) return undefined
    const [first, second] = step > 0 ? [raw, other] : [other, raw]
    if (other.sentence.start !== raw.sentence.start || second.open - first.close > splitGap) return undefined
    const between = lines[raw.line]!.text.slice(first.close + 1, second.open)
    const head = attribution.speaker.slice(attribution.speaker.lastIndexOf(' ') + 1)
    if (!between.includes(head)) return undefined
    return step > 0 ? attribution : {...attribution, local: false}
  }

  // The subject of the sentence before a quote's, with where it stands in the content.
  function previousSubject(index: number): Subject | undefined {
    const previous = neighbour(index, -1)
    if (!previous) return undefined
    const line = lines[previous.line]!
    const window = around(previous.span, previous.span.start, previous.span.start, 0, readAfter, line.text)
    const sentence = maskWindow(line.text, window, raws, index, previous.line)
    const subject = subjectOfSentence(sentence)
    const from = line.start + window.start
    // The rest keeps the comma that ends a subject, before the name it may set off ("Her father, Corey,").
    const rest = subject && sentence.slice(sentence.charCodeAt(subject.to - 1) === 44 ? subject.to - 1 : subject.to)
    return subject && {text: subject.text, from: from + subject.from, to: from + subject.to, after: rest!}
  }

  // The speaker carried over from the sentence before a quote that stands on its own.
  // A quote in the first person inside the reporter's sentence, with no cue: the subject of that
  // sentence when it can speak ("Trump, also on Twitter, defended his decision, “As I have…”"),
  // else the speaker of a quote in the sentence before ("The price is “as low as I’ve ever seen.”").
  function firstPersonFragment(index: number): Attribution | undefined {
    const raw = raws[index]!
    const line = lines[raw.line]!
    const window = around(raw.sentence, raw.open, raw.open, readBefore, 0, line.text)
    const subject =
      window.start === raw.sentence.start ? subjectOfSentence(maskWindow(line.text, window, raws, index).slice(0, raw.open - window.start)) : undefined
    const speaker = subject && (personalPronoun.test(subject.text) || personLike(subject.text)) ? subject.text : undefined
    const found = speaker ? resolved(speaker, '', names, line.start + window.start + subject!.from) : undefined
    if (found && found.speaker !== '') return {...found, local: false}
    return fromSentenceBefore(index, false)
  }

  // `standalone`: the quote opens its sentence; otherwise only the speaker of a quote in the
  // sentence before is taken.
  function fromSentenceBefore(index: number, standalone: boolean): Attribution | undefined {
    const raw = raws[index]!
    if (standalone && raw.open !== raw.sentence.start) return undefined
    const previous = neighbour(index, -1)
    if (!previous) return undefined
    // Its quote's speaker.
    for (let other = index - 1; other >= 0; other--) {
      const candidate = raws[other]!
      if (candidate.line < previous.line || candidate.sentence.start < previous.span.start) break
      if (candidate.line === previous.line && candidate.sentence.start === previous.span.start && attributions[other]) {
        return {...attributions[other]!, local: false}
      }
    }
    if (!standalone) return undefined
    // The subject of its speech verb, or the person it names.
    const line = lines[previous.line]!
    const window = around(previous.span, previous.span.end, previous.span.end, readBefore, 0, line.text)
    const masked = maskWindow(line.text, window, raws, index, previous.line)
    const at = line.start + previous.span.end
    const said = attributeBefore(masked, names, at, window.start === previous.span.start)
    if (said) return {...said, local: false}
    const person = names.lastPerson(at, '', line.start + window.start)
    if (person) return {speaker: person, cue: '', local: false}
    // A sentence about "he" or "she" before a quote of its own: the person the pronoun stands for.
    const subject = window.start === previous.span.start ? subjectOfSentence(masked) : undefined
    const referent = subject && personalPronoun.test(subject.text) ? names.lastPerson(line.start + window.start, subject.text) : undefined
    return referent ? {speaker: referent, cue: '', local: false} : undefined
  }

  // A standalone quote in a paragraph of its own may be claimed by the sentence after it, when
  // that sentence names a person before a speech verb ("That was how X described it").
  function fromSentenceAfter(index: number): Attribution | undefined {
    const raw = raws[index]!
    const line = lines[raw.line]!
    if (raw.open !== raw.sentence.start || raw.close + 1 < trimEnd(line.text, 0, raw.sentence.end) - 1) return undefined
    const next = neighbour(index, 1)
    if (!next) return undefined
    const text = lines[next.line]!.text
    // A question, then a quote that answers it (“… When?” “Soon,” X said): two speakers.
    if (/\?$/u.test(quotes[index]!.text) && opensWithMark.test(text.slice(next.span.start))) return undefined
    const window = around(next.span, next.span.start, next.span.start, 0, readBefore, text)
    const masked = maskWindow(text, window, raws, index, next.line)
    const verb = speechLater.exec(masked)
    if (!verb) return undefined
    const from = lines[next.line]!.start + window.start
    const person = names.lastPerson(from + verb.index, '', from)
    return person ? {speaker: person, cue: verb[0], local: false} : undefined
  }
}

// The details of the length reason, made once, as those of the position reason are.
const wordDetails = Array.from({length: 200}, (_, count) => `${count} words`)

// `count`: the words of the quote's text.
function scoreQuote(quote: Found, count: number, position: number, settings: Required<Options>): Reason[] {
  const [low, high] = settings.sweetSpot
  const length = count >= low && count <= high ? 1 : count >= 4 && count <= 60 ? 0.5 : 0
  const named = quote.speaker !== '' && capitalStart.test(quote.speaker) && !articleStart.test(quote.speaker)
  return [
    {name: 'length', points: length, detail: wordDetails[count] ?? `${count} words`},
    {
      name: 'speaker',
      points: quote.speaker === '' ? -1 : named ? 1 : 0.5,
      detail:
        quote.speaker === '' ? 'no speaker found' : named ? `named: ${quote.speaker}` : `described: ${quote.speaker}`
    },
    {name: 'kind', points: quote.kind === 'full' ? 0.5 : 0, detail: quote.kind},
    positionReason(position)
  ]
}
