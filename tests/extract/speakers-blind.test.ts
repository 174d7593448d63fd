/**
 * Who said it: rules found by the blind set (tests/fixtures/eval/quotes-3/), each with cases
 * written from the phrasing of other real reports, not the set's own. A case is the text and, for
 * each quote in order, the speaker expected ('' for none).
 */
import {describe, it} from 'vitest'
import {expectSpeakers} from './helpers.js'

describe('speakers: a rank after the name (QC, KC)', () => {
  it('keeps the whole name and the rank', () => {
    expectSpeakers([
      ['Prosecutor Jonathan Sandiford QC told the jury the attack was “planned and brutal”.', ['Jonathan Sandiford QC']],
      ['Defending, Michael Mansfield QC told the court: “My client is innocent.” Mansfield QC added: “He was not there.”', ['Michael Mansfield QC', 'Michael Mansfield QC']],
      ['“The sentence must reflect the harm done,” said Judge Sarah Whitehouse KC.', ['Sarah Whitehouse KC']]
    ])
  })
})

describe('speakers: a pronoun after an unnamed person', () => {
  it('gives no speaker rather than the last person named', () => {
    expectSpeakers([
      [
        'Mayor Ann Lee visited the site on Sunday. One of the survivors, a retired teacher, was pulled from the water. She said: “It came so fast.”',
        ['']
      ],
      ['Inspector Mark Hale confirmed two arrests. A local resident filmed the raid. He said the officers were “shouting at everyone”.', ['']],
      ['Senator Joan Ruiz toured the camp. The boy’s mother waited by the gate. She told reporters “we have nothing left”.', ['']]
    ])
  })

  it('still gives the pronoun to a named person, or past a plural description', () => {
    expectSpeakers([
      ['Mayor Ann Lee visited the site. Ann Lee then spoke to the press. She said “we will rebuild”.', ['Ann Lee']],
      ['“They cannot form a combustible amount,” Mr. McHugh said. “It also lets smoke escape,” he added.', ['McHugh', 'McHugh']]
    ])
  })
})

describe('speakers: a document standing for its author', () => {
  it('gives "the letter", "the announcement" to who put it out in the sentence before', () => {
    expectSpeakers([
      [
        'The union issued a letter to the board on Monday. The letter warned that “jobs will be lost”.',
        ['The union']
      ],
      [
        'Microsoft announced on Tuesday that the service would close. The announcement said users would have “90 days to move their files”.',
        ['Microsoft']
      ],
      ['The Red Cross issued a statement on blood donors. The statement called the shortage “the worst in a decade”.', ['The Red Cross']],
      // An appeal is not the statement.
      ['The Red Cross issued an appeal for blood donors. The statement called the shortage “the worst in a decade”.', ['The statement']]
    ])
  })

  it('keeps the document when the one before received, read or attacked it', () => {
    expectSpeakers([
      ['Judge Maria Lopez said the complaint had no merit. The complaint alleged that the company “knowingly misled investors”.', ['The complaint']],
      ['Tenant Jane Doe said she received a letter from her landlord last week. The letter said she must leave “within 30 days”.', ['The letter']],
      ['Union leader Maria Costa attacked the company’s statement. The statement said the cuts were “unavoidable”.', ['The statement']],
      // Not read yet: the fronted "In a letter" gives no subject to the sentence before.
      ['In a letter to the board, union leader Maria Costa said the plan was “reckless”. The letter warned that “jobs will be lost”.', ['Maria Costa', 'The letter']]
    ])
  })

  it('leaves the document when nobody put it out there', () => {
    expectSpeakers([['Police found a note in the car. The note read “I am sorry”.', ['']]])
  })
})

describe('speakers: a colon after the channel the subject puts out', () => {
  it('gives the quote to the subject of the main clause', () => {
    expectSpeakers([
      ['The club released a short statement on its website on Friday: “We wish him well for the future.”', ['The club']],
      ['Senator Amy Klobuchar posted a video message to supporters:  “We are not done yet.”', ['Amy Klobuchar']],
      ['The ministry sent a letter it had drafted in March to every school: “Masks remain compulsory.”', ['The ministry']]
    ])
  })
})

describe('speakers: a body named with "on" or "for"', () => {
  it('keeps the whole name of the body', () => {
    expectSpeakers([
      ['According to the Commission on Human Rights, the raids were “arbitrary and unlawful”.', ['the Commission on Human Rights']],
      ['The Council on Foreign Relations said the treaty was “a historic mistake”.', ['The Council on Foreign Relations']],
      ['“The figures are alarming,” said the Committee for Racial Equality.', ['the Committee for Racial Equality']]
    ])
  })

  it('still cuts a name before where it spoke', () => {
    expectSpeakers([['Trump on Twitter wrote that the report was “fake”.', ['Trump']]])
  })
})

