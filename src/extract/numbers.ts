/**
 * English number words to a number: "two dozen" → 24, "a hundred and two" → 102,
 * "twenty-one" → 21, "three million" → 3000000. `undefined` when a word is not a number word.
 */

// prettier-ignore
const units = new Map([
  ['zero', 0], ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90]
])

const scales = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12]
])

const wordBreaks = /[\s\u00a0-]+/

/** The value of a run of number words (separated by spaces, hyphens or "and"). */
export function parseNumberWords(text: string): number | undefined {
  // Most runs are one word ("two", "seven"): no split.
  const single = units.get(text.toLowerCase())
  if (single !== undefined) return single
  let total = 0
  let current = 0
  let seen = false
  for (const raw of text.toLowerCase().split(wordBreaks)) {
    if (raw === '' || raw === 'and') continue
    const unit = units.get(raw)
    if (unit !== undefined) {
      // Only tens take a unit after them ("twenty-one"); "one-two", "five six" are no number.
      if (current % 100 !== 0 && (unit >= 10 || current % 10 !== 0)) return undefined
      current += unit
      seen = true
      continue
    }
    if (raw === 'hundred') current = (current || 1) * 100
    else if (raw === 'dozen') current = (current || 1) * 12
    else {
      const scale = scales.get(raw)
      if (scale === undefined) return undefined
      total += (current || 1) * scale
      current = 0
    }
    seen = true
  }
  return seen ? total + current : undefined
}
