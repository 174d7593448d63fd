/**
 * Who said it: one block per construction of issue 11 (speakers 1–9), each with at least three
 * cases written from the phrasing of real news reports (Wikinews among them). A case is the text
 * and, for each quote in order, the speaker expected ('' for none).
 */
import {describe, it} from 'vitest'
import {expectSpeakers} from './helpers.js'

describe('speakers 1: a participle cue gives the subject of the main clause', () => {
  it('reads "…, saying", "telling one aide:", "by saying" and a participle opening the sentence', () => {
    expectSpeakers([
      ['Senator Jane Smith is slamming the move, saying “This is a disgrace to the country.”', ['Jane Smith']],
      ['President Donald Trump congratulated Pelosi, saying, “hopefully we can get a lot done together.”', ['Donald Trump']],
      ['The governor lashed out on Friday, telling one aide: “We will not back down on this.”', ['The governor']],
      ['Mayor Tom Jones responded by saying “The city has done everything it can.”', ['Tom Jones']],
      ['Calling her rival “a dangerous liar,” Hillary Clinton said the race was far from over.', ['Hillary Clinton']],
      [
        'Search was suspended, with Minister Yevgeny Zinichev describing the collapse as making it “impossible to continue working in such conditions”.',
        ['Yevgeny Zinichev']
      ]
    ])
  })
})

describe('speakers 2: a channel or a medium carries the speech', () => {
  it('reads statements, tweets, emails and signs', () => {
    expectSpeakers([
      ['The company issued a statement saying “We regret the error and apologise to our customers.”', ['The company']],
      ['Donald Trump fired off tweets: “The fake news media is the enemy of the people!”', ['Donald Trump']],
      ['The campaign sent an email saying “Donate now to stop the radical left.”', ['The campaign']],
      ['Facebook released a statement which read, in part, “This judgment raises critical questions.”', ['Facebook']],
      ['Trump’s statement read: “Hamza bin Ladin was killed in a counterterrorism operation.”', ['Trump']]
    ])
  })

  it('gives the person, not the outlet that reported them', () => {
    expectSpeakers([
      ['Politico quoted Tim Manning, formerly a deputy administrator at FEMA, as saying “FEMA has an important role.”', ['Tim Manning']],
      ['“The shelves are empty and people are scared,” said Russell Zimmerman, per ABC News.', ['Russell Zimmerman']],
      ['“We are heartbroken by this news,” the NBA said in its press release.', ['the NBA']],
      ['Gutierrez was described by the CBCP as “a strong advocate for the environment in the province.”', ['the CBCP']]
    ])
  })
})

describe('speakers 3: more cue verbs and noun cues, in any letter case', () => {
  it('reads accuse, compare, criticise, boast, sigh, advise, argue, describe', () => {
    expectSpeakers([
      ['House Speaker Nancy Pelosi accused Trump of ignoring “truth, evidence, data and facts.”', ['Nancy Pelosi']],
      ['Ana Lopez compared the deal to “a house built on sand by people who never lived in it.”', ['Ana Lopez']],
      ['The Biden campaign criticized the commutation as an abuse of power and “a betrayal of the rule of law.”', ['The Biden campaign']],
      ['Coach Mark Reid boasted: “Nobody in this league can run with us for ninety minutes.”', ['Mark Reid']],
      ['Officer Dana Kim sighed, “We have seen this happen too many times on this road.”', ['Dana Kim']],
      ['Doctor Amy Park advised: “Stay at home if you feel unwell and call your doctor first.”', ['Amy Park']],
      ['Mohr described him as “a good man with vast knowledge in the political field.”', ['Mohr']]
    ])
  })

  it('reads "as X puts it", "in X’s words", "X’s message:" and headline case', () => {
    expectSpeakers([
      ['The plan, as Finance Minister Ravi Rao puts it, is “a bridge to nowhere paid for by taxpayers.”', ['Ravi Rao']],
      ['In Ana Lopez’s words, “the river gave us everything and then took it back.”', ['Ana Lopez']],
      ['Ana Lopez’s message: “Go home, stay safe and look after your neighbours tonight.”', ['Ana Lopez']],
      ['Senator Tom Rich Says “The Budget Is Dead On Arrival In This Chamber”', ['Tom Rich']]
    ])
  })
})

describe('speakers 4: sentence cuts around a quoted question or exclamation', () => {
  it('keeps “…?” and “…!” with the attribution that follows', () => {
    expectSpeakers([
      ['The minister was asked about the cuts. “Why should we pay for their mistakes?” Ana Lopez said at the rally.', ['Ana Lopez']],
      ['“Is this the end of the road for us?” asked Senator Tom Rich, before leaving the chamber.', ['Tom Rich']],
      ['Director Jane Doe spoke first. “We won the whole thing!” Doe shouted.', ['Jane Doe']]
    ])
  })

  it('cuts after an abbreviation when a quotation opens', () => {
    expectSpeakers([
      ['She moved to the U.S. “It was the hardest decision of my life,” said Maria Costa.', ['Maria Costa']],
      ['The talks ended at 5 p.m. “We have nothing more to say tonight,” said envoy Sam Reed.', ['Sam Reed']],
      ['He was born in Washington, D.C. “I never thought I would leave the city,” Ben Ford said.', ['Ben Ford']]
    ])
  })
})

