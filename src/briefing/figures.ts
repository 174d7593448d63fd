import type {Figure} from '../types.js'
import {sentenceAround, singular, words} from '../words.js'

/**
 * What the email prints for a figure (`shown`), or why it is never shown. The rules, each named
 * in `--explain`:
 *   identifier   a status id, a long digit string, a phone or model number is not a count
 *   age          "15-year-old", "aged 79", "Mia Schem, 21": an age describes a person
 *   no-unit      a number whose counted thing cannot be found ("the 50", an index level, a price)
 *   pronoun      "four others", "two of them": the counted thing is not named
 *   no-noun      "four-day" with no noun after it says a length of nothing
 * The phrase is the number with its hedge and counted thing, and the few words after it in its
 * clause that give it meaning: "135 hostages still in Gaza", "a four-day ceasefire", "three
 * Palestinian prisoners for every hostage", "50 hostages in exchange for 150 Palestinian prisoners".
 */
export type Shown = {shown: string; joins?: number} | {rule: string; why: string}

/** Words that name no counted thing: a figure counting them says not what it counts. */
const pronouns = /^(?:others?|ones?|more|those|these|them|each|some|many|few|all|both|several|times|of them|of those)$/i
/** Counts of points are index levels unless they are percentage points. */
const indexUnits = /^(?:points?|pts?|level|close)$/i
/** What may follow a figure and belong to it: a preposition, a participle, a state, a ratio. */
const continuation = /^(?:in|of|for|from|on|at|off|away|deep|below|above|long|wide|high|tall|north|south|east|west|northeast|northwest|southeast|southwest|inside|outside|among|across|under|per|still|alive|dead|living|remaining|missing|confirmed|held|killed|injured|wounded|released|freed|detained|displaced|infected|affected|evacuated|arrested|aboard|abroad|nationwide|worldwide|each|every)$/i
/** Words a phrase never ends on. */
const dangling = /^(?:in|of|for|from|on|at|to|the|a|an|by|with|and|or|but|as|than|that|this|its|their|his|her|per|every|each|inside|among|under|across|since|during|until|late|early|mid|about|around|nearly|almost|roughly)$/i
/** Where a clause ends: punctuation, or a word that opens another clause. */
const clauseEnd = /^(?:and|but|or|who|whom|which|that|as|while|when|where|after|before|because|since|if|although|though|said|says|according|including|with|was|were|is|are|has|have|had|would|will|could|can|may|might|to)$/i

const maxExtra = 7
const timeUnits = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$/i

