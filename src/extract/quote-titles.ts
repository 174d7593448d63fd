/**
 * Whether a short quotation is the title of a work (“The World of Tomorrow.”, the book “Jaws”)
 * rather than speech: its words of four letters or more capitalised, or a cue naming a work
 * before it.
 */
const words = /[\p{L}\p{N}][\p{L}\p{N}’'\-]*/gu
const titleCue =
  /\b(?:book|novel|film|movie|documentary|song|album|show|series|play|poem|essay|op-ed|column|headline|titled|entitled|headlined|dubbed|nicknamed|nickname|known as|slogan|hashtag|campaign|operation|codenamed|code-named|motto|term|word|words|phrase)\s*,?\s*$/iu
const capitalOrDigitStart = /^[\p{Lu}\p{N}]/u
const closingPunctuation = /[.!?,;:…]$/u

/** `before`: the text right before the opening mark. */
export function isTitle(text: string, before: string): boolean {
  const list = text.match(words) ?? []
  if (list.length > 12) return false
  // After "book", "film"…: a short quote, or a long one in title case (“A Paradise Built in Hell:
  // The Extraordinary Communities that Arise in Disaster”).
  if (titleCue.test(before) && (list.length <= 8 || titleCase(list))) return true
  // A title keeps the sentence's full stop or comma inside the marks (“The World of Tomorrow.”);
  // other closing punctuation makes it speech.
  if (closingPunctuation.test(text) && (!/[.,]$/.test(text) || list.length < 2)) return false
  // The first word's capital may be the sentence's (“It's OK,”, “We'll see,”): a title needs a
  // capitalised word or a number after it (“Stop the War”, “Democracy 2.0”).
  let long = 0
  let titled = false
  for (const [position, word] of list.entries()) {
    if (position > 0 && titleWord.test(word)) titled = true
    if (word.length < 4) continue
    long++
    if (!capitalOrDigitStart.test(word)) return false
  }
  return long > 0 && titled
}

// A capitalised word, a number or a long acronym; not "OK" or "I".
const titleWord = /^(?:\p{Lu}[\p{Ll}’'].*|\p{N}.*|\p{Lu}{3,})$/u

// Most of the words of four letters or more capitalised.
function titleCase(list: readonly string[]): boolean {
  let long = 0
  let capital = 0
  for (const word of list) {
    if (word.length < 4) continue
    long++
    if (capitalOrDigitStart.test(word)) capital++
  }
  return capital >= 2 && capital >= long * 0.6
}
