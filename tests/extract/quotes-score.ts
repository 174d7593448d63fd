/**
 * Scores the quotes and speakers of a hand-judged set (tests/fixtures/eval/*): each truth is matched
 * to one extracted quote, in order, by its opening words; speakers are compared as an editor would
 * accept them. Shared by the dev set and the fresh held-back set so both count alike.
 */
import {readFileSync} from 'node:fs'
import {extract, fold, foldQuote, round} from './helpers.js'

export interface QuoteTruth {
  /** The opening words of the quotation (or a run of its words), as written. */
  quote: string
  /** Every name an editor would accept; `""` when the article names nobody. */
  speaker: string[]
}

export interface QuoteScores {
  quotes: number
  precision: number
  recall: number
  speaker: number
}

/** Fold a speaker for comparing: case, quotes, a leading "the". */
function foldSpeaker(name: string): string {
  return fold(name).replace(/^the /u, '')
}

/** Score every article of `set` (a folder holding quotes-gold.json and articles/) and list what is wrong. */
export function scoreQuotes(set: URL): {scores: QuoteScores; wrong: string[]} {
  const gold = JSON.parse(readFileSync(new URL('quotes-gold.json', set), 'utf8')) as {
    articles: Record<string, QuoteTruth[]>
  }
  const totals = {expected: 0, extracted: 0, found: 0, speakers: 0}
  const wrong: string[] = []
  for (const [name, truths] of Object.entries(gold.articles)) {
    const quotes = extract(readFileSync(new URL(`articles/${name}`, set), 'utf8'), name).data.quotes ?? []
    const texts = quotes.map((quote) => foldQuote(quote.text))
    const used = new Set<number>()
    totals.extracted += quotes.length
    for (const truth of truths) {
      totals.expected++
      const words = foldQuote(truth.quote)
      // One quote per truth, in order: one that opens with the words, else one that holds them.
      let index = texts.findIndex((text, at) => !used.has(at) && text.startsWith(words))
      if (index < 0) index = texts.findIndex((text, at) => !used.has(at) && text.includes(words))
      if (index < 0) {
        wrong.push(`${name}: missed «${truth.quote}»`)
        continue
      }
      used.add(index)
      totals.found++
      const speaker = foldSpeaker(quotes[index]!.speaker)
      if (truth.speaker.some((name) => foldSpeaker(name) === speaker)) totals.speakers++
      else wrong.push(`${name}: «${truth.quote}» ${JSON.stringify(quotes[index]!.speaker)} ≠ ${JSON.stringify(truth.speaker)}`)
    }
    for (const [index, quote] of quotes.entries())
      if (!used.has(index)) wrong.push(`${name}: not a quote «${quote.text.slice(0, 60)}»`)
  }
  const scores = {
    quotes: totals.expected,
    precision: round(totals.found / Math.max(1, totals.extracted)),
    recall: round(totals.found / Math.max(1, totals.expected)),
    speaker: round(totals.speakers / Math.max(1, totals.found))
  }
  return {scores, wrong}
}
