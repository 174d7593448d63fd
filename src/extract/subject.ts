/**
 * The subject of a clause: of a sentence's main clause (`subjectOfSentence`), or the phrase
 * before a speech verb (`subjectBefore`), past appositives, relative clauses and parentheses.
 */
import {letters} from './letters.js'
import {openers} from './name-words.js'
import {
  apposedName, capitalStart, documentAuthor, endsInCommonNoun, channelOwner, chunkBreak, describedStart, determinerStart, determiners, edges, isNameLike,
  leadingJoiners, particleName, personLike, pronoun, roleBeforeOf, valid
} from './speaker-phrase.js'

const U = letters.upper
const L = letters.letter

const trailingAdverbs =
  /(?:\s+(?:has|have|had|also|later|then|once|previously|recently|repeatedly|publicly|privately|reportedly|earlier|further|would|will|again|first|finally|simply|only|just|even|still|often|quickly|angrily|bluntly|flatly|told|has also|had also|would later|too|wryly|quietly|proudly|tersely|simply))+$/iu
// Any other adverb in -ly, in lower case: not a noun after a determiner or a possessive ("the
// family", "Smith's ally"), nor a name ("Kelly").
const trailingLyAdverb =
  /(?<!(?:^|\s)(?:the|a|an|his|her|their|its|our|my|your|this|that|[\p{L}]+[’']s?))\s+(?!(?:family|assembly|ally|rally|daily|bully|supply|reply|monopoly)$)[a-z]+ly$/u

// An opening phrase before the subject: "On Russia,", "In a statement on Monday,", "Later,",
// "Minutes later,", "Two days after the vote,".
const leadingAdverbial =
  /^\s*(?:(?:on|in|at|after|before|during|later|earlier|shortly|soon|subsequently|meanwhile|however|since|following|speaking|asked|responding|also|separately|then|now|still|yet|instead|afterwards|overall|today|yesterday|last|this|when|while|as|despite|with|without|for|from|under|over|by|first|second|third|finally|once|reportedly|additionally|furthermore|moreover|similarly|previously|initially|eventually|ultimately|although|though|whereas|because|if|until|unless|amid|like|unlike|according|thus|indeed|still|again|there|here|(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+)?(?:seconds|minutes|hours|moments|days|weeks|months|years|decades)\s+(?:later|earlier|ago|after|before))\b[^,;:“”"]{0,80}?,\s*)+/i
const leadingConjunction = /^\s*(?:and|but|so|yet|then)\s+/i
// A time that opens the sentence without a comma: "Last week the minister announced …".
// Without the `i` flag, which would let \p{Lu} match any letter: only the first letter of a time word may be a capital.
const anyCase = (words: string) => words.split('|').map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|')
const leadingTime = new RegExp(
  `^\\s*(?:(?:${anyCase('this|last|next|on|early|late|earlier|later')})\\s+)?(?:${anyCase('monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|weekend|today|yesterday')})\\s+(?=(?:the|a|an)\\s|\\p{Lu})`,
  'u'
)
// Where a subject stops: an auxiliary, a past form or another verb-like word.
const auxiliaries = new Set(
  'is was are were has have had will would can could did does do may might must should shall also then later again once still just'.split(
    ' '
  )
)
// prettier-ignore
export const irregularPast = new Set([
  'sent', 'took', 'made', 'gave', 'went', 'put', 'hit', 'held', 'began', 'wrote', 'told', 'said', 'spoke',
  'came', 'got', 'left', 'led', 'fought', 'brought', 'struck', 'sought', 'kept', 'stood', 'ran', 'won',
  'lost', 'met', 'read', 'knew', 'thought', 'felt', 'saw', 'found', 'paid', 'set', 'shot', 'took', 'drew',
  'threw', 'broke', 'chose', 'rose', 'fell', 'taught', 'sat', 'spent', 'lit', 'let', 'cut', 'says', 'tells'
])

/**
 * The speaker a main clause gives a participle or a channel: its subject when that can be a
 * speaker (a name, a pronoun, or a described person or body: "the company", "one aide"); "X's
 * statement" gives X.
 */
export function speakerOfSentence(segment: string): string | undefined {
  const subject = subjectOfSentence(segment)
  if (!subject) return undefined
  const text = subject.text
  // "The leader of Ennahda, Rachid Ghannouchi, condemned …": the description's apposed name.
  if (!personLike(text) || describedStart.test(text) || endsInCommonNoun.test(text)) {
    const name = apposedName(segment.slice(segment.charCodeAt(subject.to - 1) === 44 ? subject.to - 1 : subject.to))
    if (name) return name
  }
  const owner = channelOwner(text)
  if (owner) return owner
  if (pronoun.test(text) || personLike(text)) return text
  return undefined
}



/** A subject found in a text, with where it stands in it. */
export interface Subject {
  text: string
  from: number
  to: number
  /** For the subject of the sentence before a quote: the rest of that sentence. */
  after?: string
}

/** The subject of the main clause of `segment` (a sentence up to a quote), with where it stands. */
export function subjectOfSentence(segment: string): {text: string; from: number; to: number} | undefined {
  const first = subjectFrom(segment, 0)
  if (first) return first
  // An opening phrase the list above does not know ("The next day, …"): try past its comma.
  const comma = segment.indexOf(', ')
  return comma > 0 && comma < 100 ? subjectFrom(segment, comma + 2) : undefined
}

function subjectFrom(segment: string, start: number): {text: string; from: number; to: number} | undefined {
  let from = start
  const adverbial = leadingAdverbial.exec(segment.slice(start))
  if (adverbial) from += adverbial[0].length
  const conjunction = leadingConjunction.exec(segment.slice(from))
  if (conjunction) from += conjunction[0].length
  const time = leadingTime.exec(segment.slice(from))
  if (time) from += time[0].length
  const rest = segment.slice(from)
  let taken = ''
  let count = 0
  // The words of `rest` one by one, as `rest.split(/(\s+)/)` gives them: at most seven are read,
  // and splitting the whole sentence for them was a good part of the cost.
  let position = 0
  let separator = ''
  let previous = ''
  for (;;) {
    spaces.lastIndex = position
    const gap = spaces.exec(rest)
    const word = rest.slice(position, gap ? gap.index : rest.length)
    if (word === '') break
    const bare = word.replace(/[,;:()]+$/, '')
    const lower = bare.toLowerCase()
    if (count > 0 && !capitalStart.test(bare)) {
      // "Jo Anne Van Tilburg of the University of California": the name, not its body.
      if (lower === 'of' && count >= 2 && capitalStart.test(taken) && !roleBeforeOf.test(taken) && !/\s[a-z]/.test(taken)) break
      if (auxiliaries.has(lower) || irregularPast.has(lower)) break
      if (/ed$/.test(lower) && !determiners.has(previous.toLowerCase())) break
      if (/s$/.test(lower) && capitalStart.test(previous) && previous !== 'The' && !/ss$/.test(lower)) break
      // An adverb after a name stands before its verb ("De Miranda beautifully evokes").
      if (/ly$/.test(lower) && capitalStart.test(previous) && !openers.has(previous) && lower !== 'only') break
    }
    taken += (count > 0 ? separator : '') + word
    count++
    if (bare !== word || count > 6 || !gap) break
    separator = gap[0]
    previous = word
    position = gap.index + gap[0].length
  }
  if (count === 0 || count > 6) return undefined
  // "It also credited Leonov …, noting": a body's pronoun, which a caller may resolve.
  if (count === 1 && (taken === 'It' || taken === 'They')) return {text: taken, from, to: from + taken.length}
  const text = valid(taken)
  if (!text) return undefined
  if (!capitalStart.test(text) && !determinerStart.test(text.toLowerCase()) && !pronoun.test(text)) return undefined
  return {text, from, to: from + taken.length}
}



// The subject before a speech verb, skipping auxiliaries, parentheses and appositives
// ("Abu Obeida, a spokesman for Hamas’s armed wing," → Abu Obeida); a relative "who" gives the
// name it follows; failing a clean phrase, the name or "the noun" right before the verb.
export function subjectBefore(text: string): string | undefined {
  // A link's blanked destination (see quote-marks.ts) takes no room in the window below.
  if (text.includes('\u00a0\u00a0')) text = text.replace(linkFill, '\u00a0')
  // Only what follows the last blanked quotation can be the subject.
  const gap = text.lastIndexOf('   ')
  let from = gap === -1 ? 0 : gap + 3
  // A subject with its appositive fits in the last 160 characters; the end-anchored patterns
  // below would otherwise be tried at every position of a long sentence. Start at a word.
  if (text.length - from > 160) from = text.indexOf(' ', text.length - 160) + 1
  const window = text.slice(from).replace(parenthesis, '').trimEnd()
  const tail = Math.max(0, window.length - 60)
  let end = window.slice(tail)
  for (let shorter = end; ; end = shorter) {
    shorter = end.replace(trailingAdverbs, '').replace(trailingLyAdverb, '')
    if (shorter === end) break
  }
  const trimmed = (window.slice(0, tail) + end).trimEnd()
  // "On the live television he said": a personal pronoun right before the verb is its subject.
  const personal = pronounEnd.exec(trimmed)
  if (personal) return personal[1]
  // "It said": a body's pronoun, which the caller may give the body of the sentence before.
  if (trimmed === 'It' || trimmed === 'it' || trimmed.endsWith(' it') || trimmed.endsWith(' It')) return trimmed.slice(-2)
  const relative = relativeEnd.exec(trimmed)
  if (relative) {
    const antecedent = trimmed.slice(0, relative.index).split(chunkBreak)
    for (let index = antecedent.length - 1; index >= 0; index--) {
      const chunk = antecedent[index]!.replace(edges, '')
      // An appositive description ("a marine ecologist at GT") stands between the name and "who".
      if (index < antecedent.length - 1 && determinerStart.test(chunk)) continue
      const name = trailingName.exec(chunk)
      const speaker = name ? valid(name[1]!) : undefined
      if (speaker) return speaker
      // "criticism from fans who called it": people named by a plural noun.
      const people = index === antecedent.length - 1 ? trailingPlural.exec(chunk) : null
      if (people && personLike(people[1]!)) return people[1]
    }
    return undefined
  }
  const appositive = /[,)]$/.test(trimmed)
  // Only the last chunk with words, and the one before it, are read: cleaned here alone.
  const chunks = trimmed.split(chunkBreak)
  let last = chunks.length - 1
  let candidate = ''
  while (last >= 0 && (candidate = chunks[last]!.replace(edges, '')) === '') last--
  if (last < 0) return undefined
  const previous = last > 0 ? chunks[last - 1]!.replace(edges, '') : undefined
  // "The report, published by the ministry, said": the appositive is a participle's phrase, and
  // the subject stands before it, or the agent who wrote or put out the document it is
  // ("The court's opinion, written by Chief Justice X, said" → X).
  if (appositive && previous !== undefined && opensWithPast(candidate)) candidate = documentAuthor(`${previous} ${candidate}`) ?? previous
  // "The ban came after residents complained": a clause before the subject; the plural noun
  // after its verb speaks.
  else if (opensWithPast(candidate) || innerPast.test(candidate)) {
    const people = trailingPlural.exec(candidate)
    return people && personLike(people[1]!) ? people[1] : undefined
  }
  // An appositive that is itself a role and a name gives the name ("the study's authors,
  // herpetologist David Blackburn,").
  const apposedName = appositive ? apposedRole.exec(candidate) : null
  // "Like Smith, a second witness said": a fronted phrase, not a name in apposition.
  const previousName = previous === undefined || frontedPreposition.test(previous) ? undefined : valid(previous.replace(leadingJoiners, ''))
  if (apposedName) candidate = apposedName[1]!
  else if (
    previousName !== undefined &&
    isNameLike(previousName) &&
    (appositive || determinerStart.test(candidate)) &&
    !(endsInCommonNoun.test(previousName) && allCapitalised.test(candidate))
  )
    candidate = previousName
  else if (appositive && describedPerson.test(candidate)) candidate = nameBeforeAsides(chunks) ?? candidate
  candidate = candidate.replace(leadingJoiners, '').replace(leadingTime, '')
  const speaker = valid(candidate)
  // A bare common noun is no speaker ("the alleged “losers” comment reported in …"); a surname
  // with its particle is ("de Miranda").
  if (
    speaker &&
    !capitalStart.test(speaker) &&
    !determinerStart.test(speaker) &&
    !pronoun.test(speaker) &&
    !personLike(speaker) &&
    !particleName.test(speaker)
  )
    return undefined
  if (speaker || appositive) return speaker
  const name = trailingName.exec(candidate)
  if (name && !prepositionEnd.test(candidate.slice(0, name.index + 1))) return valid(name[1]!)
  const noun = trailingNoun.exec(candidate)
  return noun && personLike(noun[1]!) ? valid(noun[1]!) : undefined
}


const allCapitalised = /^\p{Lu}[^\s]*(?:\s+\p{Lu}[^\s]*)*$/u

// ("Speaking to the BBC, the minister said", "Asked about it, the minister said": a participle's.)
const frontedPreposition = /^(?:Like|Unlike|Despite|Besides|Beside|Alongside|Against|Among|Amid|With|Without|After|Before|Behind|Following|Including|Except|Asked|Pressed|Questioned)\s|^\p{Lu}\p{Ll}+ing\s+\p{Ll}/u

// "Anderson Cooper, of CNN, one of her four sons, stated": past the asides ("of CNN", an age, a
// description) to the name the sentence opens with, at most three asides back.
const describedPerson = /^(?:one\s+of\s|(?:a|an|the|his|her|their)\s)/
const asideStart = /^(?:of|from|at|with|in|for)\s/
function nameBeforeAsides(chunks: readonly string[]): string | undefined {
  for (let index = chunks.length - 2; index >= Math.max(0, chunks.length - 4); index--) {
    const chunk = chunks[index]!.replace(leadingJoiners, '')
    if (asideStart.test(chunk) || describedPerson.test(chunk) || /^\d{1,3}$/.test(chunk)) continue
    const name = valid(chunk)
    return name && isNameLike(name) ? name : undefined
  }
  return undefined
}

const trailingPlural = /(?:^|\s)([a-z]+s)$/
const spaces = /\s+/g
// A past form of a verb inside a phrase, before a preposition ("The ban came after residents").
const innerPast = /\s(?:came|went|followed|arrived|happened|occurred|started|began|ended|continued)\s+(?:after|before|as|when|while|because|since|amid|from|with)\s/
const irregularParticiples = new Set(['written', 'given', 'taken', 'seen', 'shown', 'spoken', 'drawn', 'chosen', 'known', 'done', 'driven'])
// A phrase that opens with a past form is a clause or a participle, not a subject.
function opensWithPast(phrase: string): boolean {
  const first = phrase.slice(0, phrase.indexOf(' ') >>> 0).toLowerCase()
  return /^[a-z]/.test(phrase) && (irregularPast.has(first) || irregularParticiples.has(first) || (/ed$/.test(first) && !determiners.has(first)))
}

const prepositionEnd = /(?:^|\s)(?:on|in|at|to|from|by|for|of|via|into|onto|about|against)\s*$/i
const pronounEnd = /\s(he|she|He|She)$/
const linkFill = /\u00a0{2,}/g
const parenthesis = /\s*\([^()]{0,80}\)/g
const relativeEnd = /(?:^|[\s,])(?:who|whom)$/
const trailingName = new RegExp(
  `(?:^|\\s)((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*(?:\\s+of\\s+(?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s*){1,4})?)$`
)
// An appositive of a role and a name: "herpetologist David Blackburn", "civil engineering professor X".
const apposedRole = new RegExp(
  `^(?:(?!(?:the|a|an|of|for|at|in|on|to|from|with|by|also|now|then|later|formerly|previously|once)\\s)[a-z][${L}\\-]*\\s+){1,5}((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)$`
)
const trailingNoun = /(?:^|\s)((?:the|a|an|his|her|their|its|our)\s+[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*)?)$/
