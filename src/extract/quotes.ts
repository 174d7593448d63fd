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
import {positionReason, readArticle, totalPoints, type Article} from './article.js'
import {letters} from './letters.js'
import {indexNames, type Names} from './names.js'
import {sentencesAt, type Span} from './sentences.js'
import {speechVerb} from './speech.js'

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
}

const defaults: Required<Options> = {scareWords: 2, sweetSpot: [8, 40]}

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

interface Raw {
  line: number
  /** Index of the opening mark in the line. */
  open: number
  /** Index of the closing mark, or the trimmed line end when the quote runs on. */
  close: number
  continued: boolean
  group: number
  sentence: Span
}

interface Attribution {
  speaker: string
  cue: string
  /** Found in the quote's own sentence. */
  local: boolean
}

const marks = /[“”"]/g
const words = /[\p{L}\p{N}][\p{L}\p{N}’'\-]*/gu
// Without the `u` flag: these run over every sentence that holds a quote.
const verbFirst = new RegExp(String.raw`^(${speechVerb})[ \u00a0]+`)
const anyVerb = new RegExp(speechVerb, 'g')
const sentenceSubject = new RegExp(
  `^\\s*((?:[${letters.upper}][${letters.letter}’'.\\-]*\\s+){0,3}[${letters.upper}][${letters.letter}’'\\-]*)\\s+[a-z]`
)
const accordingTo = /\baccording to\s+/i
const phraseEnd =
  /[,;:!?()\[\]"“”—–]|\s(?:in|on|at|during|after|before|as|when|while|to|from|with|via|through|last|this|yesterday|today|tonight|who|whom|which|that|adding|referring|because|but|and then|if|since|about)\b/
const trailingAdverbs =
  /(?:\s+(?:has|have|had|also|later|then|once|previously|recently|repeatedly|publicly|privately|reportedly|earlier|further|would|will|again|first|finally|simply|only|just|even|still|often|quickly|angrily|bluntly|flatly|told|has also|had also|would later|too|[a-z]+ly|wryly|quietly|proudly|tersely|simply))+$/iu
const leadingJoiners =
  /^(?:and|but|while|as|so|then|yet|although|though|because|when|where|whereas|meanwhile|however|instead)\s+/iu
const badStart =
  /^(?:and|but|or|then|in|on|at|after|before|during|that|which|this|there|these|those|to|for|from|with|by|if|it|what|how|why|where|when|once|also|not|no|as|so)\b/iu
const determinerStart = /^(?:a|an|the|one|two|three|four|several|some|many|another|his|her|their|its|our)\s/
const pronoun = /^(?:he|she|they|we|i|it|him|her|you)$/iu
const titleCue =
  /\b(?:book|novel|film|movie|documentary|song|album|show|series|play|poem|essay|op-ed|column|headline|titled|entitled|headlined|dubbed|nicknamed|known as|slogan|hashtag|campaign|operation|codenamed|code-named|motto|term|word|words|phrase)\s*,?\s*$/iu

function findQuotes(tree: Root, file: VFile, settings: Required<Options>): Quote[] {
  const article = readArticle(tree, file)
  const lines = article.proseLines
  const names = indexNames(article.content)
  const raws = findMarks(article)
  const attributions: Array<Attribution | undefined> = []
  const quotes: Array<Quote | undefined> = []
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
    const masked = maskSentence(line.text, raw.sentence, raws, raw.line)
    const openAt = raw.open - raw.sentence.start
    const closeAt = raw.close - raw.sentence.start
    const before = line.text.slice(Math.max(0, raw.open - 40), raw.open)
    const after = line.text.slice(raw.close + 1, raw.close + 12)

    if (!raw.continued && count <= 12 && isTitle(text, before)) continue
    if (count <= 4 && capitalWordBefore.test(before) && capitalAfter.test(after) && !/[.!?,]$/.test(text)) continue

    const absolute = line.start + raw.open
    let attribution = attributeAfter(masked.slice(closeAt + 1, nextOpen(masked, closeAt + 1)), names, absolute)
    attribution ??= attributeBefore(masked.slice(0, openAt), names, absolute)
    if (count <= settings.scareWords && !attribution) continue
    attributions[index] = attribution
    quotes[index] = {
      text,
      speaker: attribution?.speaker ?? '',
      cue: attribution?.cue,
      kind: fullSpeech.test(text) ? 'full' : 'partial',
      start: line.start + textStart,
      end: line.start + textEnd,
      sentence: line.text.slice(raw.sentence.start, raw.sentence.end),
      score: 0,
      reasons: []
    }
  }

  // Quotes with no speaker of their own: the quote they continue, then the sentence before.
  const groupSpeaker = new Map<number, Attribution>()
  for (const [index, raw] of raws.entries()) {
    const attribution = attributions[index]
    if (attribution && quotes[index] && !groupSpeaker.has(raw.group)) groupSpeaker.set(raw.group, attribution)
  }
  for (const [index, raw] of raws.entries()) {
    const quote = quotes[index]
    if (!quote || attributions[index]) continue
    const found = groupSpeaker.get(raw.group) ?? fromSentenceBefore(index)
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
    quote.reasons = reasons
    quote.score = totalPoints(reasons)
    if (quote.cue === undefined) delete quote.cue
    result.push(quote)
  }
  return result

  // The speaker carried over from the sentence before a quote that stands on its own.
  function fromSentenceBefore(index: number): Attribution | undefined {
    const raw = raws[index]!
    const line = lines[raw.line]!
    if (raw.open !== raw.sentence.start) return undefined
    // The sentence before: in the same line, or the last of the line before.
    const sentences = sentencesAt(line.text, article.cuts(line), protectedSpans(raws, raw.line))
    const position = sentences.findIndex((sentence) => sentence.start === raw.sentence.start)
    let lineIndex = raw.line
    let previous = position > 0 ? sentences[position - 1] : undefined
    if (!previous && raw.line > 0) {
      lineIndex = raw.line - 1
      const before = sentencesAt(lines[lineIndex]!.text, article.cuts(lines[lineIndex]!), protectedSpans(raws, lineIndex))
      previous = before[before.length - 1]
    }
    if (!previous) return undefined
    // Its quote's speaker.
    for (let other = index - 1; other >= 0; other--) {
      const candidate = raws[other]!
      if (candidate.line < lineIndex) break
      if (candidate.line === lineIndex && candidate.sentence.start === previous.start && attributions[other]) {
        return {...attributions[other]!, local: false}
      }
    }
    // The subject of its speech verb, or the person it names.
    const text = lines[lineIndex]!.text
    const masked = maskSentence(text, previous, raws, lineIndex)
    const at = lines[lineIndex]!.start + previous.end
    const said = attributeBefore(masked, names, at)
    if (said) return {...said, local: false}
    const person = names.lastPerson(at, '', lines[lineIndex]!.start + previous.start)
    return person ? {speaker: person, cue: '', local: false} : undefined
  }
}

// Pair quotation marks line by line; see the module docblock for the rules.
function findMarks(article: Article): Raw[] {
  const lines = article.proseLines
  const raws: Raw[] = []
  let group = 0
  let carried = false
  for (const [index, line] of lines.entries()) {
    const text = line.text
    const found: Array<{open: number; close: number; continued: boolean}> = []
    let open = -1
    marks.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = marks.exec(text))) {
      const at = match.index
      const mark = match[0]
      if (mark === '“') open = at
      else if (mark === '”') {
        if (open >= 0) {
          found.push({open, close: at, continued: false})
          open = -1
        }
      } else if (open >= 0 && at > 0 && !isSpace(text.charCodeAt(at - 1))) {
        found.push({open, close: at, continued: false})
        open = -1
      } else if (at + 1 < text.length && !isSpace(text.charCodeAt(at + 1))) open = at
    }
    const next = open >= 0 ? lines[index + 1]?.text.trimStart() : undefined
    if (next !== undefined && opensWithQuote.test(next)) {
      found.push({open, close: trimEnd(text, open + 1, text.length), continued: false})
    } else open = -1

    const carriedIn = carried
    carried = open >= 0
    if (found.length === 0) continue
    const protect = found.map((span) => ({start: span.open, end: span.close + 1}))
    const sentences = sentencesAt(text, article.cuts(line), protect)
    for (const [position, span] of found.entries()) {
      const continues = position === 0 && carriedIn && span.open === firstMark(text)
      if (!continues) group++
      const sentence = sentences.find((candidate) => candidate.start <= span.open && span.open < candidate.end) ?? {
        start: 0,
        end: text.length
      }
      raws.push({line: index, open: span.open, close: span.close, continued: continues, group, sentence})
    }
  }
  return raws
}

