/**
 * Alternations of words for the regexes that run over every character of an article. V8 tries
 * the branches of `(?:said|says|…)` one after another at each position; grouped by first letter,
 * `(?:s(?:aid|ays|…)|t(?:old|…)|…)`, it tests one letter and goes into one branch. Within a group
 * the words keep their order, and a word of another letter fails at once, so the grouped pattern
 * matches what the flat list matches, trying the words in the same order: the same first match.
 */

/**
 * `words` as a grouped alternation (non-capturing). Each word must open with a letter, taken as
 * written (`capitalised`: a lower-case one, let open in either case, "[Tt](?:wo|hree)"), and be
 * regex source from there on.
 */
export function byFirstLetter(words: readonly string[], capitalised = false): string {
  const rests = new Map<string, string[]>()
  for (const word of words) {
    const first = word[0]!
    if (!(capitalised ? /^[a-z]$/ : /^[A-Za-z]$/).test(first)) throw new Error(`byFirstLetter: "${word}" does not open with a letter${capitalised ? ' in lower case' : ''}`)
    let list = rests.get(first)
    if (!list) rests.set(first, (list = []))
    list.push(word.slice(1))
  }
  const branches = [...rests].map(([first, rest]) => {
    const opening = capitalised ? `[${first.toUpperCase()}${first}]` : first
    return rest.length === 1 ? `${opening}${group(rest[0]!)}` : `${opening}(?:${rest.join('|')})`
  })
  return `(?:${branches.join('|')})`
}

// A word's rest after its first letter, grouped so that an alternation inside it stays its own.
function group(rest: string): string {
  return rest.length === 0 ? '' : `(?:${rest})`
}
