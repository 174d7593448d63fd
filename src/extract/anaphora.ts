/**
 * A definite description right after a person is named stands for that person: "…,” said study
 * co-author Karen Alley. The Wooster professor added …", "Bernardo Silva scored twice. “…,” the
 * Portuguese midfielder said". News writes "the" for someone the reader has just met; a new
 * person comes with "a" or a name. Only nouns that describe the person themself (a trade, a
 * position on a team, a nationality) are read so: "the victim", "the judge", "the officer" are mostly someone
 * else in the same story, and a body ("the company") is never a person. The person must have
 * been named in the description's sentence or the one before, and the noun must not have
 * described anyone else before; otherwise the description stays as written.
 */

// A trade or a position a person is described by, not a part they play in someone else's story.
// prettier-ignore
const selfNouns = new Set([
  'midfielder', 'striker', 'forward', 'defender', 'goalkeeper', 'keeper', 'winger', 'quarterback',
  'pitcher', 'guard', 'centre', 'center', 'veteran', 'rookie', 'champion', 'star', 'player', 'athlete',
  'runner', 'sprinter', 'swimmer', 'golfer', 'boxer', 'skier', 'cyclist', 'gymnast', 'professor',
  'scientist', 'researcher', 'economist', 'historian', 'author', 'writer', 'novelist', 'poet', 'actor',
  'actress', 'singer', 'rapper', 'musician', 'artist', 'filmmaker', 'entrepreneur', 'founder',
  'billionaire', 'businessman', 'businesswoman', 'activist', 'campaigner', 'photographer', 'chef',
  'farmer', 'astronaut', 'physicist', 'biologist', 'chemist', 'geologist', 'epidemiologist', 'ecologist',
  'archaeologist', 'anthropologist', 'psychologist', 'sociologist', 'engineer', 'designer', 'architect'
])

// Nationalities that name one person in sports and news copy ("the Argentine said"); not those
// that also name a people or a government ("the Chinese", "the French").
// prettier-ignore
const demonyms = new Set([
  'Argentine', 'Argentinian', 'Brazilian', 'Uruguayan', 'Colombian', 'Chilean', 'Mexican', 'Canadian',
  'American', 'Australian', 'Briton', 'Englishman', 'Englishwoman', 'Scot', 'Welshman', 'Irishman',
  'Frenchman', 'Frenchwoman', 'Spaniard', 'German', 'Italian', 'Dutchman', 'Belgian', 'Austrian',
  'Swede', 'Norwegian', 'Dane', 'Finn', 'Pole', 'Czech', 'Serb', 'Croat', 'Slovenian', 'Ukrainian',
  'Russian', 'Georgian', 'Greek', 'Turk', 'Kenyan', 'Ethiopian', 'Nigerian', 'Ghanaian', 'Senegalese',
  'Egyptian', 'Moroccan', 'Algerian', 'Indian', 'Pakistani', 'Korean', 'Filipino', 'Indonesian', 'Kiwi'
])

// Offices a person is called by ("the mayor"): someone who holds one is not "the professor".
// prettier-ignore
const offices = new Set([
  'president', 'minister', 'senator', 'governor', 'mayor', 'judge', 'justice', 'prosecutor', 'sheriff',
  'secretary', 'chancellor', 'premier', 'ambassador', 'commissioner', 'representative', 'rep.', 'sen.',
  'gov.', 'officer', 'detective', 'inspector', 'chief', 'director', 'spokesman', 'spokeswoman',
  'spokesperson', 'coach', 'manager', 'chairman', 'chairwoman', 'chair', 'ceo', 'speaker', 'leader'
])

const definite = /^[Tt]he\s+(?:[\p{L}\-]+\s+){0,3}([\p{L}][\p{L}\-]+)$/u
const sentenceEnd = /[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu

/** A mention of a person: the name, and where it stands in the text. */
interface Named {
  name: string
  at: number
}

/**
 * Whether `description`, used as a speaker near `at` in `text`, stands for `person`, the last
 * person named before `at`; `titles`: the titles or roles that person was named with.
 */
export function standsFor(description: string, text: string, at: number, person: Named, titles: readonly string[]): boolean {
  const phrase = description.trim()
  const match = definite.exec(phrase)
  if (!match || /[’']s\s/u.test(phrase)) return false
  const noun = match[1]!
  if (!selfNouns.has(noun) && !demonyms.has(noun)) return false
  if (titles.some((title) => offices.has(lastWord(title)) && lastWord(title) !== noun)) return false
  // Where the description stands: the nearest use of it to `at`.
  const near = text.slice(0, at + 200).toLowerCase().lastIndexOf(phrase.toLowerCase())
  const own = near >= 0 ? near : at
  if (own < person.at) return false
  if ((text.slice(person.at, own).match(sentenceEnd) ?? []).length > 1) return false
  // The noun described no one else before: it occurs only in the person's own introduction.
  const uses = new RegExp(`(?<![\\p{L}\\-])${noun}(?![\\p{L}\\-])`, 'giu')
  for (const use of text.slice(0, own).matchAll(uses)) {
    const introduces =
      use.index < person.at
        ? person.at - use.index <= 40 && !/[.!?;]/u.test(text.slice(use.index, person.at))
        : use.index - person.at <= person.name.length + 80 && !/[.!?;]\s/u.test(text.slice(person.at, use.index))
    if (!introduces) return false
  }
  return true
}

function lastWord(title: string): string {
  return title.slice(title.lastIndexOf(' ') + 1).toLowerCase()
}

// Two capitalised words in a row, unless the first only opens a sentence ("The Argentine", "In March").
const capitalisedPair = /(?<![\p{L}’'\-])(\p{Lu}[\p{Ll}’'\-]+)\s+\p{Lu}[\p{Ll}’'\-]+/gu
const sentenceOpeners = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'After', 'Before', 'When', 'As', 'For', 'With', 'His', 'Her', 'Their', 'Its', 'Our', 'My'])

/** Whether `between` may name someone: two capitalised words in a row that no sentence opener begins. */
export function otherName(between: string): boolean {
  for (const [, first] of between.matchAll(capitalisedPair)) if (!sentenceOpeners.has(first!)) return true
  return false
}