describe('speakers: a name before asides and a description', () => {
  it('gives the name the sentence opens with', () => {
    expectSpeakers([
      ['Maria Lopez, of Austin, a mother of three, said: “We cannot afford it.”', ['Maria Lopez']],
      ['Tom Hanks, 64, one of the film’s producers, told reporters, “It was a labour of love.”', ['Tom Hanks']],
      ['Priya Natarajan, from Yale, an astrophysicist, wrote that the result was “stunning”.', ['Priya Natarajan']]
    ])
  })

  it('gives no name when a clause, not a name, opens the sentence', () => {
    expectSpeakers([['After the vote, in the chamber, the speaker said: “Order.”', ['the speaker']]])
  })
})

describe('speakers: a definite description the article introduced', () => {
  it('gives "the governor", "the party" to the one person or body named with it', () => {
    expectSpeakers([
      [
        'Governor Gavin Newsom signed the order on Monday. State senator Scott Wiener backed it. The governor said the state would “not go back”.',
        ['Gavin Newsom']
      ],
      [
        'Labour leadership candidate Lisa Nandy launched her bid in Wigan. The Labour leadership candidate told the BBC the party must “listen again”.',
        ['Lisa Nandy']
      ],
      [
        'The Pheu Thai Party said on Friday it would join the coalition. “We will respect the vote,” the party said in a statement.',
        ['Pheu Thai Party']
      ],
      [
        'The United States Commission on Civil Rights met on Tuesday. In a report, the commission said the rules were “deeply flawed”.',
        ['United States Commission on Civil Rights']
      ]
    ])
  })

  it('leaves the description when the article introduced nobody, or several, with it', () => {
    expectSpeakers([
      ['Aviation minister Hardeep Singh Puri flew to Kozhikode. The local health minister said “the injured have been rushed to hospital”.', ['The local health minister']],
      ['The Labour Party and the Green Party met on Monday. “We agree on the budget,” the party said.', ['the party']],
      ['Whole Foods buys fish from the Dana F. Besecker Company. “We pay a fair price,” the company said.', ['the company']]
    ])
  })
})

describe('speakers: a body named past its preposition is no person', () => {
  it('keeps the body whole', () => {
    expectSpeakers([
      ['But, as Parliament’s Joint Committee on Intelligence and Security has pointed out, it could be used “for any purpose”.', ['Parliament’s Joint Committee on Intelligence and Security']],
      ['The Select Committee on Intelligence said the findings were “troubling”.', ['The Select Committee on Intelligence']],
      ['“We were not consulted,” said the National Council for Civil Liberties.', ['the National Council for Civil Liberties']]
    ])
  })
})

describe('speakers: a long capitalised title before the name', () => {
  it('gives the name at its end', () => {
    expectSpeakers([
      ['“It is early days,” said lead author and Harvard Medical School Associate Professor Jane Smith.', ['Jane Smith']],
      ['Former chief executive and Goldman Sachs Vice Chairman Gary Cohn said the tariffs were “a mistake”.', ['Gary Cohn']],
      ['“We saw nothing like it,” said study co-author and Natural History Museum Senior Curator Paul Barrett.', ['Paul Barrett']]
    ])
  })

  it('keeps a body, and a name tied to someone else', () => {
    expectSpeakers([
      ['In a statement, the Royal Canadian Mounted Police (RCMP) confirmed the seizure, stating “this is an emergency”.', ['the Royal Canadian Mounted Police']],
      ['“He was my hero,” said the father of Manchester United Football Club Captain Harry Maguire.', ['the father of Manchester United Football Club Captain Harry Maguire']]
    ])
  })
})

describe('speakers: a body someone owns', () => {
  it('is kept whole, not cut after the possessive', () => {
    expectSpeakers([
      ['Russia’s Defence Ministry said the strike was “a response to provocations”.', ['Russia’s Defence Ministry']],
      ['Britain’s Foreign Office called the sentence “deeply troubling”.', ['Britain’s Foreign Office']],
      ['China’s Commerce Ministry described the tariffs as “unilateral bullying”.', ['China’s Commerce Ministry']]
    ])
  })
})

describe('speakers: a title alone stays with the holder rule', () => {
  it('does not take a title from a longer one ("Vice President"), nor pass over someone untitled', () => {
    expectSpeakers([
      ['Vice President Mike Pence spoke first. The president said “we will never give up”.', ['The president']],
      ['Trump spoke by phone with President Emmanuel Macron on Monday. Later, the president told reporters “We had a very good call.”', ['the president']],
      ['Deputy Mayor Ana Ruiz opened the session. The mayor said “the budget is balanced”.', ['The mayor']]
    ])
  })
})

