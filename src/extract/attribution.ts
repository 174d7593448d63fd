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
 * What a speaker phrase may be is in speaker-phrase.ts, how a subject is found in subject.ts.
 */
import {letters} from './letters.js'
import type {Names} from './names.js'
import {endsWithMessage, isHeadline, lastToken, countWords} from './char-scan.js'
import {
  allCaps, capitalStart, channelOwner, endsInCommonNoun, determinerStart, determiners, personLike, particleName, phraseAfter, pronoun, valid, apposedName
} from './speaker-phrase.js'
import {channels, participles, speechVerb} from './speech.js'
import {bodyPronoun, resolved, type Attribution} from './speaker-resolve.js'
import {isBareDocument} from './unnamed.js'
import {irregularPast, speakerOfSentence, subjectBefore, subjectOfSentence, type Subject} from './subject.js'

export type {Attribution} from './speaker-resolve.js'

const U = letters.upper
const L = letters.letter

// Cues in the text before a quote: a finite speech verb (group 1, lower case unless the line is in
// headline case), a participle (group 2) or a channel noun (group 3).
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
  `^as\\s+((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|the\\s+[a-z][^,;:]{2,40}?)\\s+(reported|reports|noted|notes|put it|puts it|wrote|writes|said|says|explained|observed|called it|calls it|described it|describes it|dubbed it)\\b`
)
const putsIt = new RegExp(`\\b[Aa]s\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|(?:he|she|they)|the\\s+[a-z][a-z\\-]*(?:\\s+[a-z][a-z\\-]*)?)\\s+(?:puts|put|said|says|wrote|writes)\\s+it\\b`)
const inWords = new RegExp(
  `\\b[Ii]n\\s+(?:((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}\\-]*)[’']s?|the)\\s+words(?:\\s+of\\s+((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*))?`
)
const messageOf = new RegExp(
  `((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}\\-]*)[’']s?\\s+(?:message|words|reply|response|answer|verdict|advice|warning|retort|tweet|statement)\\s*[:,—–-]?\\s*$`
)
// A round-up or transcript line: "Name, Outlet:" or "NAME:" before the quote.
const labelLine = new RegExp(`^\\s*((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)(?:,\\s*[^,:]{2,60})?\\s*:\\s*$`)