function protectedSpans(raws: readonly Raw[], line: number): Span[] {
  const spans: Span[] = []
  for (const raw of raws) if (raw.line === line) spans.push({start: raw.open, end: raw.close + 1})
  return spans
}

// The sentence with every quotation in it (marks included) blanked out, so that speech verbs
// and names inside quotes are never taken for attribution.
function maskSentence(text: string, sentence: Span, raws: readonly Raw[], line: number): string {
  let masked = ''
  let from = sentence.start
  for (const raw of raws) {
    if (raw.line !== line || raw.open < sentence.start || raw.open >= sentence.end) continue
    const end = Math.min(sentence.end, raw.close + 1)
    masked += text.slice(from, raw.open) + ' '.repeat(end - raw.open)
    from = end
  }
  return masked + text.slice(from, sentence.end)
}

function nextOpen(masked: string, from: number): number {
  // Masked quotes are runs of spaces; the segment after a quote ends at the next run of three.
  const at = masked.indexOf('   ', from)
  return at === -1 ? masked.length : at
}

// "…,” said X" / "…,” X said" / "…,” according to X".
function attributeAfter(segment: string, names: Names, at: number): Attribution | undefined {
  const post = segment.replace(/^[\s,;:—–-]+/u, '')
  if (post.length === 0) return undefined
  const first = verbFirst.exec(post)
  if (first) {
    const speaker = phraseAfter(post.slice(first[0].length))
    if (speaker) return resolved(speaker, first[1]!, names, at)
  }
  const according = accordingTo.exec(post)
  if (according && according.index === 0) {
    const speaker = phraseAfter(post.slice(according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  anyVerb.lastIndex = 0
  const verb = anyVerb.exec(post)
  if (verb && verb.index > 0 && countWords(post.slice(0, verb.index)) <= 10) {
    const speaker = subjectBefore(post.slice(0, verb.index))
    if (speaker) return resolved(speaker, verb[0], names, at)
  }
  return undefined
}

// The subject of the first speech verb before the quote, or "according to X,".
function attributeBefore(segment: string, names: Names, at: number): Attribution | undefined {
  const according = accordingTo.exec(segment)
  if (according) {
    const speaker = phraseAfter(segment.slice(according.index + according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  anyVerb.lastIndex = 0
  let verb: RegExpExecArray | null
  while ((verb = anyVerb.exec(segment))) {
    const before = segment.slice(0, verb.index)
    const speaker = subjectBefore(before)
    if (speaker) return resolved(speaker, verb[0], names, at)
    // A second verb of the sentence's subject ("Duda described it as … and wrote “…”").
    if (joinedVerb.test(before)) {
      const subject = sentenceSubject.exec(segment)
      const name = subject ? valid(subject[1]!) : undefined
      if (name) return resolved(name, verb[0], names, at)
    }
  }
  return undefined
}

function resolved(speaker: string, cue: string, names: Names, at: number): Attribution | undefined {
  let name = speaker
  if (pronoun.test(speaker)) name = personalPronoun.test(speaker) ? (names.lastPerson(at, speaker) ?? '') : ''
  else if (
    capitalStart.test(speaker) &&
    !describedStart.test(speaker)
  ) {
    name = names.resolve(speaker, at)
  }
  return {speaker: name, cue, local: true}
}

// A noun phrase that follows a speech verb: up to the first clause break or preposition.
function phraseAfter(text: string): string | undefined {
  const end = phraseEnd.exec(text)
  const phrase = (end ? text.slice(0, end.index) : text).trim()
  return valid(phrase)
}

// The subject before a speech verb, skipping auxiliaries and appositives
// ("Abu Obeida, a spokesman for Hamas’s armed wing," → Abu Obeida).
function subjectBefore(text: string): string | undefined {
  // Only what follows the last blanked quotation can be the subject.
  const gap = text.lastIndexOf('   ')
  let from = gap === -1 ? 0 : gap + 3
  // A subject with its appositive fits in the last 160 characters; the end-anchored patterns
  // below would otherwise be tried at every position of a long sentence. Start at a word.
  if (text.length - from > 160) from = text.indexOf(' ', text.length - 160) + 1
  const window = text.slice(from).trimEnd()
  const tail = Math.max(0, window.length - 60)
  const trimmed = (window.slice(0, tail) + window.slice(tail).replace(trailingAdverbs, '')).trimEnd()
  const appositive = trimmed.endsWith(',')
  const chunks = trimmed.split(chunkBreak).map((chunk) => chunk.replace(edges, ''))
  while (chunks.length > 0 && chunks[chunks.length - 1] === '') chunks.pop()
  if (chunks.length === 0) return undefined
  let candidate = chunks[chunks.length - 1]!
  const previous = chunks[chunks.length - 2]
  if (previous !== undefined && isNameLike(previous) && (appositive || determinerStart.test(candidate)))
    candidate = previous
  candidate = candidate.replace(leadingJoiners, '')
  return valid(candidate)
}

function isNameLike(text: string): boolean {
  return capitalStart.test(text) && countWords(text) <= 6 && !badStart.test(text) && !articleStart.test(text)
}

// Punctuation and spaces at either end of a phrase (keeping a final "." or apostrophe).
const edges = new RegExp(`^[^0-9${letters.letter}]+|[^0-9${letters.letter}.’']+$`, 'g')
const capitalWordBefore = new RegExp(`[${letters.upper}][${letters.letter}’'.\\-]*\\s$`)
const capitalAfter = new RegExp(`^\\s[${letters.upper}]`)

const chunkBreak = /\s*[,;:—–]\s*|\s+-\s+/
// A pronoun followed by more words is a clause ("they might", "I can't"), not a speaker.
const pronounPhrase = /^(?:i|you|we|they|he|she)\s/i
const clauseVerb = /\b(?:has|have|had|was|were|is|are|been|will|would|could|should|did|does)\b/
const roleBeforeOf =
  /\b(?:Secretary|Minister|Director|Head|Chief|President|Governor|Mayor|Chairman|Chairwoman|Chair|Professor|Member|Leader|Spokesman|Spokeswoman|Spokesperson|CEO|Ambassador|Commissioner|Secretary-General|General|Commander|Chancellor|Speaker|Dean|Rector)$/

// Patterns used on quotes and speaker candidates (made once, not on every call).
const capitalStart = /^\p{Lu}/u
const articleStart = /^(?:The|A|An)\s/u
const fullSpeech = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u
const opensWithQuote = /^["“]/u
const joinedVerb = /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/
const personalPronoun = /^(?:he|she|him|her)$/iu
const describedStart = /^(?:The|A|An|One|Two|Three|Several|Some|Many|Another|His|Her|Their|Its)\s/u
const wordStop = /[a-z]{3}\.$/
const nameOf = /^((?:\p{Lu}[\p{L}’'.\-]*\s+){1,3}\p{Lu}[\p{L}’'\-]*)\s+of\s+(?:the\s+)?\p{Lu}/u
const indefiniteStart = /^(?:a|an|the|one|two|some|several|another)\s/iu
const closingPunctuation = /[.!?,;:…]$/u
const capitalOrDigitStart = /^[\p{Lu}\p{N}]/u
// A role before a name ("eyewitness Vinnie DeVita").
const roleThenName =
  /(?:^|\s)(?!(?:of|at|in|for|from|with|and|to|by|on)\s)\p{Ll}[\p{L}\-]*\s+((?:\p{Lu}[\p{L}’'.\-]*\s+){1,3}\p{Lu}[\p{L}’'\-]*)$/u

function valid(phrase: string): string | undefined {
  let clean = phrase.replace(edges, '')
  // A sentence's full stop, not an abbreviation's ("Smith." but "Jr.").
  if (clean.endsWith('.') && wordStop.test(clean)) clean = clean.slice(0, -1)
  // "Michael Siegel of Boston University" → Michael Siegel.
  // Not after a title, where the name follows ("Secretary of State Mike Pompeo").
  const of = nameOf.exec(clean)
  if (of && !roleBeforeOf.test(of[1]!)) clean = of[1]!
  // A role before a name keeps the name ("eyewitness Vinnie DeVita", "his wife Jonna Mendez").
  const named = roleThenName.exec(clean)
  if (named && !indefiniteStart.test(clean)) clean = named[1]!
  // A clause, not a name or a description ("Guy has been associated with …").
  if (clean.length === 0 || badStart.test(clean) || clauseVerb.test(clean) || pronounPhrase.test(clean))
    return undefined
  const count = countWords(clean)
  if (count === 0 || count > 10) return undefined
  return clean
}

function isTitle(text: string, before: string): boolean {
  if (closingPunctuation.test(text)) return false
  const list = text.match(words) ?? []
  if (list.length > 12) return false
  if (titleCue.test(before) && list.length <= 8) return true
  let long = 0
  for (const word of list) {
    if (word.length < 4) continue
    long++
    if (!capitalOrDigitStart.test(word)) return false
  }
  return long > 0 && list.length > 1
}

// `count`: the words of the quote's text.
function scoreQuote(quote: Quote, count: number, position: number, settings: Required<Options>): Reason[] {
  const [low, high] = settings.sweetSpot
  const length = count >= low && count <= high ? 1 : count >= 4 && count <= 60 ? 0.5 : 0
  const named = quote.speaker !== '' && capitalStart.test(quote.speaker) && !articleStart.test(quote.speaker)
  return [
    {name: 'length', points: length, detail: `${count} words`},
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

// Runs of letters or digits (with inner apostrophes and hyphens), by character codes: this runs
// on every quote and speaker candidate.
function countWords(text: string): number {
  let count = 0
  let inside = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const word: boolean = isWordCode(code) || (inside && (code === 39 || code === 0x2019 || code === 45))
    if (word && !inside) count++
    inside = word
  }
  return count
}

function isWordCode(code: number): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  // Below Latin-1 letters, and general punctuation and symbols (quotes, dashes), are not letters.
  if (code < 0xc0 || (code >= 0x2000 && code <= 0x2bff)) return false
  const char = String.fromCharCode(code)
  return char.toLowerCase() !== char.toUpperCase()
}

function firstMark(text: string): number {
  let index = 0
  while (index < text.length && isSpace(text.charCodeAt(index))) index++
  return index
}

function trimStart(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  return from
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return to
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}
