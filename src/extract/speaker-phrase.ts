/**
 * What a speaker phrase may be: a name, a role and a name, a description of a person or a body.
 * `valid` cleans a phrase found next to a cue and rejects clauses, times, participles and labels.
 */
import {letters} from './letters.js'
import {countWords} from './char-scan.js'
import {channels, speechVerbFirstWords} from './speech.js'
import {institutions, personalName} from './name-words.js'

const U = letters.upper
const L = letters.letter

const phraseEnd =
  /[,;:!?()\[\]"“”—–]|\s(?:in|on|at|during|after|before|as|when|while|to|from|with|via|through|last|this|yesterday|today|tonight|who|whom|which|that|adding|referring|because|but|and then|if|since|about|per)\b/

export const leadingJoiners =
  /^(?:and|but|while|as|so|then|yet|although|though|because|when|where|whereas|meanwhile|however|instead)\s+/iu
export const badStart =
  /^(?:and|but|or|then|in|on|at|after|before|during|that|which|who|whom|whose|this|there|these|those|to|for|from|with|by|if|it|its|what|how|why|where|when|once|also|not|no|as|so|whereas|although|though|because)\b/iu
// A participle is never a speaker ("speaking to the BBC"); a capitalised word may be a name ("Ending").
const participleStart = /^(?:[a-z]+ing\b|[A-Z][a-z]+ing\s+[a-z])/
const innerPronoun = /\s(?:i|we|you|they|he|she|it)(?:\s|$)/i
export const determinerStart = /^(?:a|an|the|one|two|three|four|several|some|many|another|his|her|their|its|our)\s/
export const pronoun = /^(?:he|she|they|we|i|it|him|her|you)$/iu
export const personalPronoun = /^(?:he|she|him|her)$/iu
// A colon between digits is a time ("5:17 p.m."), not a break.
export const chunkBreak = /\s*[,;—–()\[\]]\s*|(?<!\d):(?!\d)\s*|\s+-\s+/
const pronounPhrase = /^(?:i|you|we|they|he|she)(?:\s|['’])/i
const danglingEnd = /\s(?:and|or|but|of|to|the|a|an|for|with|by|in|on|at)$/i

const clauseVerb =
  /\b(?:has|have|had|was|were|is|are|been|will|would|could|should|did|does|said|says|told|tells|asked|added|wrote|reported|reports)\b/
const phrasalEnd = /\s(?:off|out|up|down|back|over)$/
export const roleBeforeOf =
  /\b(?:Secretary|Minister|Director|Head|Chief|President|Governor|Mayor|Chairman|Chairwoman|Chair|Professor|Member|Leader|Spokesman|Spokeswoman|Spokesperson|CEO|Ambassador|Commissioner|Secretary-General|General|Commander|Chancellor|Speaker|Dean|Rector)$/
// prettier-ignore
const timeWords = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'tomorrow', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'week', 'month', 'year', 'morning', 'evening',
  'afternoon', 'night', 'weekend', 'earlier', 'later', 'last', 'next', 'recently', 'day'
])
export const capitalStart = /^\p{Lu}/u
// "Putin's spokesman", "Her Republican opponent": a description, though it opens with a capital;
// a name set off by commas after it is the speaker's.
export const endsInCommonNoun = /\s\p{Ll}[\p{L}\-]*$/u
export const describedStart = /^(?:The|A|An|One|Two|Three|Several|Some|Many|Another|His|Her|Their|Its)\s/u
// A word of three letters or more, or a short name ("Ann."), is no abbreviation ("Jr.", "St.").
const wordStop = /(?:[a-z]{3}|[A-Z][a-z]{2})\.$/
// A suffix written without a dot ("Jane Doe KC.", "Henry VIII."): the dot ends the sentence.
const undottedSuffix = /\s(?:QC|KC|II|III|IV|VI|VII|VIII)\.$/
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

// "study co-author and Royal Society University Research Fellow Martin How": a description in
// lower case, then a capitalised title too long to be a name, then the name at its end.
const longRoleThenName = new RegExp(`^[a-z][^,;:]*?\\s((?:[${U}][${L}’'.\\-]*\\s+){3,8}[${U}][${L}’'\\-]*)$`)
function nameAfterLongRole(clean: string): string | undefined {
  const match = longRoleThenName.exec(clean)
  const prefix = match ? clean.slice(0, clean.length - match[1]!.length) : ''
  // "the Royal Canadian Mounted Police": a determiner alone describes no one.
  if (!match || tiedDescription.test(prefix) || prefix.trim().split(/\s+/u).every((word) => determiners.has(word))) return undefined
  const name = personalName(match[1]!.split(/\s+/u))
  if (institutions.has(name[name.length - 1] ?? '')) return undefined
  return name.length >= 2 && name.length < match[1]!.split(/\s+/u).length ? name.join(' ') : undefined
}

// prettier-ignore
const personRoles = new Set([
  'attendee', 'co-author', 'archbishop', 'cardinal', 'priest', 'pastor', 'rabbi', 'imam', 'coach',
  'captain', 'singer', 'actor', 'actress', 'artist', 'musician', 'eyewitness', 'bystander', 'herpetologist',
  'biologist', 'physicist', 'chemist', 'epidemiologist', 'economist', 'professor', 'lecturer', 'chef',
  'farmer', 'fisherman', 'pilot', 'driver', 'athlete', 'runner', 'striker', 'goalkeeper', 'midfielder'
])
export const edges = new RegExp(`^[^0-9${L}]+|[^0-9${L}.’']+$`, 'g')
export const allCaps = /^[^a-z]*[A-Z][^a-z]*$/

export const determiners = new Set('the a an this that these those his her their its our my your one some several many another'.split(' '))

// Democratic Forces (SDF),".
const apposed = new RegExp(
  `^\\s*,\\s*((?:the\\s+)?(?:[${U}][${L}’'.\\-]*\\s+){0,4}[${U}][${L}’'\\-]*)\\s*(?:\\([^()]{1,20}\\)\\s*)?(?:[,.;]|$)`
)

export function apposedName(text: string): string | undefined {
  const match = apposed.exec(text)
  return match ? valid(match[1]!) : undefined
}

// "Hackaday's March story explains": a clause ending in its speech verb, not a phrase.
function endsWithVerb(phrase: string): boolean {
  const last = phrase.slice(phrase.lastIndexOf(' ') + 1)
  return last !== phrase && speechVerbFirstWords.has(last)
}

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
  'opponent', 'manager', 'coach', 'player', 'owner', 'founder', 'ceo', 'executive', 'chairman', 'chairwoman', 'doctor',
  'nurse', 'teacher', 'student', 'worker', 'employee', 'victim', 'survivor', 'mother', 'father', 'son',
  'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'neighbour', 'neighbor', 'woman', 'man',
  'people', 'users', 'user', 'fan', 'voter', 'organiser', 'organizer', 'host', 'reporter', 'journalist',
  'editor', 'writer', 'critic', 'commentator', 'democrat', 'republican', 'parliament', 'senate', 'congress',
  'regime', 'state', 'city', 'county', 'school', 'university', 'hospital', 'airline', 'operator', 'agent',
  'representative', 'delegate', 'member', 'speaker', 'pope', 'bishop', 'church', 'judges', 'jury', 'panel',
  'authorities', 'authority', 'witness', 'expert', 'economist', 'historian', 'lawyer', 'citizen', 'parent', 'child',
  'supporter', 'critic', 'spokesperson', 'administrator', 'investigator', 'scientist', 'researcher', 'engineer', 'service', 'force', 'forces', 'commission', 'institute', 'foundation',
  // Courts and crime reports.
  'suspect', 'defendant', 'plaintiff', 'accused', 'gunman', 'shooter', 'attacker', 'juror', 'foreman',
  'inmate', 'prisoner', 'detainee', 'hostage', 'guard', 'soldier', 'passenger', 'patient', 'pilot',
  'firefighter', 'paramedic', 'trooper', 'deputy', 'sheriff', 'detective', 'coroner', 'heckler', 'crowd'
])
const authoredBy = new RegExp(`^(?:[Aa]n?|[Tt]he)\\s[^,;]*?\\s(?:posted|issued|released|signed|written|sent|published|read|delivered)(?:\\s+[a-z]+)?\\s+by\\s+((?:the\\s+)?[${U}][^,;]*)$`)
/** The author a document phrase names ("a memo posted online by Senator X" → Senator X), or `undefined`. */
export function documentAuthor(phrase: string): string | undefined {
  return authoredBy.exec(phrase)?.[1]
}

