/**
 * Character classes for the scans that run over every character of an article. Regexes with the
 * `u` flag and `\p{…}` classes run several times slower in V8 than plain ranges, so the hot
 * patterns use these instead: Latin (with Latin-1 and Extended-A, whose upper and lower case
 * interleave and are both accepted as "upper"), Greek and Cyrillic.
 */
export const letters = {
  /** Capital letters (approximate beyond ASCII, see above). */
  upper: String.raw`A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0391-\u03A9\u0400-\u042F`,
  /** Any letter. */
  letter: String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF`
}

// What `hasCase` has found for each UTF-16 code: 0 not yet asked, 1 no case, 2 a cased letter.
const cased = new Uint8Array(0x10000)

/**
 * Whether the character with UTF-16 code `code` has a lower and an upper case (a letter of a
 * cased script): the character scans' test for letters beyond ASCII, remembered per code because
 * changing a character's case allocates two strings.
 */
export function hasCase(code: number): boolean {
  let known = cased[code]!
  if (known === 0) {
    const char = String.fromCharCode(code)
    known = char.toLowerCase() !== char.toUpperCase() ? 2 : 1
    cased[code] = known
  }
  return known === 2
}