/** The speaker after the quote: "…,” said X", "…,” X said", "…,” according to X". */
export function attributeAfter(
  segment: string,
  names: Names,
  at: number,
  ownSubject?: () => Subject | undefined
): Attribution | undefined {
  // Another clause after a semicolon has its own subject ("…” condition; TVN24 reported"), also
  // right after the mark ("Democrats called it “cruel”; Republicans called it …").
  const semicolon = segment.indexOf(';')
  const post = (semicolon >= 0 ? segment.slice(0, semicolon) : segment).replace(/^[\s,;:—–-]+/u, '')
  if (post.length === 0) return undefined
  // "“…” — Sanders paused — “…”": an aside between two parts of the quote, whose subject speaks.
  const aside = dashInterruption.exec(segment)
  if (aside) {
    const speaker = valid(aside[1]!)
    return speaker && capitalStart.test(speaker) ? resolved(speaker, '—', names, at) : undefined
  }
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
    if (speaker && (!capitalStart.test(speaker) || endsInCommonNoun.test(speaker))) {
      const name = apposedName(rest.slice(rest.indexOf(speaker) + speaker.length))
      if (name) return resolved(name, first[1]!.toLowerCase(), names, at)
    }
    // A bare common noun is the verb's object, not its subject ("…”, went on strike").
    if (speaker && (capitalStart.test(speaker) || capitalEnd.test(speaker) || determinerStart.test(speaker) || pronoun.test(speaker) || personLike(speaker) || particleName.test(speaker)))
      return resolved(speaker, first[1]!.toLowerCase(), names, at, ownSubject)
  }
  // "…,” reads an AEW press release": the channel's owner.
  const reads = readsFirst.exec(post)
  const channel = reads ? phraseAfter(post.slice(reads[0].length)) : undefined
  const owner = channel && channelOwner(channel)
  if (owner) return resolved(owner, reads![1]!, names, at)
  // "…,” it read.": the body the pronoun stands for.
  const itRead = readAfter.exec(post)
  if (itRead) return resolved(itRead[1]!, itRead[2]!, names, at, ownSubject)
  // "…,” per a source familiar with the talks": a person or a source, as after "according to";
  // not a standard something is judged by ("“…” per YouTube community guidelines").
  if (post.startsWith('per ')) {
    const speaker = phraseAfter(post.slice(4))
    if (speaker && (personLike(speaker) || determinerStart.test(speaker))) return resolved(speaker, 'per', names, at)
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
  // "…,” and Jones called Smith “…”", "“…” as Flynn spoke": another clause, whose subject speaks
  // its own words, not the quote before it; past a comma the attribution may come back ("“…”
  // while they were in power, Azzouz said").
  const other = verb !== null && otherClause.test(post) && !post.slice(0, verb.index).includes(',')
  if (verb && verb.index > 0 && countWords(post.slice(0, verb.index)) <= 10 && !other) {
    const speaker = subjectBefore(post.slice(0, verb.index))
    if (speaker) return resolved(speaker, verb[0].toLowerCase(), names, at, ownSubject)
  }
  // "“…,” she laughed": a manner of speaking, speech only right after the quote ("he laughed at
  // the “comeback tour”" is no speech).
  const manner = mannerAfter.exec(post)
  if (manner) {
    const speaker = valid(manner[1]!)
    if (speaker) return resolved(speaker, manner[2]!, names, at, ownSubject)
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
 * `priorSubject`: the subject of the sentence before, which a "he" or "she" opening this one
 * stands for first ("Biden praised Warren's endorsement. He also expressed…").
 */
export function attributeBefore(
  segment: string,
  names: Names,
  at: number,
  whole = true,
  priorSubject?: () => Subject | undefined
): Attribution | undefined {
  // Each pattern is tried only where a word it needs occurs: a native search is cheaper.
  const quoted = segment.includes('quot') || segment.includes('cit') ? quotedAs.exec(segment) : null
  if (quoted) {
    const speaker = valid(quoted[1]!)
    if (speaker) return resolved(speaker, `quoted as ${quoted[2]}`, names, at)
  }
  const according = accordingTo.exec(segment)
  // "According to ISNA, the prosecutor, Ali Mehr, said “…”": the one who said it, the agency
  // being the channel.
  if (according && !laterVerb(segment, according.index + according[0].length)) {
    const speaker = phraseAfter(segment.slice(according.index + according[0].length))
    if (speaker) return resolved(speaker, 'according to', names, at)
  }
  const puts = segment.includes('it') ? putsIt.exec(segment) : null
  if (puts) {
    const speaker = valid(puts[1]!)
    if (speaker) return resolved(speaker, 'as … puts it', names, at)
  }
  const inTheirWords = segment.includes('words') ? inWords.exec(segment) : null
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

  // "It read, “…”", "X's statement yesterday read “…”": "read" right before the quote (elsewhere it
  // is seldom speech) gives the speaker of the main clause.
  const readFrom = Math.max(0, segment.length - 12)
  const read = whole && segment.includes('read', readFrom) ? readJustBefore.exec(segment.slice(readFrom)) : null
  if (read) {
    const head = segment.slice(0, readFrom + read.index).replace(trailingTime, '')
    const speaker = bodyPronoun.test(head.trim()) ? head.trim() : (channelOwner(head.trim()) ?? speakerOfSentence(head))
    if (speaker) return resolved(speaker, read[1]!, names, at, priorSubject)
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
  // unusual — “…”"): blank the aside, keeping the positions, with no-break spaces, which
  // `subjectBefore` passes over as it does a link's destination (a run of plain spaces is a
  // blanked quotation, before which no subject is read).
  if (segment.includes('—') || segment.includes(' – ')) segment = segment.replace(dashAside, (aside) => '\u00a0'.repeat(aside.length))
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
      // "Twitter added a “fact check” label": the verb has an object, and is no speech.
      if (addsThing.test(word) && objectAfter.test(after)) continue
      if (nounUse(before)) {
        if (!introduces.test(after)) continue
      } else if (passive.test(before)) {
        // "was described by the police as": the agent speaks; without one, nobody here does.
        const agent = byAgent.exec(after)
        const speaker = agent ? valid(agent[1]!) : undefined
        if (speaker) return resolved(speaker, word, names, at)
        continue
      } else if (agentAside.test(after) && /,\s*$/.test(before)) {
        // "The closure, announced by the council, came “…”": a participle in an aside; "The plan,
        // described by the council as “…”" lets its agent speak.
        const agent = agentAs.exec(after)
        const speaker = agent ? valid(agent[1]!) : undefined
        if (speaker) return resolved(speaker, word, names, at)
        continue
      } else if (thingRelative.test(before)) {
        // "released a statement which said “…”": the channel before gives its speaker.
        if (channelBefore.test(before)) continue
        // "a law which says “…”": a thing speaks, and nobody here does.
        return {speaker: '', cue: word, local: true}
      } else if (whole && subordinate.test(segment) && /,\s*\S/.test(after)) {
        // "When X tweeted that …, Twitter placed a disclaimer “…”": the verb is the clause's.
        continue
      } else {
        const speaker = subjectBefore(before)
        // A pronoun looks back from its verb, not from the quote: a name between them is another
        // person ("she said, asking Cengiz to be “…”").
        const opens =
          whole &&
          (pronoun.test(speaker ?? '') || isBareDocument(speaker ?? '')) &&
          (subjectOfSentence(segment)?.text === speaker || /^(?:[^,;:]*,)?\s*\S+\s*$/.test(before))
        if (speaker) return resolved(speaker, word, names, at - (segment.length - cue.index), opens ? priorSubject : undefined)
        // Inverted: "…,” said Khan, “…”", "Remarked scientist Tierra Curry, “…”". Only where
        // nothing but a quotation stands before the verb: after a clause of its own ("speaker
        // Ali Larijani wrote on Instagram:") what follows the verb is its object, not its subject.
        const inverted = invertedAllowed.test(before) ? invertedSubject.exec(after) : null
        const named = inverted ? valid(inverted[1]!) : undefined
        if (named && !pronoun.test(named)) return resolved(named, word, names, at)
        // The subject is further back, past an appositive, a relative clause or "and".
        if (!clauseJoin.test(before)) continue
        // "The Atlantic claimed that Trump refused … and referred to them as “…”": the reported
        // clause's own subject, not the outlet that reports it.
        const reporter = found[index - 1]
        const reported = reporter?.[1] !== undefined ? reportedSubject(before, reporter.index + reporter[0].length) : undefined
        if (reported) return {speaker: '', cue: word, local: true}
      }
    } else if (cue[2] !== undefined) {
      // "she said, asking X to be “…”": the participle belongs to the speech verb before it.
      const previous = found[index - 1]
      // Not after the verb's form used as a noun ("dismissed the claims, saying").
      if (previous?.[1] !== undefined && cue.index - previous.index - previous[0].length < 4 && !nounUse(segment.slice(0, previous.index))) continue
      // "with X calling it", "Many users are calling it": the participle's own subject.
      const own = progressive.exec(before)
      const local = own ? subjectBefore(before.slice(0, own.index) + ' ') : nameBefore.test(before) ? subjectBefore(before) : undefined
      if (local) return resolved(local, word, names, at)
      // "Emails show executives describing it as": people right before the participle, with no
      // comma between, are its subject, not the main clause's.
      const people = peopleBefore.exec(before)
      if (people && personLike(people[1]!)) return resolved(people[1]!, word, names, at)
    } else if (!introduces.test(after)) continue
    const subject = mainSubject()
    if (subject) return resolved(subject, word, names, at, priorSubject)
  }
  // A sentence that introduces the quote with a colon ("Governor X addressed the public:"), also
  // past a channel it puts out ("The palace issued the following statement from the king:").
  if ((found.length === 0 || found.every((cue) => cue[3] !== undefined && !someoneElses.test(segment.slice(cue.index + cue[0].length)))) && introducedByColon.test(segment) && countWords(segment) >= 3) {
    const subject = mainSubject()
    if (subject) return resolved(subject, ':', names, at, priorSubject)
  }
  return undefined
}

const otherClause = /^(?:and|but|or|as|while|when|whereas|although|though|because|since|before|after|until|if|so)\s/
const mannerAfter = new RegExp(`^((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|he|she|they|the\\s+[a-z][a-z\\-]*)\\s+(laughed|laughs|chuckled|chuckles|smiled|smiles|shrugged|shrugs)(?:\\s*[.,;!?]|\\s+(?:as|and|before|while|when)\\s)`)
const readJustBefore = /(?:^|\s)(read|reads)\s*[,:]?\s*$/
const trailingTime = /(?:\s+(?:yesterday|today|tonight|also|later|earlier|then|on\s+[A-Z][a-z]+day))+\s*$/
const readAfter = /^(it|they)\s+(read|reads)\b/
const readsFirst = /^(reads|read)\s+/
const addsThing = /^add(?:ed|s)$/
const objectAfter = /^\s+(?:a|an|the|its|his|her|their)\s/
const agentAside = /^\s+by\s/
const agentAs = /^\s+by\s+([^,;:“”"]{1,60}?)\s+as\s*$/
const channelBefore = new RegExp(`(?<![A-Za-z\\-])(?:${channels})\\s*,?\\s+(?:which|that)\\s+$`)
const thingRelative = /(?:^|\s)(?:which|that)\s+$/
const subordinate = /^\s*(?:When|After|Before|As|If|Because|Since|While|Although|Though|Once|Until|Whereas)\s/

// A finite speech verb after `from` in `segment`, outside the phrase that starts there.
function laterVerb(segment: string, from: number): boolean {
  anyVerb.lastIndex = from
  const verb = anyVerb.exec(segment)
  return verb !== null && segment.slice(from, verb.index).includes(',')
}

const invertedAllowed = /(?:^|[”"’,.:;!?])\s*$/u
const invertedSubject = /^\s+((?:[^,;:“”"\s]+\s+){0,7}[^,;:“”"\s]+)\s*[,:]\s*$/
// A name set off by commas right after a description: ", Abdullah Kurdi," or ", the Syrian

const dashAside = /\s[—–]\s[^—–“”"]{1,120}?\s[—–](?=\s)/g
// A role before a name: "study co-author Martin How".
const capitalEnd = /\s\p{Lu}[^\s]*$/u
const dashSigned = /^\s*[—–]\s*/
// The text between two parts of a quote: a dash, a name and its verb, a dash ("— Sanders paused —").
const dashInterruption = new RegExp(`^\\s*[—–]\\s*((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*)\\s+[a-z]+(?:\\s+[^—–“”"]{0,40})?\\s*[—–]\\s*$`)
const introducedByColon = /:\s*$/
// "a statement on behalf of the family:", "a letter from the victim's mother:": another's words.
const someoneElses = /^\s*(?:[a-z]+\s+){0,3}?(?:from|by|of|on behalf of)\s/u

// After a channel noun, what may stand before the quote it introduces ("a statement:", "a sign
// that read", "tweets, in part,").
const introduces =
  /^\s*(?:(?:that|which)\s+)?(?:read|reads|said|says|saying|reading|stating|stated)?\s*(?:,?\s*in\s+part\s*)?[:,—–-]?\s*$/
const passive = /\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:[a-z]+ly\s+)?$/
const byAgent = new RegExp(`\\bby\\s+((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s*){1,4}|the\\s+[a-z]+)`)
const clauseJoin = /(?:[,)]|\b(?:and|but|then|also|later))\s*$/
const progressive = /\b(?:is|are|was|were|been)\s+(?:(?:also|now|still|publicly|openly)\s+)?$/
const nameBefore = new RegExp(`[${U}][${L}’'\\-]*\\s+$`)
const peopleBefore = /(?:^|\s)((?:(?:the|some|many|several|other)\s+)?[a-z][a-z\-]*s)\s+$/

// The subject of the "that" clause right after a speech verb ending at `from`, when it is a name
// or a pronoun followed by its finite verb, past a fronted time or place ("during a trip, X").
function reportedSubject(before: string, from: number): string | undefined {
  const that = thatClause.exec(before.slice(from))
  if (!that) return undefined
  const subject = clauseSubject.exec(before.slice(from + that[0].length).replace(frontedPhrase, ''))
  if (!subject || !(/(?:ed|s)$/.test(subject[2]!) || irregularPast.has(subject[2]!))) return undefined
  return valid(subject[1]!)
}

const thatClause = /^(?:\s+(?:[a-z]+\s+){0,2}?)?\s*that\s+/
const frontedPhrase = /^(?:during|in|on|at|after|before|when|while|since|last|this|earlier)\b[^,“”"]{0,80},\s*/
const clauseSubject = new RegExp(`^((?:[${U}][${L}’'.\\-]*\\s+){0,3}[${U}][${L}’'\\-]*|he|she|they)\\s+(?:[a-z]+ly\\s+)?([a-z]+)\\b`)

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

// A noun phrase that follows a speech verb: up to the first clause break or preposition.