/** The phrase for `figure`; `next` is the figure after it in the same sentence, which a ratio or exchange may join. `sentence` is the one around the figure, when the caller found it already. */
export function shownOf(figure: Figure, next?: Figure, counted?: string, sentence = sentenceAround(figure.sentence, figure.text)): Shown {
  const text = figure.text.replace(/\s+/g, ' ').trim()
  const unit = figure.unit.trim()
  const digits = text.replace(/[^\d]/g, '')
  if (/^\+?\d[\d\s().-]{8,}\d$/.test(text) && !/[a-z]/i.test(text) && (digits.length >= 10 || /\d{3}[-.\s]\d{3,4}/.test(text)) && !/,\d{3}/.test(text)) return {rule: 'identifier', why: `“${text}” is a long digit string or a phone number, not a count`}
  if (/^\d{7,}$/.test(digits) && !/[,.]/.test(text) && !unit) return {rule: 'identifier', why: `“${text}” is an identifier (a long digit string), not a count`}
  if (/\p{L}\d|\d\p{Lu}/u.test(text.replace(/\d+(?:st|nd|rd|th)\b/g, '')) && !/\d(?:[kmb]n?|bn|k|m|%)\b/i.test(text)) return {rule: 'identifier', why: `“${text}” reads as a model or code, not a count`}
  if (isAge(figure, sentence)) return {rule: 'age', why: `“${text}” is an age`}
  if (!unit) return {rule: 'no-unit', why: `“${text}” says not what it counts (no unit or counted thing)`}
  if (indexUnits.test(unit)) return {rule: 'no-unit', why: `“${text}” is a level in points, not a count`}
  if (pronouns.test(unit)) return {rule: 'pronoun', why: `“${text}” counts “${unit}”, which names no thing`}
  if (isAttribution(figure, sentence)) return {rule: 'attribution', why: `“${text}” counts who told the reporter, not the news`}

  const at = sentence.indexOf(figure.text)
  // "eight kilometers (five miles)": the same figure in other units, already shown.
  if (at > 0 && /\(\s*$/.test(sentence.slice(0, at)) && /^\s*\)/.test(sentence.slice(at + figure.text.length))) return {rule: 'joined', why: `“${text}” restates the figure before it in other units`}
  let after = at >= 0 ? sentence.slice(at + figure.text.length) : ''
  let head = text
  if (figure.qualifier && !head.toLowerCase().includes(figure.qualifier.toLowerCase())) head = `${figure.qualifier} ${head}`
  // A compound adjective ("four-day", "eight-page") needs the noun it qualifies.
  const adjective = /^[\p{L}\p{N}.,]+-[\p{L}]+$/u.test(text)
  if (adjective) {
    const noun = /^\s+((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)(?=[\s,.;:!?)—–]|$)/u.exec(after)
    const phrase = noun?.[1]
    if (!phrase || dangling.test(phrase.split(' ').at(-1) ?? '') || clauseEnd.test(phrase.split(' ')[0] ?? '')) return {rule: 'no-noun', why: `“${text}” qualifies no noun`}
    const firstNoun = phrase.split(' ').find((word) => !/(?:ly)$/.test(word)) ?? phrase
    const article = /\b(an?|the)\s*$/i.exec(sentence.slice(0, Math.max(0, at)))?.[1]?.toLowerCase()
    const determiner = article === 'the' ? 'the ' : article ? `${/^[aeiou]/i.test(head) || /^(?:8|11|18)\b/.test(head) ? 'an' : 'a'} ` : ''
    return {shown: tidy(`${determiner}${head} ${phrase.split(' ').slice(0, phrase.split(' ').indexOf(firstNoun) + 1).join(' ')}`)}
  }
  // The counted thing borrowed from an earlier figure ("135 hostages …, with 116 confirmed").
  const names = (phrase: string) => words(phrase).some((entry) => sameNoun(entry.word, unit))
  if (!names(head) && !/[$€£¥%]/.test(head)) head = `${head} ${unit}`
  // A generic noun with the thing it is counted as right after it: "199 people hostage".
  const following = /^\s+([\p{L}-]+)/u.exec(after)
  if (counted && following?.[1] && singular(following[1].toLowerCase()) === counted) {
    head = `${head} ${following[1]}`
    after = after.slice(following[0].length)
  }

  const offset = at + figure.text.length + (sentence.slice(at + figure.text.length).length - after.length)
  const extra = extension(after, next && at >= 0 ? sentence.indexOf(next.text, offset) - offset : -1, next)
  const shown = tidy(`${head}${extra.text ? ` ${extra.text}` : ''}`)
  if (timeUnits.test(unit) && !extra.text) return {rule: 'duration', why: `“${shown}”: a length of time says nothing on its own`}
  if (!saysWhat(shown)) return {rule: 'no-unit', why: `“${shown}” says not what it counts (a share or amount of nothing named)`}
  return {shown, ...(extra.joined ? {joins: next?.start ?? 0} : {})}
}

const amountWords = /^(?:[\d.,%$€£¥–-]+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|a|an|about|around|approximately|nearly|almost|over|more|than|less|fewer|at|least|most|up|to|roughly|estimated|just|under|some|per|cent|percent|percentage|points?|us|m|bn|k)$/i

