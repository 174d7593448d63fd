/**
 * Speakers a sentence describes but does not name ("One of the victims", "a witness", "the
 * letter"), so that a pronoun or a document after them is not handed to someone named earlier.
 * House rule: no speaker rather than a guessed one.
 */

// Nouns for a person, with the pronoun they take ("" for either).
// prettier-ignore
const personNouns = new Map<string, string>([
  ...'victim survivor witness eyewitness resident neighbour neighbor child student teacher worker employee official officer spokesperson passenger driver patient doctor nurse parent relative friend user voter supporter protester member juror fan customer tenant volunteer source'
    .split(' ').map((noun) => [noun, ''] as [string, string]),
  ...'woman mother daughter sister wife girl girlfriend spokeswoman grandmother aunt'.split(' ').map((noun) => [noun, 'she'] as [string, string]),
  ...'man father son brother husband boy boyfriend spokesman grandfather uncle'.split(' ').map((noun) => [noun, 'he'] as [string, string])
])

const described = /^(?:one\s+of\s+(?:the|his|her|their|its)\s+|(?:a|an|the|another|one|his|her|their)\s+)(?:[a-z’'\-]+\s+){0,3}([a-z]+)$/iu

/**
 * Whether `subject` describes a person without naming them, one `pronoun` ("he", "she") can
 * stand for: "One of the victims", "a local resident", "the boy's mother", "Her father".
 */
export function unnamedPerson(subject: string, pronoun: string): boolean {
  const match = described.exec(subject.trim())
  if (!match) return false
  const head = match[1]!.toLowerCase()
  // A plural is one person only as "one of the victims"; "the officials" are not a "he".
  const one = /^one\s+of\s/iu.test(subject.trim())
  const gender =
    personNouns.get(head) ??
    (one ? (personNouns.get(head.replace(/(?<=[^s])s$/u, '')) ?? (head.endsWith('men') ? personNouns.get(head.slice(0, -3) + 'man') : undefined)) : undefined)
  if (gender === undefined) return false
  const wanted = /^(?:she|her)$/iu.test(pronoun) ? 'she' : 'he'
  return gender === '' || gender === wanted
}

// A document alone, owned by no one it names: "The letter", "the announcement", "The statement".
const bareDocument =
  /^(?:the|this|that|its|their)\s+(?:(?:same|latest|new|official|written|full|joint|press|final)\s+)*(?:letter|statement|announcement|release|notice|memo|post|tweet|email|e-mail|message|filing|motion|complaint)$/iu

/** Whether `speaker` is a document standing for its author ("The letter stressed"). */
export function isBareDocument(speaker: string): boolean {
  return bareDocument.test(speaker.trim())
}

const putOut = new Map<string, RegExp>()

/**
 * Whether the rest of a sentence after its subject (`after`) says the subject put out the document
 * `speaker` names: "issued a statement" (not "a statement from …"), "announced" for "The
 * announcement".
 */
export function putsOut(after: string, speaker: string): boolean {
  const noun = speaker.trim().split(/\s+/u).pop()!.toLowerCase()
  let pattern = putOut.get(noun)
  if (!pattern) {
    const stem = noun.replace(/ment$/u, '')
    pattern = new RegExp(`^\\s*(?:[a-z]+ly\\s+|on\\s+\\S+\\s+)?(?:(?:issued|released|sent|published|posted|wrote|put out|shared|signed|tweeted)\\s+(?:a|an|the|its|his|her|their)\\s+(?:[a-z\\-]+\\s+){0,2}${noun}(?!\\s+(?:from|by|of|on behalf)\\b)|${stem}(?:ed|d)\\b)`, 'u')
    putOut.set(noun, pattern)
  }
  return pattern.test(after)
}
