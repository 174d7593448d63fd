/**
 * People named in an article, so a speaker can be given at their fullest name.
 *
 * A run of capitalised words ("Secretary of State Antony J. Blinken", "Mr. O’Leary") is a
 * person when it carries an honorific or a title, or when it is two to four name words that do
 * not end in an organisation or place word and do not follow "in"/"at"/"from"…; a single word is
 * a person when it is the surname of someone named before, or is the subject of a speech verb.
 * Honorifics give a gender ("Mr." → he), which the name keeps for later pronouns; without one, a
 * given name the lists of name-gender.ts agree on does ("Sarah Connor" → she).
 */
import {
  honorifics, institutions, isNameChar, isUpper, nameSuffixes, isOccupation, occupations, openers, particles, personalName, plain, stripPossessive, titles
} from './name-words.js'
import {givenNameGender} from './name-gender.js'
import {describedOne} from './described.js'
import {otherName, standsFor} from './anaphora.js'
import {mayBeFuller, mayOpenRun, mayOpenSpeech, plainLetters} from './name-search.js'
import {speechVerb} from './speech.js'
import {nameSpaces, nextMention, placeBefore, splitAtSpaces} from './mentions.js'

export interface Names {
  /** The fullest name for a reference ("Mr. O’Leary" → "Christopher O’Leary"), or the reference as given. */
  resolve(reference: string, at: number): string
  /**
   * The person most recently named before `at` (and not before `since`) who fits the pronoun
   * ("he", "she"; "" fits anyone), or `undefined`; `''` when that person's given name suggests
   * the other gender, which no one named earlier makes up for.
   */
  lastPerson(at: number, pronoun: string, since?: number): string | undefined
  /** The last person named in `[from, to)` who fits the pronoun, as `lastPerson` says. */
  personAt(from: number, to: number, pronoun: string): string | undefined
  /**
   * Count `name` as named at `at`, where it was found to speak a quote: a later "she added" goes
   * to the last speaker when no one else was named since.
   */
  spoke(name: string, at: number): void
  /**
   * The one person named before `at` with the title `title` ("president", "prime minister"), so
   * that "the president said" names them; `undefined` when nobody or more than one person has it.
   */
  holder(title: string, at: number): string | undefined
  /** The one person or body a definite description ("the governor", "the party") names before `at` (described.ts). */
  described(description: string, at: number): string | undefined
  /** The person named just before `at` whom a description of their trade stands for ("the professor"; anaphora.ts). */
  anaphor(description: string, at: number): string | undefined
}

interface Mention {
  name: string
  at: number
}

/** A half-open range `[start, end)` of the text. */
interface Range {
  start: number
  end: number
}

const subjectOfSpeech = new RegExp(String.raw`^,?\s+(?:also\s+|later\s+|then\s+)?${speechVerb}`)
const titleWords = new Set([...titles, ...occupations].map((word) => word.toLowerCase()))
function isTitle(word: string): boolean {
  return titles.has(word) || isOccupation(word)
}

// The lower-case word right before `at` ("" when there is none).
function wordBefore(text: string, at: number): string {
  const match = /([a-z][a-z\-]*)\s+$/.exec(text.slice(Math.max(0, at - 24), at))
  return match ? match[1]! : ''
}


/**
 * Index the people named in `text` (the whole article), in order. `quoted`: the quotations,
 * sorted; a person named only inside one is never taken for a speaker (but still gives a full
 * name to a surname).
 */
