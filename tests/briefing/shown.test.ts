import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {shownOf} from '../../src/briefing/figures.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import type {Article} from '../../src/types.js'

/** The phrase the email prints for the last figure of `sentence`. */
function shown(sentence: string) {
  const [article] = analyzeArticles([new VFile({path: '2023-11-23-a.txt', value: `${sentence}\n`})]) as Article[]
  const figure = article!.figures.at(-1)!
  const result = shownOf(figure)
  return 'shown' in result ? result.shown : result.rule
}

describe('the phrase a figure is shown in', () => {
  it('never ends on a word that leans on the date or number cut after it', () => {
    expect(shown('Hamas reportedly captured around 250 individuals, with over 100 released during a week-long truce in late 2023.')).toBe('over 100 individuals released during a week-long truce')
    expect(shown('The storm left 40 people injured in early 2019, officials said.')).toBe('40 people injured')
    expect(shown('At least 12 families displaced since mid 2022 have not returned, the council said.')).toBe('at least 12 families displaced')
  })
})
