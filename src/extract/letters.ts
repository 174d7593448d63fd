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