const sentenceOpeners = new Set(
  'Election Political Reportedly First Second Finally Turns However Meanwhile Later Earlier Then Still Also Instead Previously Initially Eventually Overall Part Most Many Some Several Backlash Search New Old Other More Few Such Both All Each Every Any'.split(
    ' '
  )
)


export function phraseAfter(text: string): string | undefined {
  const end = phraseEnd.exec(text)
  let phrase = (end ? text.slice(0, end.index) : text).trim()
  // "the Commission on Presidential Debates", "the Council for Racial Equality": a body's name
  // goes on past its preposition.
  const named = end && bodyName.exec(text.slice(end.index))
  if (named && bodyBeforeOf.test(phrase)) phrase += named[0].trimEnd()
  // "people familiar with the matter", "a source close to the talks": the source's description
  // goes on past its preposition.
  else if (end && sourceBefore.test(phrase)) phrase += sourceAfter.exec(text.slice(end.index))?.[0].trimEnd() ?? ''
  return valid(phrase)
}

const sourceBefore = /\s(?:familiar|close)$/
const sourceAfter = /^\s(?:with|to)\s+(?:the\s+)?[\p{L}][\p{L}’'\-]*(?:\s+[\p{L}][\p{L}’'\-]*){0,2}(?=\s*[,.;:]|$)/u