describe('speakers: a reported clause with a speech verb of its own', () => {
  it('gives no speaker when the reported clause’s subject may have said it as well as the reporter', () => {
    expectSpeakers([
      ['The newspaper said that during the meeting, Johnson lost his temper and described the plan as “a disaster for the party”.', ['']],
      ['Smith said that Congress passed the bill last week, but warned it was “a mistake”.', ['']],
      ['Jones told reporters that Smith resigned on Friday, and called the decision “long overdue and badly handled”.', ['']]
    ])
  })

  it('keeps the reporter when the clause has no named subject', () => {
    expectSpeakers([['Officials said the bridge had collapsed and described the damage as “severe”.', ['Officials']]])
  })
})

describe('speakers: a description that goes on speaking', () => {
  it('gives "the professor added" only to someone the article introduced with that description', () => {
    expectSpeakers([
      ['The study was led by Yale professor Jane Doe. “It melts from below,” Doe said. The Yale professor added: “We must act.”', ['Jane Doe', 'Jane Doe']],
      ['“We will rebuild,” said Mayor Jane Doe. The city’s police chief added: “We need more officers on the streets.”', ['Jane Doe', 'The city’s police chief']],
      ['“We will appeal,” said defence lawyer Tom Hart. The prosecutor added: “The verdict was just.”', ['Tom Hart', 'The prosecutor']],
      ['“We were lucky,” said Tom Reed. The 45-year-old added: “It could have been much worse.”', ['Tom Reed', 'The 45-year-old']]
    ])
  })

  it('keeps it when it does not fit that person or was introduced unnamed since', () => {
    expectSpeakers([
      ['“We were lucky,” said Tom Reed. The mother continued: “It could have been worse.”', ['Tom Reed', 'The mother']],
      ['Donald Trump was named. Interpol bans “political activities,” an Interpol spokesperson stated. The spokesperson added they “would not consider such requests”.', ['an Interpol spokesperson', 'The spokesperson']],
      ['“We were lucky,” said Tom Reed. The company added: “We will pay for the repairs.”', ['Tom Reed', 'The company']],
      ['“We were lucky,” said Tom Reed. The Guardian added that the crash was “avoidable”.', ['Tom Reed', 'The Guardian']]
    ])
  })
})

// Sentences a review wrote to break the rules above (names invented): each once gave a wrong speaker.
describe('speakers: the review’s cases give the right speaker or none', () => {
  it('keeps a title that two people hold, in either case, as written', () => {
    expectSpeakers([
      ['President Joe Biden spoke with French president Emmanuel Macron on Monday. “We are united,” the president said.', ['the president']],
      ['Governor Kay Ivey met former governor Bob Riley. “We agreed on the plan,” the governor said.', ['the governor']]
    ])
  })

  it('reads a description’s name within its sentence, and only when no one else is described so', () => {
    expectSpeakers([
      ['The study was led by Yale professor Jane Doe. Tom Hart, a colleague, agreed with her. “We must act,” the Yale professor said.', ['Jane Doe']],
      ['The report was written by Yale professor Jane Doe. John Roe, who is also a Yale professor, reviewed it. “We must act,” the Yale professor said.', ['the Yale professor']]
    ])
  })

  it('gives a colon after a statement made on someone else’s behalf to no one', () => {
    expectSpeakers([['Police released a statement on behalf of the family: “He was a loving father and a loyal friend.”', ['']]])
  })

  it('gives a rank and surname the full name only when that name was written with the rank', () => {
    expectSpeakers([['Defending, Michael Mansfield QC said his client was elsewhere. Prosecutor Sarah Mansfield disagreed. “He was there,” Mansfield QC added.', ['Mansfield QC']]])
  })
})

describe('speakers: a fronted comparison is not the subject', () => {
  it('gives the subject after "Like X,", "Unlike X,", "After X,"', () => {
    expectSpeakers([
      ['Like Smith, a second witness said the car was “going very fast”.', ['a second witness']],
      ['Unlike Biden, his Republican rival said the economy was “in ruins”.', ['his Republican rival']],
      ['After Smith, another witness told the court the driver was “laughing the whole time”.', ['another witness']],
      ['Like Smith, Jones said the car was “going very fast”.', ['Jones']]
    ])
  })

  it('still gives the name before its description', () => {
    expectSpeakers([['Jane Doe, a second witness, said the car was “going very fast”.', ['Jane Doe']]])
  })
})
