/**
 * The gender a given name shows, so that "she said" does not go to the last man named.
 *
 * Read from gender-detection-from-name's lists of first names (English, Italian, Spanish, German;
 * its French list marks many common male names female and is left out). A name counts only when
 * the English list has it and no other list disagrees: "Andrea", "Nicola" or "Jean" stay unknown,
 * and so does a name the English list lacks ("Xi"). A run whose second word is hyphenated is read
 * family name first ("Kim Jong-un", "Park Won-soon") and gives nothing. The lists are loaded on the
 * first question, which only a pronoun's speaker asks.
 */
import {createRequire} from 'node:module'

type Gender = 'm' | 'f'

let lists: Array<ReadonlyMap<string, string>> | undefined
const known = new Map<string, Gender | undefined>()

function load(): Array<ReadonlyMap<string, string>> {
  const require = createRequire(import.meta.url)
  return ['en', 'it', 'es', 'de'].map((lang) => require(`gender-detection-from-name/names/${lang}.js`) as ReadonlyMap<string, string>)
}

/** 'm' or 'f' for a full name whose given name the lists agree on, else `undefined`. */
export function givenNameGender(fullName: string): Gender | undefined {
  const space = fullName.indexOf(' ')
  if (space < 0) return undefined
  const next = fullName.indexOf(' ', space + 1)
  if (fullName.slice(space + 1, next < 0 ? undefined : next).includes('-')) return undefined
  const given = fullName.slice(0, space).toLowerCase()
  if (known.has(given)) return known.get(given)
  lists ??= load()
  const [english, ...others] = lists
  const value = english!.get(given)
  const gender: Gender | undefined =
    value === 'male' || value === 'female'
      ? others.some((list) => {
          const other = list.get(given)
          return other !== undefined && other !== value
        })
        ? undefined
        : value === 'male'
          ? 'm'
          : 'f'
      : undefined
  known.set(given, gender)
  return gender
}
