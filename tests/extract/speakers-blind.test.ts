/**
 * Who said it: rules found by the blind set (tests/fixtures/eval/quotes-3/), each with cases
 * written from the phrasing of other real reports, not the set's own. A case is the text and, for
 * each quote in order, the speaker expected ('' for none).
 */
import {describe, expect, it} from 'vitest'
import {extract} from './helpers.js'

function check(cases: Array<[string, string[]]>) {
  for (const [text, expected] of cases)
    expect((extract(text).data.quotes ?? []).map((quote) => quote.speaker), text).toEqual(expected)
}

describe('speakers: a rank after the name (QC, KC)', () => {
  it('keeps the whole name and the rank', () => {
    check([
      ['Prosecutor Jonathan Sandiford QC told the jury the attack was “planned and brutal”.', ['Jonathan Sandiford QC']],
      ['Defending, Michael Mansfield QC told the court: “My client is innocent.” Mansfield QC added: “He was not there.”', ['Michael Mansfield QC', 'Michael Mansfield QC']],
      ['“The sentence must reflect the harm done,” said Judge Sarah Whitehouse KC.', ['Sarah Whitehouse KC']]
    ])
  })
})

describe('speakers: a pronoun after an unnamed person', () => {
  it('gives no speaker rather than the last person named', () => {
    check([
      [
        'Mayor Ann Lee visited the site on Sunday. One of the survivors, a retired teacher, was pulled from the water. She said: “It came so fast.”',
        ['']
      ],
      ['Inspector Mark Hale confirmed two arrests. A local resident filmed the raid. He said the officers were “shouting at everyone”.', ['']],
      ['Senator Joan Ruiz toured the camp. The boy’s mother waited by the gate. She told reporters “we have nothing left”.', ['']]
    ])
  })

  it('still gives the pronoun to a named person, or past a plural description', () => {
    check([
      ['Mayor Ann Lee visited the site. Ann Lee then spoke to the press. She said “we will rebuild”.', ['Ann Lee']],
      ['“They cannot form a combustible amount,” Mr. McHugh said. “It also lets smoke escape,” he added.', ['McHugh', 'McHugh']]
    ])
  })
})

describe('speakers: a document standing for its author', () => {
  it('gives "the letter", "the announcement" to who put it out in the sentence before', () => {
    check([
      [
        'In a letter to the board, union leader Maria Costa said the plan was “reckless”. The letter warned that “jobs will be lost”.',
        ['Maria Costa', 'Maria Costa']
      ],
      [
        'Microsoft announced on Tuesday that the service would close. The announcement said users would have “90 days to move their files”.',
        ['Microsoft']
      ],
      ['The Red Cross issued an appeal for blood donors. The statement called the shortage “the worst in a decade”.', ['The Red Cross']]
    ])
  })

  it('leaves the document when nobody put it out there', () => {
    check([['Police found a note in the car. The note read “I am sorry”.', ['']]])
  })
})

describe('speakers: a colon after the channel the subject puts out', () => {
  it('gives the quote to the subject of the main clause', () => {
    check([
      ['The club released a short statement on its website on Friday: “We wish him well for the future.”', ['The club']],
      ['Senator Amy Klobuchar posted a video message to supporters:  “We are not done yet.”', ['Amy Klobuchar']],
      ['The ministry sent a letter it had drafted in March to every school: “Masks remain compulsory.”', ['The ministry']]
    ])
  })
})

describe('speakers: a body named with "on" or "for"', () => {
  it('keeps the whole name of the body', () => {
    check([
      ['According to the Commission on Human Rights, the raids were “arbitrary and unlawful”.', ['the Commission on Human Rights']],
      ['The Council on Foreign Relations said the treaty was “a historic mistake”.', ['The Council on Foreign Relations']],
      ['“The figures are alarming,” said the Committee for Racial Equality.', ['the Committee for Racial Equality']]
    ])
  })

  it('still cuts a name before where it spoke', () => {
    check([['Trump on Twitter wrote that the report was “fake”.', ['Trump']]])
  })
})

describe('speakers: a name before asides and a description', () => {
  it('gives the name the sentence opens with', () => {
    check([
      ['Maria Lopez, of Austin, a mother of three, said: “We cannot afford it.”', ['Maria Lopez']],
      ['Tom Hanks, 64, one of the film’s producers, told reporters, “It was a labour of love.”', ['Tom Hanks']],
      ['Priya Natarajan, from Yale, an astrophysicist, wrote that the result was “stunning”.', ['Priya Natarajan']]
    ])
  })

  it('gives no name when a clause, not a name, opens the sentence', () => {
    check([['After the vote, in the chamber, the speaker said: “Order.”', ['the speaker']]])
  })
})
