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
    // Measured blind, before any rule was written from this set (the honest estimate): precision
    // 0.918, recall 0.978, speaker 0.756. After the rules it led to (speakers-blind.test.ts):
    // 0.918 / 0.978 / 0.944, which was tuned to it and overstated; a review then made the guesses
    // that gave wrong speakers on other news give none (its cases are in speakers-blind.test.ts):
    // 0.918 / 0.978 / 0.856. An adversarial review of written news passages (speakers-review.test.ts)
    // left them there.
    expect(scores.precision).toBeGreaterThanOrEqual(0.915)
    expect(scores.recall).toBeGreaterThanOrEqual(0.975)
    expect(scores.speaker).toBeGreaterThanOrEqual(0.85)
  })
})