export function indexNames(text: string, quoted: readonly Range[] = []): Names {
  const people: Mention[] = []
  // Each surname's full-name mentions, in order, for `resolve`.
  const mentionsBySurname = new Map<string, Mention[]>()
  let quote = 0
  const fullBySurname = new Map<string, string>()
  // A given name to the one full name that opens with it ("Fiona" → "Fiona Parry"); "" when two do.
  const fullByGivenName = new Map<string, string>()
  // Runs of four name words, which `personalName` cuts to their last two, by their first two
  // ("Te Kaurinui" → "Te Kaurinui Robert Parata"): the whole run is the name when the article
  // later calls the person by its first two words.
  const runsByOpening = new Map<string, Mention>()
  // The speakers found so far (see `spoke`), in order.
  const spoken: Mention[] = []
  const gender = new Map<string, string>()
  // The titles named before a person ("President Donald Trump"), lower case, with who holds them.
  const holders = new Map<string, Mention[]>()
  /** Everyone named with a title. */
  const titled = new Set<string>()
  /** The lower-case role someone was named with ("French president Emmanuel Macron" → "president"). */
  const lowerRole = new Map<string, string>()
  // Read on demand, only as far as a question needs: most articles without quotes never need
  // it, and a mention's reading depends only on those before it.
  let scanned = 0
  let pending: RegExpExecArray | null | undefined
  // The text as `plain` spells its words (found on first need; see `plainLetters`).
  let plainText: string | undefined
  // What `opensRun` and `mayBeFullerAfter` have found.
  const openings = new Map<string, boolean>()
  const noFullerFrom = new Map<string, number>()

  return {
    resolve,
    lastPerson,
    personAt,
    spoke,
    holder,
    described: (description, at) => describedOne(description, text, at, resolve, titleWords),
    anaphor
  }

  function anaphor(description: string, at: number): string | undefined {
    scan(at)
    const person = lastFitting(people, at, 0, undefined)
    if (!person) return undefined
    // Someone else named as near ("Gauff beat Sabalenka. “…,” the American said"): either may be meant.
    const other = lastFitting(people.filter((mention) => mention.name !== person.name), at, 0, undefined)
    if (other && standsFor(description, text, at, other, [])) return undefined
    // So may a name after the person's that the mentions do not hold ("Messi passed to Luis Suarez").
    if (otherName(text.slice(person.at + person.name.length, at))) return undefined
    const titles = [...holders].filter(([, list]) => list.some((mention) => mention.name === person.name)).map(([title]) => title)
    const role = lowerRole.get(person.name)
    return standsFor(description, text, at, person, role ? [...titles, role] : titles) ? person.name : undefined
  }

  function holder(title: string, at: number): string | undefined {
    // Most descriptions are no title ("the company"): they need no reading of the names.
    const last = title.slice(title.lastIndexOf(' ') + 1)
    if (!titleWords.has(last.toLowerCase())) return undefined
    scan(at)
    let found: string | undefined
    for (const mention of holders.get(title.toLowerCase()) ?? []) {
      if (mention.at >= at) break
      if (found !== undefined && found !== mention.name) return undefined
      found = mention.name
    }
    // Someone else named before the quote with no title may hold this one without it being
    // written ("Trump spoke with President Macron. Later, the president said"): then the phrase
    // stays as written. Someone named with a title of their own holds that one.
    for (let index = lastBefore(people, at); found !== undefined && index >= 0; index--) {
      const name = people[index]!.name
      if (name !== found && (!titled.has(name) || lowerRole.get(name) === last.toLowerCase())) return undefined
    }
    return found
  }

  // Kept apart from `people` and merged when asked, so that a speaker costs no reading of names.
  function spoke(name: string, at: number) {
    spoken.splice(lastBefore(spoken, at) + 1, 0, {name, at})
  }

  // Read the mentions that start before `limit`.
  function scan(limit: number) {
    while (scanned < text.length) {
      pending ??= nextMention(text, scanned)
      const match = pending
      if (!match) {
        scanned = text.length
        return
      }
      if (match.index >= limit) return
      pending = undefined
      scanned = match.index + match[0].length
      read(match.index, match[0])
    }
  }

  function read(at: number, mention: string) {
    if (at > 0 && isNameChar(text.charCodeAt(at - 1))) return
    // Inside an abbreviation ("D.A. Davidson", "U.S. District Judge Gray Miller"): the words
    // after its end are read on their own.
    if (at > 1 && text.charCodeAt(at - 1) === 46 && isNameChar(text.charCodeAt(at - 2))) {
      const space = mention.search(nameSpaces)
      if (space > 0) {
        const rest = mention.slice(space).trimStart()
        read(at + mention.length - rest.length, rest)
      }
      return
    }
    const after = at + mention.length
    // The common case first, without allocating: one word, an opener or not yet known.
    if (!mention.includes(' ') && !mention.includes('\u00a0')) {
      const word = stripPossessive(mention)
      if (openers.has(word) || titles.has(word) || (word.length === 2 && word[1] === '.')) return
      const key = plain(word)
      const known = fullBySurname.get(key)
      // A given name alone ("Later, Sarah studied…") is the one person named in full with it.
      const given = known ? undefined : fullByGivenName.get(word) || undefined
      if (!known && !given && !(mayOpenSpeech(text, after) && subjectOfSpeech.test(text.slice(after, after + 24)))) return
      if (placeBefore(text, at)) return
      if (known) mentionsBySurname.get(key)?.push({name: known, at})
      if (!insideQuote(at)) people.push({name: known ?? given ?? word, at})
      return
    }
    const words = splitAtSpaces(mention)
    words[words.length - 1] = stripPossessive(words[words.length - 1]!)
    // "Robert Downey Jr.": the suffix is kept on the full name, but the surname is the word before.
    const suffix = words.length > 2 && nameSuffixes.has(words[words.length - 1]!) ? ' ' + words.pop()! : ''
    const honorific = honorifics.get(words[0]!)
    const name = personalName(words)
    if (name.length === 0 || (name.length === 1 && openers.has(name[0]!))) return
    if (name.length === 2 && words.length >= 4) {
      const run = words.slice(-4)
      if (run.every((word) => isUpper(word) && !titles.has(word) && !honorifics.has(word) && !word.endsWith('.')) && !openers.has(run[0]!))
        runsByOpening.set(run[0] + ' ' + run[1], {name: run.join(' '), at})
    } else if (name.length >= 3 && words.length === name.length && !name[1]!.endsWith('.')) {
      // The longest name that opens with these two words.
      const opening = name[0] + ' ' + name[1]
      const known = runsByOpening.get(opening)
      if (!known || wordCount(known.name) < name.length) runsByOpening.set(opening, {name: name.join(' ') + suffix, at})
    }
    const surname = name[name.length - 1]!
    const key = plain(surname)
    const place = placeBefore(text, at)
    let full: string | undefined
    if (name.length === 1) {
      // "the Justice Department", "State Department": a body after a title word, no person.
      if ((place && !honorific) || institutions.has(surname)) return
      full =
        fullBySurname.get(key) ??
        (fullByGivenName.get(surname) || undefined) ??
        (surname.length === 2 && surname[1] === '.' ? undefined : surname)
    } else if (
      honorific ||
      (!institutions.has(surname) &&
        !openers.has(name[0]!) &&
        !surname.endsWith('ans') &&
        !surname.endsWith('ists') &&
        (words.length > name.length || !place))
    ) {
      full = name.join(' ') + suffix
      const known = fullBySurname.get(key)
      if (!known || wordCount(known) < name.length) fullBySurname.set(key, full)
      const given = fullByGivenName.get(name[0]!)
      if (given === undefined) fullByGivenName.set(name[0]!, full)
      else if (given !== full && !given.startsWith(full + ' ') && !full.startsWith(given + ' ')) fullByGivenName.set(name[0]!, '')
    }
    if (!full) return
    if (honorific && !gender.has(full)) gender.set(full, honorific)
    if (words.length > name.length && isTitle(words[words.length - name.length - 1]!)) noteTitle(words, words.length - name.length, full, at)
    // "state representative Terri Collins": a role in lower case is a title of their own too.
    else if (words.length === name.length && titleWords.has(wordBefore(text, at))) {
      titled.add(full)
      lowerRole.set(full, wordBefore(text, at))
    }
    if (full !== surname && full.endsWith(' ' + surname)) {
      const list = mentionsBySurname.get(key)
      if (list) list.push({name: full, at})
      else mentionsBySurname.set(key, [{name: full, at}])
    }
    if (!insideQuote(at)) people.push({name: full, at})
  }

  // The run of title words that ends at `end` in `words` ("Prime Minister") is held by `full`.
  function noteTitle(words: readonly string[], end: number, full: string, at: number) {
    let start = end
    while (start > 0 && isTitle(words[start - 1]!) && !honorifics.has(words[start - 1]!)) start--
    if (start === end) return
    const title = words.slice(start, end).join(' ').toLowerCase()
    titled.add(full)
    const list = holders.get(title)
    if (list) list.push({name: full, at})
    else holders.set(title, [{name: full, at}])
  }

  // Mentions are read in order, so the quotation to test only moves forward.
  function insideQuote(at: number): boolean {
    while (quote < quoted.length && quoted[quote]!.end <= at) quote++
    return quote < quoted.length && quoted[quote]!.start <= at
  }

  function resolve(reference: string, at: number): string {
    const words = reference.trim().split(/\s+/)
    // "de Miranda" (or "De Miranda" opening a sentence): the surname with its particle, given at
    // the full name that ends with it.
    if (words.length > 1 && particles.has(words[0]!.toLowerCase())) {
      scan(Number.POSITIVE_INFINITY)
      const full = fullBySurname.get(plain(words[words.length - 1]!))
      return full?.toLowerCase().endsWith(' ' + words.join(' ').toLowerCase()) ? full : reference
    }
    if (words.length === 0 || !isUpper(words[0]!)) return reference
    words[words.length - 1] = stripPossessive(words[words.length - 1]!)
    // "Kama Melly QC": the suffix stays on the name but is no name word.
    const suffix = words.length > 1 && nameSuffixes.has(words[words.length - 1]!) ? ' ' + words.pop()! : ''
    const name = personalName(words)
    if (name.length === 0) return reference
    if (suffix && name.length > 1) return name.join(' ') + suffix
    if (suffix) {
      // Only someone named with the rank too: "Sarah Mansfield" is not "Mansfield QC".
      const full = resolve(name[0]!, at)
      return full !== name[0] && text.slice(0, at).includes(full.endsWith(suffix) ? full : full + suffix) ? full : reference
    }
    // News gives the full name first: only a run before `at` counts, and none can be anywhere
    // unless the two words stand together before a third (native searches, cheaper than reading
    // the names up to `at`).
    if (name.length === 2 && text.lastIndexOf(name[1]!, at) >= 0 && opensRun(name[0]!, name[1]!)) {
      scan(at)
      const run = runsByOpening.get(name.join(' '))
      if (run && run.at < at) return run.name
    }
    if (name.length > 1) return name.join(' ')
    // Only a lone surname needs the index: the last fuller name before `at`, else the first after
    // it, else the fullest the article gives.
    const surname = name[0]!
    scan(at)
    let best = fullerName(surname, at)
    if (best) return best
    // The rest of the article is read only where it may give this surname a fuller name.
    if (mayBeFullerAfter(surname)) scan(Number.POSITIVE_INFINITY)
    best = fullerName(surname, at)
    return best ?? fullBySurname.get(plain(surname)) ?? (fullByGivenName.get(surname) || surname)
  }

  // `mayOpenRun` over the whole text, once for each pair of words: a speaker quoted again and
  // again would otherwise search the article again each time.
  function opensRun(first: string, second: string): boolean {
    const key = first + ' ' + second
    let opens = openings.get(key)
    if (opens === undefined) openings.set(key, (opens = mayOpenRun(text, first, second)))
    return opens
  }

  // `mayBeFuller` from where the reading stands. A text with none from some point on has none
  // from any later point: that point is kept, so that each surname searches each part once.
  function mayBeFullerAfter(surname: string): boolean {
    if ((noFullerFrom.get(surname) ?? Number.POSITIVE_INFINITY) <= scanned) return false
    plainText ??= plainLetters(text)
    if (plainText === '' || mayBeFuller(text, plainText, surname, scanned)) return true
    noFullerFrom.set(surname, scanned)
    return false
  }

  // The last full name with this surname named before `at`, else the first after it.
  function fullerName(surname: string, at: number): string | undefined {
    const list = mentionsBySurname.get(plain(surname))
    if (!list) return undefined
    const index = lastBefore(list, at)
    return (list[index] ?? list[0])?.name
  }

  function lastPerson(at: number, pronoun: string, since = 0): string | undefined {
    scan(at)
    const want = /^(?:he|him|his)$/i.test(pronoun) ? 'm' : /^(?:she|her)$/i.test(pronoun) ? 'f' : undefined
    const named = lastFitting(people, at, since, want)
    const speaker = spoken.length > 0 ? lastFitting(spoken, at, since, want) : undefined
    // A name and a speaker at the same place: the name, which is what the text says there.
    return (speaker && (!named || speaker.at > named.at) ? speaker : named)?.name
  }

  function lastFitting(list: readonly Mention[], at: number, since: number, want: string | undefined): Mention | undefined {
    for (let index = lastBefore(list, at); index >= 0; index--) {
      const person = list[index]!
      if (person.at < since) return undefined
      if (want === undefined) return person
      const known = gender.get(person.name)
      if (known) {
        if (known !== want) continue
        return person
      }
      // A given name only suggests a gender (Kim, Lindsey, Dana are both): when the guess
      // disagrees, nobody ('') is given rather than someone named earlier.
      const guessed = givenNameGender(person.name)
      return guessed && guessed !== want ? {name: '', at: person.at} : person
    }
    return undefined
  }

  function personAt(from: number, to: number, pronoun: string): string | undefined {
    return lastPerson(to, pronoun, from)
  }
}

// The words of a full name, which are joined by single spaces.
function wordCount(name: string): number {
  let count = 1
  for (let index = name.indexOf(' '); index !== -1; index = name.indexOf(' ', index + 1)) count++
  return count
}

// The index of the last mention before `at` in a list sorted by position, or −1.
function lastBefore(list: readonly Mention[], at: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]!.at < at) low = middle + 1
    else high = middle
  }
  return low - 1
}