/** True when a phrase has a word besides its number, hedge and sign: it says what it counts. */
function saysWhat(phrase: string) {
  return phrase.toLowerCase().split(/[^\p{L}\p{N}'’%$€£-]+/u).filter(Boolean).some((word) => !amountWords.test(word))
}

/** Words after the figure that stay in its clause and give it meaning, and whether they take in the next figure. */
function extension(after: string, nextAt: number, next?: Figure): {text: string; joined: boolean} {
  // An exchange or ratio carries both numbers: "50 hostages in exchange for 150 prisoners", "three prisoners for every hostage".
  if (next && nextAt >= 0) {
    const between = after.slice(0, nextAt).trim()
    if (/^(?:in exchange for|in return for|for|against|versus|per|for every|for each|to|out of)$/i.test(between)) {
      const nextText = next.qualifier && !next.text.toLowerCase().includes(next.qualifier.toLowerCase()) ? `${next.qualifier} ${next.text}` : next.text
      const nextHead = words(nextText).some((entry) => sameNoun(entry.word, next.unit)) || !next.unit ? nextText : `${nextText} ${next.unit}`
      return {text: `${between} ${nextHead}`, joined: true}
    }
  }
  const taken: string[] = []
  const tokens = after.match(/^[^,;:!?()—–"“”]*/u)?.[0]?.trim().split(/\s+/).filter(Boolean) ?? []
  if (!tokens[0] || !continuation.test(tokens[0].replace(/[.]$/, ''))) return {text: '', joined: false}
  for (const [index, token] of tokens.entries()) {
    const word = token.replace(/[.]$/, '')
    // "confirmed to be alive": a participle's "to be" stays in the clause.
    const toBe = word === 'to' && tokens[index + 1] === 'be' && /ed$/.test(taken.at(-1) ?? '')
    if (taken.length > 0 && clauseEnd.test(word) && !toBe) break
    if (/\d/.test(word)) break
    taken.push(word)
    if (token.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(token) || taken.length >= maxExtra) break
  }
  while (taken.length > 0 && dangling.test(taken.at(-1) ?? '')) taken.pop()
  return {text: taken.join(' '), joined: false}
}

function sameNoun(word: string, unit: string) {
  const stem = (value: string) => value.toLowerCase().replace(/(?:ies|es|s)$/, '').slice(0, 6)
  return unit.split(/[\s,]+/).some((part) => part.length > 2 && stem(part) === stem(word))
}

/** Spaces as a reader expects them; one currency, not "$1 billion dollars". */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/([$]\s?[\d.,]+(?:\s?(?:[mb]illion|trillion|bn|m|k))?)\s+(?:us\s+)?dollars\b/gi, '$1')
    .replace(/(€\s?[\d.,]+(?:\s?(?:[mb]illion|trillion|bn|m|k))?)\s+euros\b/gi, '$1')
    .replace(/(£\s?[\d.,]+(?:\s?(?:[mb]illion|trillion|bn|m|k))?)\s+pounds\b/gi, '$1')
    .replace(/[,;:]$/, '')
    .trim()
}

/** "confirmed by two Israeli officials", "according to three sources", "two officials said": who told it. */
function isAttribution(figure: Figure, sentence: string) {
  if (!/^(?:officials?|sources?|diplomats?|aides?|people|persons|witnesses|advisers|advisors|experts|analysts|spokesm[ae]n|officers)$/i.test(figure.unit.split(' ').at(-1) ?? '')) return false
  const at = sentence.indexOf(figure.text)
  if (at < 0) return false
  const before = sentence.slice(Math.max(0, at - 40), at)
  const after = sentence.slice(at + figure.text.length, at + figure.text.length + 60)
  return /\b(?:by|to|according to|citing|from)\s+(?:the\s+)?(?:at least\s+|some\s+)?$/i.test(before) || /^(?:\s+[\p{L}-]+){0,6}?,?\s+(?:said|say|says|told|confirmed|speaking|who spoke|familiar)\b/iu.test(after)
}

function isAge(figure: Figure, sentence: string) {
  const text = figure.text
  if (/\byears?[- ]old\b|\baged?\b/i.test(text)) return true
  const at = sentence.indexOf(text)
  if (at < 0) return false
  const before = sentence.slice(Math.max(0, at - 12), at)
  const after = sentence.slice(at + text.length, at + text.length + 14)
  if (/^[-\s]*years?[-\s]+old\b/i.test(after) || /^-year-old/i.test(after) || /^\s+of age\b/i.test(after) || /years? of age$/i.test(text)) return true
  if (/\baged?\s+$/i.test(before) || /\bage of\s+$/i.test(before)) return true
  // "Mia Schem, 21," : a bare number set off by commas after a name.
  return /^\d{1,3}$/.test(text) && /\p{Lu}[\p{L}'’-]+,\s*$/u.test(before) && /^\s*[,)]/.test(after)
}
