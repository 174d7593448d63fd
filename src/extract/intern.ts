/**
 * One copy of each short string in what the workers send back. A structured clone copies every
 * string it meets, so ten thousand articles arrive with as many copies of "length", "speaker",
 * "percent", "in the lead" or a speaker's name as they use: a fifth of their memory on the main
 * thread. Interning them as each batch arrives (while the workers are still busy) gives that
 * back; longer strings (sentences, term bags) are nearly always distinct and are left alone.
 */
export function createInterner(longest = 40): <T>(value: T) => T {
  const known = new Map<string, string>()
  const intern = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.length > longest) return value
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
