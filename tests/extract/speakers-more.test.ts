/**
 * Who said it, beyond issue 11's numbered constructions: the rules found on the development set
 * (web pages turned into Markdown, and news prose), each with cases written from the phrasing of
 * real reports. A case is the text and, for each quote in order, the speaker expected ('' for none).
 */
import {describe, expect, it} from 'vitest'
import {extract} from './helpers.js'

function quotes(value: string): Array<[string, string]> {
  return (extract(value).data.quotes ?? []).map((quote) => [quote.text, quote.speaker])
}

function check(cases: Array<[string, string[]]>) {
  for (const [text, expected] of cases) expect(quotes(text).map(([, speaker]) => speaker), text).toEqual(expected)
}

describe('speakers: a Markdown link is read as its text', () => {
  it('finds a linked name on either side of the quote', () => {
    check([
      ['“It was seen as rote,” said [Mar Hicks](http://example.org/hicks/), a historian at the Illinois Institute of Technology.', ['Mar Hicks']],
      [
        '[Eric Reeves](http://example.org/2016/07/04/eric-reeves-is-now-a-senior-fellow-at-harvard-universitys-center-for-health-and-human-rights/), one of the leading American academic voices on Sudan, said he was “appalled” that sanctions were lifted.',
        ['Eric Reeves']
      ],
      ['“This is an all-too-common story,” wrote [Jennifer Light](https://example.edu/people/light/), the department head, in an email.', ['Jennifer Light']],
      ['Police [said in a statement](https://example.org/statement) that “there is no further risk to the public.”', ['Police']]
    ])
  })
})

describe('quotes: a short quote the sentence runs on past is a term', () => {
  it('is not attributed by the clause after it', () => {
    check([
      ['The generals seized power in an operation against “criminals” in his entourage, a senior political source told Reuters.', []],
      ['Troops were moved to the border to prevent “provocations” by militants, state media reported.', []],
      ['He was “appalled” by the decision, Reeves said.', ['Reeves']],
      ['“Disgraceful,” said Ana Lopez.', ['Ana Lopez']]
    ])
  })
})
