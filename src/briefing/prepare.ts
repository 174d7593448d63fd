import {prepareScoring, type ScoringPrep} from './score.js'
import {addName, bodyOf, leadOf, namesIn, storyNames} from './lead.js'
import {keyOfWords, storySignals} from './stories.js'
import {termBag} from './term-bag.js'
import type {Article} from '../types.js'

/**
 * What the briefing stages find in one article on its own, before any other article is known:
 * its text key (the same article twice), its story signals, its term bag (derived topics) and what
 * scoring makes of its quotes and figures. A worker computes it right after extraction and the
 * cache keeps it with the article, so the main thread's stages only join articles together. The
 * stages compute it themselves for an article that comes without it, the same way.
 */
export interface Prepared {
  /** The article's lead (`leadOf`), which the timeline shows. */
  lead: string
  textKey: string
  signals: string[]
  terms: string
  scoring: ScoringPrep
}

export function prepareArticle(article: Article): Prepared {
  const paragraphs = bodyOf(article)
  const body = paragraphs.map((paragraph) => paragraph.text)
  // The paragraphs' words are read once, for the term bag, the text key and the names of the story.
  const bodyWords: string[] = []
  const names = article.paragraphs.map(() => new Set<string>())
  const terms = termBag(article, bodyWords, (paragraph, text, start, stop, first, word) => addName(names[paragraph]!, text, start, stop, first, word))
  // A body paragraph is its paragraph trimmed, read the same, unless a dateline was cut from it.
  const namesOf = (index: number) => {
    const {text, from, cut} = paragraphs[index]!
    return cut ? namesIn(text) : names[from]!
  }
  const lead = leadOf(article, body)
  const story = storyNames(article, body, namesOf)
  return {lead, textKey: keyOfWords(bodyWords), signals: [...storySignals(article, body)], terms, scoring: prepareScoring(article, body, lead, story)}
}

/** Each article's `prepared`, else computed once here: what the briefing stages read. */
export function preparedFor(): (article: Article) => Prepared {
  const made = new WeakMap<Article, Prepared>()
  return (article) => {
    if (article.prepared) return article.prepared
    let prepared = made.get(article)
    if (!prepared) made.set(article, (prepared = prepareArticle(article)))
    return prepared
  }
}
