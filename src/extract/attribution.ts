/**
 * Who speaks a quotation, read from the text of its sentence with every quotation blanked out
 * (see `maskSentence` in quotes.ts), so that words inside quotes are never taken for attribution.
 *
 * After the quote: "…,” said X", "…,” X said/told…", "…,” according to X" (a pronoun goes first
 * to the subject of its own sentence when that person fits it).
 * Before the quote, nearest cue first:
 *   - a medium reporting the speech: "Politico quoted X as saying", "according to X";
 *   - a noun cue: "as X puts it", "in X's words", "X's message:";
 *   - a speech verb ("said", "accused … of", "described … as"): its subject, skipping
 *     appositives, relative clauses and parentheses;
 *   - a participle ("…, saying", "by saying", "telling one aide:") or a channel ("issued a
 *     statement saying", "fired off tweets:", "a sign that read"): the subject of the main clause.
 * Never a speaker: relative pronouns, time phrases, participles, clauses, all-caps labels.
 */
import {letters} from './letters.js'
import type {Names} from './names.js'
import {speechVerb} from './speech.js'

export interface Attribution {
  speaker: string
  cue: string
  /** Found in the quote's own sentence. */
  local: boolean
}

const U = letters.upper
const L = letters.letter

// Cues in the text before a quote: a finite speech verb (group 1, lower case unless the line is in
// headline case), a participle (group 2) or a channel noun (group 3).
const participles =
  'saying|telling|adding|writing|asking|declaring|noting|arguing|insisting|warning|explaining|calling|describing|' +
  'tweeting|posting|stating|claiming|urging|vowing|replying|responding|proclaiming|shouting|joking|quipping|' +
  'pleading|boasting|complaining|remarking|accusing|comparing|criticising|criticizing|sighing|advising|' +
  'announcing|reading|that reads|that read|which read|which reads|conceding|admitting|recalling|suggesting|' +
  'answering|musing|lamenting|stressing|emphasizing|emphasising|promising|predicting|demanding|exclaiming'
const channels =
  'statement|statements|tweet|tweets|post|posts|email|e-mail|emails|letter|message|messages|release|memo|note|' +
  'sign|banner|placard|poster|caption|video|speech|op-ed|editorial|interview|blog post|press conference|text message'
const cuePattern = (flags: string) =>
  new RegExp(`(${speechVerb})|(?<![A-Za-z\\-])(${participles})\\b|(?<![A-Za-z\\-])(${channels})\\b`, flags)
const cues = cuePattern('g')
const headlineCues = cuePattern('gi')
const verbFirst = new RegExp(String.raw`^(${speechVerb})[ \u00a0]+`)
const verbFirstAnyCase = new RegExp(String.raw`^(${speechVerb})[ \u00a0]+`, 'i')
const anyVerb = new RegExp(speechVerb, 'g')
const anyVerbAnyCase = new RegExp(speechVerb, 'gi')
const accordingTo = /\baccording to\s+/i
const quotedAs = new RegExp(
  `\\b(?:quoted|quotes|quoting|cited|cites|citing)\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|(?:an?|the)\\s+[^,;:]{3,60}?)(?:,[^,;:“”"]{1,100},)?\\s+as\\s+(saying|telling|writing|stating|adding)\\b`
)
const asReported = new RegExp(
  `^as\\s+((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|the\\s+[a-z][^,;:]{2,40}?)\\s+(reported|reports|noted|notes|put it|puts it|wrote|writes|said|says|explained|observed)\\b`
)
const putsIt = new RegExp(`\\bas\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|(?:he|she|they))\\s+(?:puts|put|said|says|wrote|writes)\\s+it\\b`)
const inWords = new RegExp(
  `\\b[Ii]n\\s+(?:((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}\\-]*)[’']s?|the)\\s+words(?:\\s+of\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*))?`
)
const messageOf = new RegExp(
  `((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}\\-]*)[’']s?\\s+(?:message|words|reply|response|answer|verdict|advice|warning|retort|tweet|statement)\\s*[:,—–-]?\\s*$`
)
// A round-up or transcript line: "Name, Outlet:" or "NAME:" before the quote.
const labelLine = new RegExp(`^\\s*((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)(?:,\\s*[^,:]{2,60})?\\s*:\\s*$`)

