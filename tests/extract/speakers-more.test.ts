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

describe('speakers: subjects and names', () => {
  it('stops a subject at an adverb before its verb, and gives a capitalised particle its full name', () => {
    check([
      ['Luis de Miranda wrote a book. De Miranda beautifully evokes the notion in his introduction: “When we hear the word neon, an image pops into our heads.”', ['Luis de Miranda']],
      ['Maria Lopez, the chief executive, warned staff. Lopez bluntly told them: “There will be no bonuses this year.”', ['Maria Lopez']],
      ['Rob van Dijk runs the club. Van Dijk quietly said: “We have to rebuild from the bottom.”', ['Rob van Dijk']]
    ])
  })

  it('keeps a four-word name whole when the article calls the person by its first two words', () => {
    check([
      ['His son, Te Kaurinui Robert Parata, was called in. “That’s a modern thing,” says Te Kaurinui.', ['Te Kaurinui Robert Parata']],
      ['Mary Ann Van Buren chaired the meeting. “We will vote in May,” said Mary Ann.', ['Mary Ann Van Buren']],
      ['Labour MP Jess Phillips spoke first. “This is a scandal,” said Jess Phillips.', ['Jess Phillips']]
    ])
  })

  it('reads a name after a dotted abbreviation', () => {
    check([
      ['U.S. District Judge Gray Miller ruled on Friday. “The time has passed,” said Judge Miller.', ['Gray Miller']],
      ['U.S. Secretary of State Mike Pompeo spoke. “We are ready,” Pompeo said.', ['Mike Pompeo']],
      ['The U.N. envoy Martin Griffiths arrived. “Talks will resume,” Griffiths said.', ['Martin Griffiths']]
    ])
  })
})

describe('speakers: a quote split by its attribution', () => {
  it('gives the first part the speaker named between the two', () => {
    check([
      [
        '"While historical restrictions may have justified past discrimination," reads Judge Gray Miller\'s statement, "men and women are now similarly situated."',
        ['Gray Miller', 'Gray Miller']
      ],
      ['“The door is open,” in the words of Foreign Minister Ana Lopez, “but not for long, and not for everyone.”', ['Ana Lopez', 'Ana Lopez']],
      ['Calling it “just another apology”, Anna Franowska of the charity told Reuters: “It changes nothing at all for the victims.”', ['Anna Franowska', 'Anna Franowska']]
    ])
  })
})

describe('speakers: never a speaker', () => {
  it('gives no speaker for "its source", a lone opening adjective; a document gives its author', () => {
    check([
      ['Znak.com reported its source said “three terrorists” were killed in a firefight on Monday night.', ['Znak.com']],
      ['The company was fined on Monday. “We will appeal the ruling,” its spokesman said.', ['']],
      ['New signs in stores appeared this month, spelling out the value proposition: “New lower prices. Same high standards,” reads one.', ['']],
      ['According to a memo posted online by Senator Juan Dalmau, the governor did "not recognize the authority of the Senate."', ['Juan Dalmau']],
      ['A statement issued by the Ministry of Health said the virus was “under control in every region.”', ['the Ministry of Health']]
    ])
  })
})
