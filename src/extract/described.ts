/**
 * A definite description the article named before: "the governor" after "Governor Kay Ivey",
 * "the Lord Mayor candidate" after "Lord Mayor candidate Wayne Tseng", "the party" after "the
 * Thai Raksa Chart Party". "The" says the reader already knows who: the one person the article
 * introduced with that noun, or the one body whose name ends in it. Two of them, or none: the
 * description stays as written.
 */
import {letters} from './letters.js'

const U = letters.upper
const L = letters.letter
// A name word, or an initial ("J."): a dot ends the sentence otherwise ("Jane Doe. The Yale").
const name = `[${U}](?:[${L}’'\\-]*|\\.)`

// "the governor", "the Lord Mayor candidate", "The Wooster professor": the head noun.
const definite = new RegExp(`^[Tt]he\\s+(?:(?:${name}|[a-z][a-z\\-]*)\\s+){0,3}([A-Za-z][a-z\\-]+)$`)

// Nouns that introduce one person before their name.
// prettier-ignore
const personNouns = new Set([
  'governor', 'mayor', 'senator', 'president', 'minister', 'candidate', 'nominee', 'judge', 'prosecutor',
  'professor', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'director', 'coach',
  'captain', 'chief', 'commissioner', 'ambassador', 'sheriff', 'inspector', 'detective', 'superintendent',
  'lawmaker', 'representative', 'congressman', 'congresswoman', 'councillor', 'councilor', 'premier',
  'chancellor', 'secretary', 'manager', 'founder', 'author', 'co-author', 'researcher', 'scientist'
])
// Nouns that end the name of one body.
// Not "company" or "agency": a company is mostly called by a name without the noun.
const bodyNouns = new Set(['party', 'council', 'commission', 'committee', 'federation', 'association', 'union'])

// A word that makes another title of the noun after it ("Vice President", "Deputy Mayor").
const titleWordsBefore = ['Vice', 'Deputy', 'Prime', 'Assistant', 'Associate', 'Acting', 'Former', 'Lieutenant', 'vice', 'deputy', 'assistant', 'associate', 'acting', 'former']

/**
 * The one person or body `description` names in `text` before `at`, at their name as the article
 * gives it (`resolve` gives the fullest); `undefined` when it is no such description or the
 * article has none or several.
 */
export function describedOne(
  description: string,
  text: string,
  at: number,
  resolve: (reference: string, at: number) => string,
  titles: ReadonlySet<string>
): string | undefined {
  const age = agedDescription.exec(description.trim())
  if (age) return agedOne(age[1]!, text, at, resolve)
  const match = definite.exec(description.trim())
  if (!match) return undefined
  const noun = match[1]!.toLowerCase()
  // A title alone ("the president") is `Names.holder`'s, which also weighs who else was named.
  if (titles.has(noun) && description.trim().split(/\s+/u).length === 2) return undefined
  const person = personNouns.has(noun)
  // A body only as "the party", with no word between: "the opposition party" may be another.
  if (!person && !(bodyNouns.has(noun) && description.trim().split(/\s+/).length === 2)) return undefined
  const head = `(?:[${noun[0]!.toUpperCase()}${noun[0]}]${noun.slice(1)})`
  // A person is introduced with every word of the description ("Lord Mayor candidate Wayne
  // Tseng"): "the local health minister" is not "minister Hardeep Singh Puri".
  const said = description.trim().split(/\s+/u).slice(1, -1).map((word) => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${escape(word.slice(1))}\\s+`).join('')
  const pattern = person
    ? new RegExp(`(?<![A-Za-z\\-]|(?:${[...titleWordsBefore].join('|')})\\s)${said}${head}\\s+((?:${name}\\s+){0,3}${name})`, 'g')
    : new RegExp(`((?:${name}\\s+){1,4})${head}\\b((?:\\s+(?:on|for)\\s+(?:the\\s+)?(?:${name}(?:\\s+and)?\\s*){1,4})?)`, 'g')
  const found = new Map<string, string>()
  const before = text.slice(0, at)
  let matches = 0
  let lastMatch = -1
  for (let hit = pattern.exec(before); hit; hit = pattern.exec(before)) {
    matches++
    lastMatch = hit.index
    const words = person ? hit[1]! : bodyName(hit[1]!)
    if (words.length === 0 || /^(?:The|A|An)$/u.test(words)) continue
    const found1 = person ? resolve(words, hit.index) : `${words} ${noun[0]!.toUpperCase()}${noun.slice(1)}${(hit[2] ?? '').trimEnd()}`
    found.set(found1.toLowerCase(), found.get(found1.toLowerCase()) ?? found1)
    if (found.size > 1) return undefined
  }
  // Another one described with the noun but introduced otherwise ("John Roe, a Harvard professor",
  // "a union"): the description may be that one.
  const uses = before.match(new RegExp(`(?<![A-Za-z])${noun}(?![A-Za-z])`, 'giu'))?.length ?? 0
  // The description itself may stand before `at`, in the quote's own sentence.
  const self = before.toLowerCase().lastIndexOf(description.trim().toLowerCase())
  if (uses - (self > lastMatch ? 1 : 0) > matches) return undefined
  return found.size === 1 ? [...found.values()][0] : undefined
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

// "Thailand's Thai Raksa Chart", "The Labour": the name's own words.
function bodyName(run: string): string {
  const words = run.trim().split(/\s+/u)
  while (words.length > 0 && (/^(?:The|A|An)$/u.test(words[0]!) || /[’']s$/u.test(words[0]!))) words.shift()
  return words.join(' ')
}

// "the 67-year-old", "the 19-year-old midfielder": someone the article gave that age before.
const agedDescription = /^[Tt]he\s+(\d{1,3})-year-old(?:\s+[a-z][a-z\-]*){0,2}$/u

/**
 * The one person given the age `age` before `at` ("Maria Santos, 67,", "67-year-old Maria
 * Santos"), at their fullest name; `undefined` when nobody or several people were.
 */
function agedOne(age: string, text: string, at: number, resolve: (reference: string, at: number) => string): string | undefined {
  const run = `((?:${name}\\s+){0,2}${name})`
  const pattern = new RegExp(`${run},\\s+${age}\\s*[,.;)]|${age}-year-old\\s+(?:[a-z][a-z\\-]*\\s+){0,2}${run}`, 'gu')
  const found = new Set<string>()
  for (const hit of text.slice(0, at).matchAll(pattern)) {
    found.add(resolve((hit[1] ?? hit[2])!, hit.index))
    if (found.size > 1) return undefined
  }
  return found.size === 1 ? [...found][0] : undefined
}
