/**
 * From the phrase a cue found ("he", "the president", "The letter", "Ms. Ardern") to the speaker
 * it stands for: the fullest name the article gives, the body behind a document or a pronoun, or
 * "" when the article does not say who.
 */
import {institutions} from './name-words.js'
import type {Names} from './names.js'
import {apposedName, capitalStart, channelOwner, describedStart, namedBody, particleName, personalPronoun, personLike, pronoun} from './speaker-phrase.js'
import type {Subject} from './subject.js'
import {isBareDocument, putsOut, unnamedPerson} from './unnamed.js'

export interface Attribution {
  speaker: string
  cue: string
  /** Found in the quote's own sentence. */
  local: boolean
}

/** The speaker `speaker` (a phrase found by a cue) names: its fullest name, or the person a pronoun stands for. */
export function resolved(
  speaker: string,
  cue: string,
  names: Names,
  at: number,
  ownSubject?: () => Subject | undefined
): Attribution | undefined {
  // "In a letter, X said “…” The letter stressed “…”": the document's author.
  if (isBareDocument(speaker)) {
    // Only when that subject put the document out itself ("The ministry issued a statement",
    // "Microsoft announced"): not one it received, read or attacked.
    const prior = ownSubject?.()
    const author = prior && prior.after !== undefined && putsOut(prior.after, speaker) ? authorBefore(names, prior) : undefined
    if (author) return {speaker: author, cue, local: true}
  }
  let name = channelOwner(speaker) ?? speaker
  const role = roleOnly.exec(name)
  const holder =
    (role ? names.holder(role[1]!, at) : undefined) ?? (definiteStart.test(name) ? (names.described(name, at) ?? names.anaphor(name, at)) : undefined)
  if (holder) name = holder
  else if (pronoun.test(speaker)) {
    if (!personalPronoun.test(speaker)) {
      // "It read, “…”" after "The Federation released a statement": the body the sentence
      // before was about, when it is no person; else nobody. What "reads" is written: the body
      // must have put it out ("Police found a note. It read" is the note's words, not theirs).
      const own = bodyPronoun.test(speaker) ? ownSubject?.() : undefined
      const speaks = own && (!/^reads?$/iu.test(cue) || own.after === undefined || publishes.test(own.after))
      name = own && speaks && !pronoun.test(own.text) && !names.personAt(own.from, own.to, '') ? (bodyOf(own.text) ?? '') : ''
    } else {
      // The subject of the pronoun's own sentence first, when it is a person who fits.
      const own = ownSubject?.()
      const named = own && names.personAt(own.from, own.to, speaker)
      // "One of the victims spoke out. She said": the person the sentence before describes,
      // unnamed, or named in apposition ("Her father, Corey, watched. “…,” he said").
      const unnamed = own !== undefined && unnamedPerson(own.text, speaker)
      const apposed = unnamed && own.after !== undefined ? apposedName(own.after) : undefined
      name = named ?? (apposed ? names.resolve(apposed, own!.to) : unnamed ? '' : (names.lastPerson(at, speaker) ?? ''))
    }
  } else if (((capitalStart.test(name) && !describedStart.test(name)) || particleName.test(name)) && !namedBody(name) && !ownedBody(name)) {
    name = names.resolve(name, at)
  }
  return {speaker: name, cue, local: true}
}

// "Trump's State Department", "Russia's Defence Ministry": a body someone owns, no person's name
// to resolve (which would cut it after the possessive).
function ownedBody(name: string): boolean {
  const owner = name.search(/[’']s\s/u)
  return owner > 0 && institutions.has(name.slice(name.lastIndexOf(' ') + 1))
}

// "the president", "the Prime Minister": a title alone, which the one person holding it names.
const roleOnly = /^[Tt]he\s+([A-Za-z][a-z\-]*(?:\s[A-Za-z][a-z\-]*)?)$/
const definiteStart = /^[Tt]he\s/
export const bodyPronoun = /^(?:it|It|they|They)$/
/** A sentence in which its subject speaks or puts words out, so that "it said/read" after it is that subject. */
const publishes = /\b(?:said|says|stated|announced|released|issued|published|posted|tweeted|wrote|sent|shared|put out|statement|release|letter|tweet|post|notice|message)\b/iu

// Who put out what the sentence before was about: its subject, when it spoke or published there
// and is a person or a body named, not a pronoun.
function authorBefore(names: Names, prior: Subject | undefined): string | undefined {
  if (!prior || prior.after === undefined || !publishes.test(prior.after) || pronoun.test(prior.text)) return undefined
  return names.personAt(prior.from, prior.to, '') ?? bodyOf(prior.text)
}

// A body a subject names: its channel's owner ("The Federation's statement"), else a name or a
// body's description ("the company", "Stardom"); never a person's description or a clause.
function bodyOf(subject: string): string | undefined {
  // "The Georgian Tennis Federation (GFT": its short name aside.
  subject = subject.replace(/\s*\(.*$/u, '')
  const owner = channelOwner(subject)
  if (owner) return owner
  // A name that is no person's ("Apple", "The Georgian Tennis Federation").
  if ((capitalStart.test(subject) || theName.test(subject)) && personLike(subject)) return subject
  return bodyNouns.test(subject) ? subject : undefined
}

const theName = /^the\s+\p{Lu}/u
const bodyNouns = /^(?:the|The)\s+(?:[a-z]+\s+)?(?:company|government|ministry|department|agency|police|party|court|team|club|firm|bank|board|council|committee|network|campaign|union|federation|association|commission|authority|authorities|organisation|organization|researchers|scientists|officials)$/