const phraseEnd =
  /[,;:!?()\[\]"“”—–]|\s(?:in|on|at|during|after|before|as|when|while|to|from|with|via|through|last|this|yesterday|today|tonight|who|whom|which|that|adding|referring|because|but|and then|if|since|about|per)\b/
const trailingAdverbs =
  /(?:\s+(?:has|have|had|also|later|then|once|previously|recently|repeatedly|publicly|privately|reportedly|earlier|further|would|will|again|first|finally|simply|only|just|even|still|often|quickly|angrily|bluntly|flatly|told|has also|had also|would later|too|[a-z]+ly|wryly|quietly|proudly|tersely|simply))+$/iu
const leadingJoiners =
  /^(?:and|but|while|as|so|then|yet|although|though|because|when|where|whereas|meanwhile|however|instead)\s+/iu
const badStart =
  /^(?:and|but|or|then|in|on|at|after|before|during|that|which|who|whom|whose|this|there|these|those|to|for|from|with|by|if|it|what|how|why|where|when|once|also|not|no|as|so|whereas|although|though|because)\b/iu
// A participle is never a speaker ("speaking to the BBC"); a capitalised word may be a name ("Ending").
const participleStart = /^(?:[a-z]+ing\b|[A-Z][a-z]+ing\s+[a-z])/
const innerPronoun = /\s(?:i|we|you|they|he|she|it)(?:\s|$)/i
const determinerStart = /^(?:a|an|the|one|two|three|four|several|some|many|another|his|her|their|its|our)\s/
const pronoun = /^(?:he|she|they|we|i|it|him|her|you)$/iu
const personalPronoun = /^(?:he|she|him|her)$/iu
const chunkBreak = /\s*[,;:—–()\[\]]\s*|\s+-\s+/
const pronounPhrase = /^(?:i|you|we|they|he|she)(?:\s|['’])/i
const danglingEnd = /\s(?:and|or|but|of|to|the|a|an|for|with|by|in|on|at)$/i
const clauseVerb =
  /\b(?:has|have|had|was|were|is|are|been|will|would|could|should|did|does|said|says|told|tells|asked|added|wrote|reported|reports)\b/
const phrasalEnd = /\s(?:off|out|up|down|back|over)$/
const roleBeforeOf =
  /\b(?:Secretary|Minister|Director|Head|Chief|President|Governor|Mayor|Chairman|Chairwoman|Chair|Professor|Member|Leader|Spokesman|Spokeswoman|Spokesperson|CEO|Ambassador|Commissioner|Secretary-General|General|Commander|Chancellor|Speaker|Dean|Rector)$/
// prettier-ignore
const timeWords = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'tomorrow', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'week', 'month', 'year', 'morning', 'evening',
  'afternoon', 'night', 'weekend', 'earlier', 'later', 'last', 'next', 'recently'
])
const capitalStart = /^\p{Lu}/u
const describedStart = /^(?:The|A|An|One|Two|Three|Several|Some|Many|Another|His|Her|Their|Its)\s/u
const wordStop = /[a-z]{3}\.$/
const nameOf = new RegExp(`^((?:[${U}][${L}’'.\\-]*\\s+){1,3}[${U}][${L}’'\\-]*)\\s+of\\s`)
const nameThenPlace = new RegExp(`^((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)\\s+(?:on|in|via|at|from|during|after|before)\\s`)
const roleThenName = new RegExp(`(?:^|\\s)([a-z][${L}\\-]*)\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)$`)
// "the Department of Conservation", "the University of Chicago": the body's own name goes on.
const bodyBeforeOf =
  /(?:Department|Ministry|Office|Bureau|Board|Council|Committee|Commission|University|Institute|Agency|Court|School|College|Society|Association|Federation|Union|Centre|Center|Academy|Bank|Chamber|House|Church|Museum|Division|Unit|Service|Corps|Order|League)$/
const nameThenOf = new RegExp(`(?:^|\\s)((?:[${U}][${L}’'.\\-]*\\s+){1,3}[${U}][${L}’'\\-]*)\\s+of\\s+(?:the\\s+)?[${U}][^,;:]*$`)
// Words that tie a description to someone else ("the mother of victim Jane Doe", "a spokesman for
// Senator X"): a name after them is not the speaker's.
const tiedDescription = /(?:^|\s)(?:of|for|to|with|at|by|from|on|in|near|behind|about|against)\s/i

// A role before a name keeps the name ("eyewitness Vinnie DeVita", "an attendee Om Prakash",
// "ABHM president Chakrapani"), never a name tied to someone else's description.
function nameAfterRole(clean: string): string | undefined {
  const match = roleThenName.exec(clean)
  if (!match) return undefined
  const role = match[1]!
  if (determiners.has(role) || /^(?:and|or|but|than|as|like|of|for|to|in|at|on|by|from|with)$/.test(role)) return undefined
  const prefix = clean.slice(0, match.index + 1)
  if (tiedDescription.test(prefix + ' ')) return undefined
  const name = match[2]!
  // One name word after a role noun only ("president Chakrapani", not "the company Apple").
  if (!name.includes(' ') && !roleNouns.has(role) && !personRoles.has(role)) return undefined
  return name
}

// prettier-ignore
const personRoles = new Set([
  'attendee', 'co-author', 'archbishop', 'cardinal', 'priest', 'pastor', 'rabbi', 'imam', 'coach',
  'captain', 'singer', 'actor', 'actress', 'artist', 'musician', 'eyewitness', 'bystander', 'herpetologist',
  'biologist', 'physicist', 'chemist', 'epidemiologist', 'economist', 'professor', 'lecturer', 'chef',
  'farmer', 'fisherman', 'pilot', 'driver', 'athlete', 'runner', 'striker', 'goalkeeper', 'midfielder'
])
const edges = new RegExp(`^[^0-9${L}]+|[^0-9${L}.’']+$`, 'g')
const allCaps = /^[^a-z]*[A-Z][^a-z]*$/

// An opening phrase before the subject: "On Russia,", "In a statement on Monday,", "Later,".
const leadingAdverbial =
  /^\s*(?:(?:on|in|at|after|before|during|later|earlier|meanwhile|however|since|following|speaking|asked|responding|also|separately|then|now|still|yet|instead|afterwards|overall|today|yesterday|last|this|when|while|as|despite|with|without|for|from|under|over|by|first|second|third|finally|once|reportedly|additionally|furthermore|moreover|similarly|previously|initially|eventually|ultimately|although|though|whereas|because|if|until|unless|amid|like|unlike|according|thus|indeed|still|again|there|here)\b[^,;:“”"]{0,80}?,\s*)+/i
const leadingConjunction = /^\s*(?:and|but|so|yet|then)\s+/i
// Where a subject stops: an auxiliary, a past form or another verb-like word.
const auxiliaries = new Set(
  'is was are were has have had will would can could did does do may might must should shall also then later again once still just'.split(
    ' '
  )
)
// prettier-ignore
const irregularPast = new Set([
  'sent', 'took', 'made', 'gave', 'went', 'put', 'hit', 'held', 'began', 'wrote', 'told', 'said', 'spoke',
  'came', 'got', 'left', 'led', 'fought', 'brought', 'struck', 'sought', 'kept', 'stood', 'ran', 'won',
  'lost', 'met', 'read', 'knew', 'thought', 'felt', 'saw', 'found', 'paid', 'set', 'shot', 'took', 'drew',
  'threw', 'broke', 'chose', 'rose', 'fell', 'taught', 'sat', 'spent', 'lit', 'let', 'cut', 'says', 'tells'
])
const determiners = new Set('the a an this that these those his her their its our my your one some several many another'.split(' '))

/** The speaker after the quote: "…,” said X", "…,” X said", "…,” according to X". */
export function attributeAfter(
  segment: string,
  names: Names,
  at: number,
  ownSubject?: () => {text: string; from: number; to: number} | undefined
): Attribution | undefined {
  // Another clause after a semicolon has its own subject ("…” condition; TVN24 reported").
  const semicolon = segment.indexOf(';', 1)
  const post = (semicolon > 0 ? segment.slice(0, semicolon) : segment).replace(/^[\s,;:—–-]+/u, '')
  if (post.length === 0) return undefined
  // "“…” — Aparna Garg, railway manager": a dash and a name sign the quote.
  if (dashSigned.test(segment)) {
    const speaker = phraseAfter(post.replace(/^[\u200b-\u200d\ufeff]+/u, ''))
    if (speaker && capitalStart.test(speaker)) return resolved(speaker, '—', names, at)
  }
  const headline = isHeadline(post)
  const first = (headline ? verbFirstAnyCase : verbFirst).exec(post)
  if (first) {
    const rest = post.slice(first[0].length)
    const speaker = phraseAfter(rest)
    // "said his father, Abdullah Kurdi,": the description's apposed name.
    if (speaker && !capitalStart.test(speaker)) {
      const name = apposedName(rest.slice(rest.indexOf(speaker) + speaker.length))
      if (name) return resolved(name, first[1]!.toLowerCase(), names, at)
    }
    if (speaker) return resolved(speaker, first[1]!.toLowerCase(), names, at, ownSubject)
  }
  const according = accordingTo.exec(post)
  if (according && according.index === 0) {
    const speaker = phraseAfter(post.slice(according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  // "…,” as Reuters reported, “…”", "…” — as the decision put it".
  const as = asReported.exec(post)
  if (as) {
    const speaker = valid(as[1]!)
    if (speaker) return resolved(speaker, as[2]!, names, at)
  }
  const verbs = headline ? anyVerbAnyCase : anyVerb
  verbs.lastIndex = 0
  const verb = verbs.exec(post)
  if (verb && verb.index > 0 && countWords(post.slice(0, verb.index)) <= 10) {
    const speaker = subjectBefore(post.slice(0, verb.index))
    if (speaker) return resolved(speaker, verb[0].toLowerCase(), names, at, ownSubject)
  }
  // "…” are all thought to contribute, according to the Department": the source closes the clause.
  if (according && !verb) {
    const speaker = phraseAfter(post.slice(according.index + according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  return undefined
}

/**
 * The speaker named before the quote in its sentence, nearest cue first (see the docblock).
 * `whole`: the segment starts at the sentence's start, so its main clause can be read.
 */
export function attributeBefore(segment: string, names: Names, at: number, whole = true): Attribution | undefined {
  const quoted = quotedAs.exec(segment)
  if (quoted) {
    const speaker = valid(quoted[1]!)
    if (speaker) return resolved(speaker, `quoted as ${quoted[2]}`, names, at)
  }
  const according = accordingTo.exec(segment)
  if (according) {
    const speaker = phraseAfter(segment.slice(according.index + according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  const puts = putsIt.exec(segment)
  if (puts) {
    const speaker = valid(puts[1]!)
    if (speaker) return resolved(speaker, 'as … puts it', names, at)
  }
  const inTheirWords = inWords.exec(segment)
  if (inTheirWords) {
    const speaker = valid(inTheirWords[1] ?? inTheirWords[2] ?? '')
    if (speaker) return resolved(speaker, 'in … words', names, at)
  }
  const message = endsWithMessage(segment) ? messageOf.exec(segment) : null
  if (message) {
    const speaker = valid(message[1]!)
    if (speaker) return resolved(speaker, 'message', names, at)
  }
  const label = whole ? labelLine.exec(segment) : null
  if (label) {
    const speaker = labelSpeaker(label[1]!, names, at)
    if (speaker) return {speaker, cue: ':', local: true}
  }

  // A sentence that opens with its verb: "Remarked scientist Tierra Curry, “…”".
  const opening = verbFirstAnyCase.exec(segment.trimStart())
  const openingSubject = opening ? invertedSubject.exec(' ' + segment.trimStart().slice(opening[0].length)) : null
  const openingName = openingSubject ? valid(openingSubject[1]!) : undefined
  if (openingName) return resolved(openingName, opening![1]!.toLowerCase(), names, at)

  const pattern = isHeadline(segment) ? headlineCues : cues
  pattern.lastIndex = 0
  const found: RegExpExecArray[] = []
  let match: RegExpExecArray | null
  // A verb inside a dash aside is not the sentence's ("X commented — which the BBC noted as
  // unusual — “…”"): blank the aside, keeping the positions.
  if (segment.includes('—') || segment.includes(' – ')) segment = segment.replace(dashAside, (aside) => ' '.repeat(aside.length))
  while ((match = pattern.exec(segment))) found.push(match)
  let main: string | undefined | null = null
  const mainSubject = () => {
    if (main === null) main = whole ? speakerOfSentence(segment) : undefined
    return main
  }
  for (let index = found.length - 1; index >= 0; index--) {
    const cue = found[index]!
    const word = cue[0].toLowerCase()
    const before = segment.slice(0, cue.index)
    const after = segment.slice(cue.index + cue[0].length)
    if (cue[1] !== undefined) {
      if (nounUse(before)) {
        if (!introduces.test(after)) continue
      } else if (passive.test(before)) {
        // "was described by the police as": the agent speaks; without one, nobody here does.
        const agent = byAgent.exec(after)
        const speaker = agent ? valid(agent[1]!) : undefined
        if (speaker) return resolved(speaker, word, names, at)
        continue
      } else {
        const speaker = subjectBefore(before)
        // A pronoun looks back from its verb, not from the quote: a name between them is another
        // person ("she said, asking Cengiz to be “…”").
        if (speaker) return resolved(speaker, word, names, at - (segment.length - cue.index))
        // Inverted: "…,” said Khan, “…”", "Remarked scientist Tierra Curry, “…”". Only where
        // nothing but a quotation stands before the verb: after a clause of its own ("speaker
        // Ali Larijani wrote on Instagram:") what follows the verb is its object, not its subject.
        const inverted = invertedAllowed.test(before) ? invertedSubject.exec(after) : null
        const named = inverted ? valid(inverted[1]!) : undefined
        if (named && !pronoun.test(named)) return resolved(named, word, names, at)
        // The subject is further back, past an appositive, a relative clause or "and".
        if (!clauseJoin.test(before)) continue
      }
    } else if (cue[2] !== undefined) {
      // "she said, asking X to be “…”": the participle belongs to the speech verb before it.
      const previous = found[index - 1]
      if (previous?.[1] !== undefined && cue.index - previous.index - previous[0].length < 4) continue
      // "with X calling it", "Many users are calling it": the participle's own subject.
      const own = progressive.exec(before)
      const local = own ? subjectBefore(before.slice(0, own.index) + ' ') : nameBefore.test(before) ? subjectBefore(before) : undefined
      if (local) return resolved(local, word, names, at)
    } else if (!introduces.test(after)) continue
    const subject = mainSubject()
    if (subject) return resolved(subject, word, names, at)
  }
  // A sentence that introduces the quote with a colon ("Governor X addressed the public:").
  if (found.length === 0 && introducedByColon.test(segment) && countWords(segment) >= 3) {
    const subject = mainSubject()
    if (subject) return resolved(subject, ':', names, at)
  }
  return undefined
}

const invertedAllowed = /(?:^|[”"’,.:;!?])\s*$/u
const invertedSubject = /^\s+((?:[^,;:“”"\s]+\s+){0,7}[^,;:“”"\s]+)\s*[,:]\s*$/
// A name set off by commas right after a description: ", Abdullah Kurdi," or ", the Syrian
// Democratic Forces (SDF),".
const apposed = new RegExp(
  `^\\s*,\\s*((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s+){0,4}[${U}][${L}’'\\-]*)\\s*(?:\\([^()]{1,20}\\)\\s*)?(?:[,.;]|$)`
)

function apposedName(text: string): string | undefined {
  const match = apposed.exec(text)
  return match ? valid(match[1]!) : undefined
}

const dashAside = /\s[—–]\s[^—–“”"]{1,120}?\s[—–](?=\s)/g
const dashSigned = /^\s*[—–]\s*/
const introducedByColon = /:\s*$/

// After a channel noun, what may stand before the quote it introduces ("a statement:", "a sign
// that read", "tweets, in part,").
const introduces =
  /^\s*(?:(?:that|which)\s+)?(?:read|reads|said|says|saying|reading|stating|stated)?\s*(?:,?\s*in\s+part\s*)?[:,—–-]?\s*$/
const passive = /\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:[a-z]+ly\s+)?$/
const byAgent = new RegExp(`\\bby\\s+((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s*){1,4}|the\\s+[a-z]+)`)
const clauseJoin = /(?:[,)]|\b(?:and|but|then|also|later))\s*$/
const progressive = /\b(?:is|are|was|were|been)\s+(?:(?:also|now|still|publicly|openly)\s+)?$/
const nameBefore = new RegExp(`[${U}][${L}’'\\-]*\\s+$`)

/**
 * The speaker a main clause gives a participle or a channel: its subject when that can be a
 * speaker (a name, a pronoun, or a described person or body: "the company", "one aide"); "X's
 * statement" gives X.
 */
function speakerOfSentence(segment: string): string | undefined {
  const subject = subjectOfSentence(segment)
  if (!subject) return undefined
  const text = subject.text
  // "The leader of Ennahda, Rachid Ghannouchi, condemned …": the description's apposed name.
  if (!personLike(text) || describedStart.test(text)) {
    const name = apposedName(segment.slice(segment.charCodeAt(subject.to - 1) === 44 ? subject.to - 1 : subject.to))
    if (name) return name
  }
  const owner = possessiveChannel.exec(text)
  if (owner) return valid(owner[1]!)
  if (pronoun.test(text) || personLike(text)) return text
  return undefined
}

const possessiveChannel = new RegExp(`^(.+?)[’']s?\\s+(?:(?:final|latest|first|new|official|own|full|written|short|brief)\\s+)?(?:${channels})$`)

/** A name (capitalised words, not one sentence-opening word), or a determiner and a person's or a body's noun. */
export function personLike(text: string): boolean {
  const words = text.split(/\s+/)
  const head = words[words.length - 1]!.toLowerCase()
  if (capitalStart.test(text) && words.every((word) => capitalStart.test(word) || /^(?:of|the|and|de|al|van|von|bin)$/.test(word))) {
    return words.length > 1 || allCaps.test(text) || !sentenceOpeners.has(text)
  }
  if (/^the\s/.test(text) && words.slice(1).every((word) => capitalStart.test(word) || /^(?:of|and|for)$/.test(word))) return true
  return roleNouns.has(head) || roleNouns.has(head.replace(/s$/, '')) || roleNouns.has(head.replace(/es$/, ''))
}

// prettier-ignore
const roleNouns = new Set([
  'president', 'minister', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'company', 'campaign',
  'government', 'ministry', 'department', 'agency', 'police', 'activist', 'protester', 'group', 'union',
  'party', 'family', 'court', 'judge', 'palace', 'researcher', 'scientist', 'author', 'team', 'club',
  'firm', 'bank', 'board', 'council', 'committee', 'leader', 'chief', 'director', 'mayor', 'governor',
  'senator', 'lawmaker', 'lawyer', 'attorney', 'prosecutor', 'witness', 'resident', 'aide', 'source',
  'expert', 'analyst', 'officer', 'organisation', 'organization', 'administration', 'office', 'white house',
  'network', 'channel', 'newspaper', 'daily', 'studio', 'league', 'federation', 'association', 'coalition',
  'opposition', 'regulator', 'military', 'army', 'navy', 'embassy', 'ambassador', 'envoy', 'king', 'queen',
  'prince', 'princess', 'chancellor', 'premier', 'secretary', 'candidate', 'challenger', 'rival',
  'opponent', 'manager', 'coach', 'player', 'owner', 'founder', 'ceo', 'chairman', 'chairwoman', 'doctor',
  'nurse', 'teacher', 'student', 'worker', 'employee', 'victim', 'survivor', 'mother', 'father', 'son',
  'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'neighbour', 'neighbor', 'woman', 'man',
  'people', 'users', 'user', 'fan', 'voter', 'organiser', 'organizer', 'host', 'reporter', 'journalist',
  'editor', 'writer', 'critic', 'commentator', 'democrat', 'republican', 'parliament', 'senate', 'congress',
  'regime', 'state', 'city', 'county', 'school', 'university', 'hospital', 'airline', 'operator', 'agent',
  'representative', 'delegate', 'member', 'speaker', 'pope', 'bishop', 'church', 'judges', 'jury', 'panel',
  'authorities', 'authority', 'witness', 'expert', 'economist', 'historian', 'lawyer', 'citizen', 'parent', 'child',
  'supporter', 'critic', 'spokesperson', 'administrator', 'investigator', 'scientist', 'researcher', 'engineer', 'service', 'force', 'forces', 'commission', 'institute', 'foundation'
])
const sentenceOpeners = new Set(
  'Election Political Reportedly First Second Finally Turns However Meanwhile Later Earlier Then Still Also Instead Previously Initially Eventually Overall Part Most Many Some Several Backlash Search'.split(
    ' '
  )
)

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
  const rest = segment.slice(from)
  const words = rest.split(/(\s+)/)
  let taken = ''
  let count = 0
  for (let index = 0; index < words.length; index += 2) {
    const word = words[index]!
    if (word === '') break
    const bare = word.replace(/[,;:()]+$/, '')
    const lower = bare.toLowerCase()
    if (count > 0 && !capitalStart.test(bare)) {
      const previous = words[index - 2]!
      // "Jo Anne Van Tilburg of the University of California": the name, not its body.
      if (lower === 'of' && count >= 2 && capitalStart.test(taken) && !roleBeforeOf.test(taken) && !/\s[a-z]/.test(taken)) break
      if (auxiliaries.has(lower) || irregularPast.has(lower)) break
      if (/ed$/.test(lower) && !determiners.has(previous.toLowerCase())) break
      if (/s$/.test(lower) && capitalStart.test(previous) && previous !== 'The' && !/ss$/.test(lower)) break
    }
    taken += (count > 0 ? words[index - 1] : '') + word
    count++
    if (bare !== word || count > 6) break
  }
  if (count === 0 || count > 6) return undefined
  const text = valid(taken)
  if (!text) return undefined
  if (!capitalStart.test(text) && !determinerStart.test(text.toLowerCase()) && !pronoun.test(text)) return undefined
  return {text, from, to: from + taken.length}
}

// A speech verb used as a noun: "fired off tweets", "his reply", "the calls".
function nounUse(before: string): boolean {
  const word = lastToken(before)
  if (word === undefined) return false
  return determiners.has(word.toLowerCase()) || /^(?:off|out|up|of|several|numerous|multiple)$/i.test(word)
}

// "NAME:" or "Name, Outlet:" at the start of a line: a person, never a section label.
function labelSpeaker(label: string, names: Names, at: number): string | undefined {
  const words = label.trim().split(/\s+/)
  if (allCaps.test(label)) {
    const titled = words.map((word) => word[0] + word.slice(1).toLowerCase()).join(' ')
    const resolvedName = names.resolve(titled, at)
    return resolvedName.includes(' ') && resolvedName !== titled ? resolvedName : undefined
  }
  if (words.length < 2 || words.length > 4) return undefined
  const speaker = valid(label)
  return speaker ? names.resolve(speaker, at) : undefined
}

function resolved(
  speaker: string,
  cue: string,
  names: Names,
  at: number,
  ownSubject?: () => {text: string; from: number; to: number} | undefined
): Attribution | undefined {
  let name = speaker
  if (pronoun.test(speaker)) {
    if (!personalPronoun.test(speaker)) name = ''
    else {
      // The subject of the pronoun's own sentence first, when it is a person who fits.
      const own = ownSubject?.()
      name = (own && names.personAt(own.from, own.to, speaker)) ?? names.lastPerson(at, speaker) ?? ''
    }
  } else if ((capitalStart.test(speaker) && !describedStart.test(speaker)) || particleName.test(speaker)) {
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

// The subject before a speech verb, skipping auxiliaries, parentheses and appositives
// ("Abu Obeida, a spokesman for Hamas’s armed wing," → Abu Obeida); a relative "who" gives the
// name it follows; failing a clean phrase, the name or "the noun" right before the verb.
function subjectBefore(text: string): string | undefined {
  // Only what follows the last blanked quotation can be the subject.
  const gap = text.lastIndexOf('   ')
  let from = gap === -1 ? 0 : gap + 3
  // A subject with its appositive fits in the last 160 characters; the end-anchored patterns
  // below would otherwise be tried at every position of a long sentence. Start at a word.
  if (text.length - from > 160) from = text.indexOf(' ', text.length - 160) + 1
  const window = text.slice(from).replace(parenthesis, '').trimEnd()
  const tail = Math.max(0, window.length - 60)
  const trimmed = (window.slice(0, tail) + window.slice(tail).replace(trailingAdverbs, '')).trimEnd()
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
    }
    return undefined
  }
  const appositive = /[,)]$/.test(trimmed)
  const chunks = trimmed.split(chunkBreak).map((chunk) => chunk.replace(edges, ''))
  while (chunks.length > 0 && chunks[chunks.length - 1] === '') chunks.pop()
  if (chunks.length === 0) return undefined
  let candidate = chunks[chunks.length - 1]!
  const previous = chunks[chunks.length - 2]
  // An appositive that is itself a role and a name gives the name ("the study's authors,
  // herpetologist David Blackburn,").
  const apposedName = appositive ? apposedRole.exec(candidate) : null
  const previousName = previous === undefined ? undefined : valid(previous.replace(leadingJoiners, ''))
  if (apposedName) candidate = apposedName[1]!
  else if (previousName !== undefined && isNameLike(previousName) && (appositive || determinerStart.test(candidate)))
    candidate = previousName
  candidate = candidate.replace(leadingJoiners, '')
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

const particleName = new RegExp(`^(?:de|da|di|du|van|von|der|den|del|la|le|al|el|bin|ibn)\\s+[${U}][${L}’'\\-]*$`)
const prepositionEnd = /(?:^|\s)(?:on|in|at|to|from|by|for|of|via|into|onto|about|against)\s*$/i
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

function isNameLike(text: string): boolean {
  return capitalStart.test(text) && countWords(text) <= 6 && !badStart.test(text) && !/^(?:The|A|An)\s/.test(text)
}

/** A speaker phrase cleaned of edges, or `undefined` when it cannot name a speaker. */
export function valid(phrase: string): string | undefined {
  let clean = phrase.replace(edges, '')
  // A sentence's full stop, not an abbreviation's ("Smith." but "Jr.").
  if (clean.endsWith('.') && wordStop.test(clean)) clean = clean.slice(0, -1)
  // "Michael Siegel of Boston University" → Michael Siegel.
  // Not after a title, where the name follows ("Secretary of State Mike Pompeo").
  const of = nameOf.exec(clean)
  if (of && !roleBeforeOf.test(of[1]!)) clean = of[1]!
  // A role before a name keeps the name ("eyewitness Vinnie DeVita", "his wife Jonna Mendez").
  // "Trump on Twitter wrote": the name without where it spoke.
  const placed = nameThenPlace.exec(clean)
  if (placed) clean = placed[1]!
  // "Professor Carl Lipo of Binghamton University" → Professor Carl Lipo, wherever the name starts.
  const ofBody = nameThenOf.exec(clean)
  if (ofBody && !roleBeforeOf.test(ofBody[1]!) && !bodyBeforeOf.test(ofBody[1]!)) clean = clean.slice(0, ofBody.index + ofBody[1]!.length + 1).trimEnd()
  const named = nameAfterRole(clean)
  if (named) clean = named
  // A clause, a time, a participle or a label, not a name or a description.
  if (
    clean.length === 0 ||
    badStart.test(clean) ||
    participleStart.test(clean) ||
    innerPronoun.test(clean) ||
    clauseVerb.test(clean) ||
    pronounPhrase.test(clean) ||
    danglingEnd.test(clean) ||
    phrasalEnd.test(clean)
  )
    return undefined
  const words = clean.toLowerCase().split(/\s+/)
  if (words.some((word) => timeWords.has(word)) && !words.some((word) => !timeWords.has(word) && !determiners.has(word) && word !== 'on'))
    return undefined
  if (timeWords.has(words[words.length - 1]!)) return undefined
  const count = countWords(clean)
  if (count === 0 || count > 10) return undefined
  return clean
}

// Most words capitalised: a headline-case line, where speech verbs are capitalised too. One pass
// by character codes: this runs on the text around every quote.
function isHeadline(text: string): boolean {
  let total = 0
  let lower = 0
  let inside = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const word = isWordCode(code)
    if (word && !inside) {
      total++
      if (code >= 97 && code <= 122) lower++
    }
    inside = word || (inside && (code === 39 || code === 0x2019 || code === 45))
  }
  return total >= 3 && lower <= total / 5
}

/** Runs of letters or digits (with inner apostrophes and hyphens), by character codes. */
export function countWords(text: string): number {
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

// The last run of non-space characters, read backwards by character codes: as an end-anchored
// regex it was tried at every position of the text before each cue.
function lastToken(text: string): string | undefined {
  let end = text.length
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  if (end === 0) return undefined
  let start = end
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--
  return text.slice(start, end)
}

const messageWords = new Set(['message', 'words', 'reply', 'response', 'answer', 'verdict', 'advice', 'warning', 'retort', 'tweet', 'statement'])

// A necessary condition for `messageOf`, which is end-anchored: the text ends with one of its
// nouns after a space (then perhaps a colon or a dash).
function endsWithMessage(text: string): boolean {
  let end = text.length
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  if (end > 0 && ':,—–-'.includes(text[end - 1]!)) end--
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && text.charCodeAt(start - 1) >= 97 && text.charCodeAt(start - 1) <= 122) start--
  return start > 0 && isSpaceCode(text.charCodeAt(start - 1)) && messageWords.has(text.slice(start, end))
}

// White space as `\s` matches it.
function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