/** A body's name that goes on past its preposition ("Joint Committee on Intelligence and Security"): no person's. */
export function namedBody(text: string): boolean {
  const on = / (?:on|for) /.exec(text)
  return on !== null && bodyBeforeOf.test(text.slice(0, on.index)) && bodyName.test(text.slice(on.index))
}

const bodyName = new RegExp(`^\\s(?:on|for)\\s+(?:the\\s+)?(?:[${U}][${L}’'\\-]*(?:\\s+(?:of|and|for|the)(?=\\s+[${U}]))?\\s*){1,5}`)

export const particleName = new RegExp(`^(?:de|da|di|du|van|von|der|den|del|la|le|al|el|bin|ibn)\\s+[${U}][${L}’'\\-]*$`)

export function isNameLike(text: string): boolean {
  return capitalStart.test(text) && countWords(text) <= 6 && !badStart.test(text) && !/^(?:The|A|An)\s/.test(text)
}

const spaces = /\s+/

// A time ("last week", "on Monday") or a phrase ending in one: its lower-case words.
function isTimePhrase(words: readonly string[]): boolean {
  if (timeWords.has(words[words.length - 1]!)) return true
  let time = false
  for (const word of words) {
    if (timeWords.has(word)) time = true
    else if (!determiners.has(word) && word !== 'on') return false
  }
  return time
}

