/**
 * A blind quote set: 21 Wikinews articles of 2019–2020 with direct quotations, in no other set or
 * fixture (tests/fixtures/eval/quotes-3/, README there). The truth was written and committed
 * before the extractor was run on any of it, so the first score is an estimate on unseen prose.
 * `QUOTES_ERRORS=1` lists every miss, extra quote and wrong speaker.
 */
import {describe, expect, it} from 'vitest'
import {scoreQuotes} from './quotes-score.js'

describe('blind set: quotes and speakers', () => {
  it('prints and holds the scores', () => {
    const {scores, wrong} = scoreQuotes(new URL('../fixtures/eval/quotes-3/', import.meta.url))
    console.log(`quotes-3: ${JSON.stringify(scores)}`)
    if (process.env.QUOTES_ERRORS) console.log(wrong.join('\n'))
    expect(scores.precision).toBeGreaterThanOrEqual(0)
    expect(scores.recall).toBeGreaterThanOrEqual(0)
    expect(scores.speaker).toBeGreaterThanOrEqual(0)
  })
})
