/**
 * One copy of each short string in what the workers send back. A structured clone copies every
 * string it meets, so ten thousand articles arrive with as many copies of "length", "speaker",
 * "percent", "in the lead" or a speaker's name as they use: a fifth of their memory on the main
 * thread. Interning them as each batch arrives (while the workers are still busy) gives that
 * back. Longer strings (sentences, term bags) are nearly always distinct: they are narrowed instead.
 */
export function createInterner(longest = 40): <T>(value: T) => T {
  const known = new Map<string, string>()
  const intern = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.length > longest) return narrowed(value)
      const first = known.get(value)
      if (first !== undefined) return first
      known.set(value, value)
      return value
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = intern(value[index])
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) record[key] = intern(record[key])
    }
    return value
  }
  return <T>(value: T) => intern(value) as T
}

// Without the `u` flag: a code unit above 0xFF is all it looks for, and the test runs 4× faster.
const beyondLatin1 = /[^\u0000-\u00ff]/

/**
 * The same string held at one byte a character when it can be. A string cut from an article that
 * has one curly quote anywhere is stored at two bytes a character, and so is everything joined from
 * its pieces (a term bag, a sentence without a curly quote); the structured clone keeps that width.
 * Term bags are Latin-1 by construction, so this halves the largest thing an article keeps.
 */
function narrowed(value: string): string {
  return beyondLatin1.test(value) ? value : Buffer.from(value, 'latin1').toString('latin1')
}