/** A speaker phrase cleaned of edges, or `undefined` when it cannot name a speaker. */
export function valid(phrase: string): string | undefined {
  let clean = phrase.replace(edges, '')
  // A sentence's full stop, not an abbreviation's ("Smith." but "Jr.").
  if (clean.endsWith('.') && (wordStop.test(clean) || undottedSuffix.test(clean))) clean = clean.slice(0, -1)
  // "Michael Siegel of Boston University" → Michael Siegel.
  // Not after a title, where the name follows ("Secretary of State Mike Pompeo").
  const of = nameOf.exec(clean)
  if (of && !roleBeforeOf.test(of[1]!)) clean = of[1]!
  // A role before a name keeps the name ("eyewitness Vinnie DeVita", "his wife Jonna Mendez").
  // "Trump on Twitter wrote": the name without where it spoke.
  const placed = nameThenPlace.exec(clean)
  if (placed && !(bodyBeforeOf.test(placed[1]!) && bodyName.test(clean.slice(placed[1]!.length)))) clean = placed[1]!
  // "Professor Carl Lipo of Binghamton University" → Professor Carl Lipo, wherever the name starts.
  const ofBody = nameThenOf.exec(clean)
  if (ofBody && !roleBeforeOf.test(ofBody[1]!) && !bodyBeforeOf.test(ofBody[1]!)) clean = clean.slice(0, ofBody.index + ofBody[1]!.length + 1).trimEnd()
  // "a memo posted online by Senator Juan Dalmau": the document's author speaks.
  const author = authoredBy.exec(clean)
  if (author) clean = author[1]!
  const named = nameAfterRole(clean) ?? nameAfterLongRole(clean)
  if (named) clean = named
  // A clause, a time, a participle or a label, not a name or a description.
  if (
    clean.length === 0 ||
    badStart.test(clean) ||
    participleStart.test(clean) ||
    innerPronoun.test(clean) ||
    clauseVerb.test(clean) ||
    endsWithVerb(clean) ||
    pronounPhrase.test(clean) ||
    danglingEnd.test(clean) ||
    phrasalEnd.test(clean)
  )
    return undefined
  if (isTimePhrase(clean.toLowerCase().split(spaces))) return undefined
  const count = countWords(clean)
  if (count === 0 || count > 10) return undefined
  return clean
}

const channelAdjectives = '(?:(?:final|latest|first|new|official|own|full|written|short|brief|press|news|joint|public|open)\\s+)*'
const ownedChannel = new RegExp(`^(.+?)[’']s?\\s+${channelAdjectives}(?:${channels})$`)
// "The government statement", "an AEW press release": the body before the channel noun.
const namedChannel = new RegExp(`^(?:[Tt]he|[Aa]n?)\\s+((?:[${U}][${L}&.’'\\-]*\\s+){1,4}|[a-z]+\\s+)${channelAdjectives}(?:${channels})$`)
// "A tweet sent from Biden's Twitter account": the account's owner.
const accountChannel = new RegExp(`^(?:[Aa]n?|[Tt]he)\\s+(?:${channels})\\s+(?:(?:sent|posted|issued|published)\\s+)?(?:from|by)\\s+(.+?)(?:[’']s?\\s+(?:(?:[${U}][${L}]*|official|verified)\\s+)?account\\b.*)?$`)
const channelWord = new RegExp(`(?:${channels})\\b`)
// "Part of the judge's statement": the owner is "the judge".
const partOf = /^(?:[Pp]arts?|[Ss]ome|[Mm]uch|[Oo]ne|[Mm]ost|[Aa]ll|[Tt]he rest)\s+of\s+/

/**
 * Who speaks through a channel phrase: "X's statement" → X, "the government statement" → the
 * government, "an AEW press release" → AEW, "a tweet sent from X's account" → X; `undefined` for
 * any other phrase.
 */
export function channelOwner(phrase: string): string | undefined {
  // Most phrases are no channel: a word of one is needed first.
  if (!channelWord.test(phrase)) return undefined
  phrase = phrase.replace(partOf, '')
  const owned = ownedChannel.exec(phrase) ?? accountChannel.exec(phrase)
  if (owned) return valid(owned[1]!)
  const named = namedChannel.exec(phrase)
  if (!named) return undefined
  const body = named[1]!.trim()
  if (capitalStart.test(body)) return valid(body)
  return roleNouns.has(body) ? `the ${body}` : undefined
}