describe('speakers 5: subjects across clauses', () => {
  it('skips relative clauses, appositives, parentheses and embedded quotes', () => {
    expectSpeakers([
      ['Maria Lee, who hugged her wearing a cape reading “Hero”, shouted “We love you, come home safe!”', ['Maria Lee', 'Maria Lee']],
      ['Nikki Holland of the UK’s National Crime Agency (NCA) said, “Offenders cannot hide from law enforcement.”', ['Nikki Holland']],
      ['Steve Peers of the University of Essex, speaking to BBC, said, “Facebook has to search for variations of it.”', ['Steve Peers']],
      ['The research was led by Mark Hay, a marine ecologist at GT, who said “There is a lot of argument now.”', ['Mark Hay']]
    ])
  })

  it('reads past an opening phrase and prefers the speech verb nearest the quote', () => {
    expectSpeakers([
      ['On Russia, Senator Amy Klobuchar knocked her record and said “She has been wrong for years.”', ['Amy Klobuchar']],
      ['Smith called the disappearance an “interesting” case; Doug Miller said “It is hard to say what is going on.”', ['Smith', 'Doug Miller']],
      ['Once, when Trump interjected, Joe Biden said “Will you shut up, man?”', ['Joe Biden']]
    ])
  })

  it('allows a long appositive after the quote', () => {
    expectSpeakers([
      ['“We are ready for the storm,” said Ana Lopez, the director of the regional emergency management office.', ['Ana Lopez']],
      ['“This is a historic day,” said Tom Rich, a spokesman for the ministry of foreign affairs, on Monday.', ['Tom Rich']],
      ['“Prices will rise,” said Mei Chen, chief economist at a large bank in Hong Kong.', ['Mei Chen']]
    ])
  })
})

describe('speakers 6: round-up and transcript lines', () => {
  it('attributes "Name, Outlet: “…”" and "NAME: “…”" to the name', () => {
    expectSpeakers([
      ['Ana Lopez, The Daily Star: “The deal is a gamble that may well pay off.”', ['Ana Lopez']],
      ['Tom Rich, Radio Nord: “Nobody in the room expected the vote to pass.”', ['Tom Rich']],
      ['Reporter Sam Reed met Mayor Joan Baxter.\n\nBAXTER: “We have done all we can.”', ['Joan Baxter']]
    ])
  })

  it('never takes an all-caps section label for a speaker', () => {
    expectSpeakers([['UPDATE: “The road is closed until further notice.”', ['']]])
  })
})

describe('speakers 7: quotes next to one another, and the sentence after', () => {
  it('gives a quote that directly follows another the same speaker', () => {
    expectSpeakers([
      ['Ana Lopez said: “We tried.” “We failed.” “We will try again.”', ['Ana Lopez', 'Ana Lopez', 'Ana Lopez']],
      ['Tom Rich wrote: “The vote is over.” [1] “Now the work starts.”', ['Tom Rich', 'Tom Rich']],
      ['“It is over,” said Mei Chen. “We go home.” “Tomorrow we rest.”', ['Mei Chen', 'Mei Chen', 'Mei Chen']]
    ])
  })

  it('lets a standalone quote take the speaker named in the next sentence', () => {
    expectSpeakers([
      ['“A complete disaster from start to finish.” That was how Ana Lopez described it.', ['Ana Lopez']],
      ['The storm left the town dark.\n\n“We have never seen anything like it.”\n\nThat is how mayor Tom Rich put it on Monday.', ['Tom Rich']],
      ['“Nobody saw this coming, not even the experts.” Mei Chen, an analyst, said so in a note.', ['Mei Chen']]
    ])
  })
})

describe('speakers 8: a pronoun after a quote goes to the subject of its own sentence', () => {
  it('prefers the subject of the sentence when it fits the pronoun', () => {
    expectSpeakers([
      ['Mr. Tom Rich met Ana Lopez. Mr. Rich praised Mrs. Lopez’s work, “She is the best we have,” he said.', ['Tom Rich']],
      ['Mrs. Ana Lopez spoke after Mr. Tom Rich. Mrs. Lopez thanked the crowd: “You made this possible,” she said.', ['Ana Lopez']],
      ['Ms. Mei Chen met Mr. Sam Reed. Ms. Chen criticised Mr. Reed’s plan, “It will not work,” she said.', ['Mei Chen']]
    ])
  })
})

