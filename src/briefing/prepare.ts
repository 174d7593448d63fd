import {prepareScoring, type ScoringPrep} from './score.js'
import {bodyParagraphs, leadOf} from './lead.js'
import {keyOfWords, storySignals} from './stories.js'
import {termBag} from './topics.js'
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
  const body = bodyParagraphs(article)
  const bodyWords: string[] = []
  const terms = termBag(article, bodyWords)
  const lead = leadOf(article, body)
  return {lead, textKey: keyOfWords(bodyWords), signals: [...storySignals(article, body)], terms, scoring: prepareScoring(article, body, lead)}
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
