import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {prepareScoring} from '../../src/briefing/score.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import type {Article} from '../../src/types.js'

const read = (title: string, body: string) => analyzeArticles([new VFile({path: '2023-11-23-talks.txt', value: `${title}\n\n${body}\n`})])[0] as Article
const context = (title: string, body: string) => prepareScoring(read(title, body)).figures.map((figure) => figure.context)

// A figure's context is the names of `${title}. ${sentence}`, read as one text: the title's names
// are read once per article, and that must not change which word opens a sentence.
describe("a figure's names", () => {
  it('are the headline names, then those of its sentence not opening it', () => {
    expect(context('Talks resume in Washington', 'Israel said 50 hostages were freed in Gaza on Friday.')).toEqual([['washington', 'gaza']])
  })

  it('read the title and sentence as one sentence when the title ends in an abbreviation', () => {
    expect(context('Talks resume in the U.S', 'Israel said 50 hostages were freed in Gaza on Friday.')[0]).toContain('israel')
  })

  it('read them as one sentence when the sentence does not open like one', () => {
    // A straight quote before a capital does not open a sentence: "Israel" is inside the title's.
    expect(context('Talks resume in Washington', "'Israel freed 50 hostages in Gaza,' an official said.")[0]).toEqual(['washington', 'israel', 'gaza'])
  })
})