describe('speakers 9: never a speaker', () => {
  it('rejects relative pronouns, time phrases, participles and plural nouns read as verbs', () => {
    expectSpeakers([
      ['The officials, who “wanted peace for the whole region”, left.', ['']],
      ['On Tuesday said “no comment at this stage of the inquiry” to reporters.', ['']],
      ['Speaking to reporters said “we will see what happens next week” at the time.', ['']],
      ['The protesters fired off tweets: “Shame on you, shame on all of you!”', ['The protesters']]
    ])
  })

  it('never gives a person named only inside the quotation marks', () => {
    expectSpeakers([
      ['“John Smith is a liar and a cheat,” he said.', ['']],
      ['“Ask Maria Lopez, she knows everything,” she said.', ['']],
      ['“Tom Rich will win,” they said.', ['']]
    ])
  })
})

describe('speakers: names as a reader gives them', () => {
  it('keeps the name after a role, a possessive, an age or a title of a place', () => {
    expectSpeakers([
      ['An attendee Ravi Kumar said, “We came because the music is free.”', ['Ravi Kumar']],
      ['The senior Irish archbishop Sean Brady said, “I am ashamed of what happened here.”', ['Sean Brady']],
      ['“I did not expect to win this race,” said Ethiopia’s Almaz Ayana after the final.', ['Almaz Ayana']],
      ['Twelve-year-old Maya said “the water came in through the windows” before anyone could react.', ['Maya']],
      ['Prime Minister of Canada Justin Trudeau said, “We will rebuild every home that was lost.”', ['Justin Trudeau']],
      ['Member of Parliament (MP) Jess Phillips of the Labour Party added, “This is a scandal and it must end.”', ['Jess Phillips']]
    ])
  })

  it('gives a surname or a given name at the full name, whatever its accents or particle', () => {
    expectSpeakers([
      [
        'Recep Tayyip Erdoğan spoke at a rally. Later Erdogan said, “We will not step back from this decision.”',
        ['Recep Tayyip Erdoğan']
      ],
      [
        'The historian Luis van Gaal wrote a new book. “Cities glow at night for a reason,” van Gaal writes.',
        ['Luis van Gaal']
      ],
      [
        'Her mother, Fiona Parry, spoke to reporters. “She was the kindest person we knew,” Fiona said.',
        ['Fiona Parry']
      ]
    ])
  })

  it('never takes a name inside an abbreviation or a plural group for a person', () => {
    expectSpeakers([
      [
        'Tom Forte, an analyst at the D.A. Davidson brokerage, follows the chain. “Prices will fall again,” he said.',
        ['Tom Forte']
      ],
      [
        'Ali Lourimi spoke after the vote against Tunisian Islamists. “We have nothing to fear,” he said.',
        ['Ali Lourimi']
      ]
    ])
  })
})

describe('speakers: appositions, asides and channels', () => {
  it('gives the name set off by commas after a description', () => {
    expectSpeakers([
      ['“This day is very hard for me,” said his father, Abdullah Kurdi, after the ceremony.', ['Abdullah Kurdi']],
      [
        'The leader of the party, Rachid Ghannouchi, condemned the attack, saying in a statement that it “will not break our will.”',
        ['Rachid Ghannouchi']
      ],
      [
        'One of the groups, the Syrian Democratic Forces (SDF), opposed the plan and said it had been given “assurances that no attack would follow.”',
        ['the Syrian Democratic Forces']
      ]
    ])
  })

  it('skips a verb inside a dash aside and a body of "of" before the verb', () => {
    expectSpeakers([
      [
        'Speaker John Bercow commented on the matter — which the BBC described as unusual — “It is blindingly obvious what the purpose is.”',
        ['John Bercow']
      ],
      [
        'Jo Anne Tilburg of the University of California, Los Angeles disagreed: “The seeps were well known long before.”',
        ['Jo Anne Tilburg']
      ]
    ])
  })

  it('lets the person speak when an outlet reports it, and reads "as X reported" and a closing "according to"', () => {
    expectSpeakers([
      [
        'Chief executive John Mackey said in a memo that the “price gap between the brands matters less now” as prices fell, Yahoo Finance reported.',
        ['John Mackey']
      ],
      ['He raised a flag – “igniting,” as Reuters reported, “fears of an attack in the heart of the city.”', ['Reuters', 'Reuters']],
      [
        'But “sickness, navigational error or extreme weather” are all thought to contribute, according to the Department of Conservation.',
        ['the Department of Conservation']
      ]
    ])
  })

  it('gives a pronoun after a quote the subject of the sentence before, and looks back from its verb', () => {
    expectSpeakers([
      [
        'Refusing to give up power, Robert Mugabe agreed to share it with Morgan Tsvangirai. “Only God will remove me,” he declared.',
        ['Robert Mugabe']
      ],
      [
        'Agnès Callamard cautioned that justice is slow. “True justice takes time,” she said, asking Hatice Cengiz to be “patient and resilient.”',
        ['Agnès Callamard', 'Agnès Callamard']
      ]
    ])
  })
})
