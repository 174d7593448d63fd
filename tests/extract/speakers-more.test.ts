/**
 * Who said it, beyond issue 11's numbered constructions: the rules found on the development set
 * (web pages turned into Markdown, and news prose), each with cases written from the phrasing of
 * real reports. A case is the text and, for each quote in order, the speaker expected ('' for none).
 */
import {describe, it} from 'vitest'
import {expectSpeakers} from './helpers.js'

describe('speakers: a Markdown link is read as its text', () => {
  it('finds a linked name on either side of the quote', () => {
    expectSpeakers([
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
    expectSpeakers([
      ['The generals seized power in an operation against “criminals” in his entourage, a senior political source told Reuters.', []],
      ['Troops were moved to the border to prevent “provocations” by militants, state media reported.', []],
      ['He was “appalled” by the decision, Reeves said.', ['Reeves']],
      ['“Disgraceful,” said Ana Lopez.', ['Ana Lopez']]
    ])
  })
})

describe('speakers: subjects and names', () => {
  it('stops a subject at an adverb before its verb, and gives a capitalised particle its full name', () => {
    expectSpeakers([
      ['Luis de Miranda wrote a book. De Miranda beautifully evokes the notion in his introduction: “When we hear the word neon, an image pops into our heads.”', ['Luis de Miranda']],
      ['Maria Lopez, the chief executive, warned staff. Lopez bluntly told them: “There will be no bonuses this year.”', ['Maria Lopez']],
      ['Rob van Dijk runs the club. Van Dijk quietly said: “We have to rebuild from the bottom.”', ['Rob van Dijk']]
    ])
  })

  it('keeps a four-word name whole when the article calls the person by its first two words', () => {
    expectSpeakers([
      ['His son, Te Kaurinui Robert Parata, was called in. “That’s a modern thing,” says Te Kaurinui.', ['Te Kaurinui Robert Parata']],
      ['Mary Ann Van Buren chaired the meeting. “We will vote in May,” said Mary Ann.', ['Mary Ann Van Buren']],
      ['Labour MP Jess Phillips spoke first. “This is a scandal,” said Jess Phillips.', ['Jess Phillips']]
    ])
  })

  it('reads a name after a dotted abbreviation', () => {
    expectSpeakers([
      ['U.S. District Judge Gray Miller ruled on Friday. “The time has passed,” said Judge Miller.', ['Gray Miller']],
      ['U.S. Secretary of State Mike Pompeo spoke. “We are ready,” Pompeo said.', ['Mike Pompeo']],
      ['The U.N. envoy Martin Griffiths arrived. “Talks will resume,” Griffiths said.', ['Martin Griffiths']]
    ])
  })
})

describe('speakers: a quote split by its attribution', () => {
  it('gives the first part the speaker named between the two', () => {
    expectSpeakers([
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
    expectSpeakers([
      ['Znak.com reported its source said “three terrorists” were killed in a firefight on Monday night.', ['Znak.com']],
      ['The company was fined on Monday. “We will appeal the ruling,” its spokesman said.', ['']],
      ['New signs in stores appeared this month, spelling out the value proposition: “New lower prices. Same high standards,” reads one.', ['']],
      ['According to a memo posted online by Senator Juan Dalmau, the governor did "not recognize the authority of the Senate."', ['Juan Dalmau']],
      ['A statement issued by the Ministry of Health said the virus was “under control in every region.”', ['the Ministry of Health']]
    ])
  })
})

describe('speakers: the quote on its own after a sentence about someone', () => {
  it('gives a pronoun after a quote to the last speaker when nobody was named since', () => {
    expectSpeakers([
      [
        'Prime Minister Boris Johnson met the press on Monday.\n\n“We have been clear with Boris on this,” said Merkel, standing beside him.\n\nShe added: “The door remains open for talks.”',
        ['Merkel', 'Merkel']
      ],
      [
        'Senator Ted Cruz held a rally in Houston.\n\n“This election is about freedom,” said Haley, who spoke after him.\n\nShe added: “We will not go back.”',
        ['Haley', 'Haley']
      ],
      ['Police chief Mark Rowley spoke first.\n\n“Crime is falling in every borough,” said Khan.\n\nHe added: “But there is more to do.”', ['Khan', 'Khan']]
    ])
  })

  it('gives a quote paragraph the person a "he" or "she" of the sentence before stands for', () => {
    expectSpeakers([
      [
        'Barack Obama spoke to the BBC.\n\n“I am not a fan of discrimination,” he said.\n\nHowever, he defended his decision to visit those governments.\n\n“Well, they’re not ideal institutions. But engagement works.”',
        ['Barack Obama', 'Barack Obama']
      ],
      ['Alexis Tipton joined the cast at 19.\n\nShe was nervous at first.\n\n“I was in an extremely competitive school.”', ['Alexis Tipton']],
      ['Mayor Ana Lopez toured the site on Monday. She said little to reporters.\n\n“We will rebuild every home.”', ['Ana Lopez']]
    ])
  })

  it('reads past a line of links between a quote and the sentence before it', () => {
    expectSpeakers([
      ['“People just want to gawk at us,” says Hori Parata.\n\n[whale strandings](https://example.org/embed/whales/)\n\n“When will we talk about what is hurting these animals?”', ['Hori Parata', 'Hori Parata']],
      ['“We lost everything,” said Ana Lopez.\n\n![The flooded street](https://example.org/flood.jpg)\n\n“Nobody came to help us for three days.”', ['Ana Lopez', 'Ana Lopez']],
      ['“Prices will rise,” said economist Tom Brown.\n\n[Chart](https://example.org/a) [Table](https://example.org/b)\n\n“Wages will not keep up with them.”', ['Tom Brown', 'Tom Brown']]
    ])
  })
})

describe('quotes: titles of works are not speech', () => {
  it('drops a quotation that is one link, and a long title-case title after "book", "film"…', () => {
    expectSpeakers([
      ['Uber’s internal tool, “[God View](http://example.org/2014/10/03/god-view-uber)”, was criticised by privacy advocates.', []],
      ['Lorenz published “[Deterministic Nonperiodic Flow](https://doi.org/10.1175/1520-0469(1963)020)” in 1963, and it changed the field.', []],
      ['In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,” Rebecca Solnit wrote about it.', []],
      ['The film “The Secret Life of Walter Mitty and the Road to Greenland” opened on Friday, its studio said.', []]
    ])
  })
})

describe('speakers: a clause is not a speaker phrase', () => {
  it('rejects a phrase that ends in its own speech verb', () => {
    expectSpeakers([
      ['Furthermore, as Hackaday’s March story explains, the IDE reports that the boards are “uncertified and unsupported by the company.”', ['the IDE']],
      ['As the Guardian’s report notes, the minister says the plan is “dead in the water, for now at least.”', ['the minister']],
      ['As his lawyer argues, the court says the evidence was “gathered without a valid warrant.”', ['the court']]
    ])
  })
})

describe('speakers: pronouns and given names', () => {
  it('takes a personal pronoun right before the verb as its subject, past an opening phrase without a comma', () => {
    expectSpeakers([
      ['Recep Tayyip Erdoğan spoke on Friday. On the live television he said, "Constantinople will never exist again."', ['Recep Tayyip Erdoğan']],
      ['Mayor Ana Lopez toured the flooded streets. In an interview on Monday she said, “We will rebuild every home.”', ['Ana Lopez']],
      ['Coach Tom Brown was asked about the loss. After the game he told reporters: “We were not good enough.”', ['Tom Brown']]
    ])
  })

  it('reads a given name alone as the one person named in full with it', () => {
    expectSpeakers([
      [
        'Sarah Gille sat in on a class at Yale. Later, Sarah studied oceanography at MIT with Daniel Rothman, who had arrived earlier. “One of my office mates was asked about chaos,” she said.',
        ['Sarah Gille']
      ],
      [
        'Fiona Parry spoke to reporters outside court with Detective John Smith. Afterwards Fiona walked to the car park with Smith. “I just want answers,” she said.',
        ['Fiona Parry']
      ],
      [
        'Maria Lopez and her husband Carlos Ruiz ran the shop for decades. In 2010, Maria took over alone while Ruiz retired. “It was hard at first,” she said.',
        ['Maria Lopez']
      ]
    ])
  })
})

describe('speakers: a "he" or "she" opening a sentence', () => {
  it('stands for the subject of the sentence before, not the last person named', () => {
    expectSpeakers([
      ['Joe Biden praised Elizabeth Warren on Twitter. He also said he wanted to “create a government that works for everyone.”', ['Joe Biden']],
      ['Donald Trump met Nancy Pelosi at the White House. He later said the talks were “very productive and very friendly.”', ['Donald Trump']],
      ['Mayor Ana Lopez thanked Governor Maria Ruiz for the funds. She said the money would “rebuild every home on the coast.”', ['Ana Lopez']]
    ])
  })
})

describe('speakers: a quote in the first person inside the reporter’s sentence', () => {
  it('goes to the subject of that sentence, else to the speaker of the quote before', () => {
    expectSpeakers([
      [
        '“I was shocked to see that level,” said Tyler Besecker, a halibut buyer. The price, which was matched at other stores last week, is “as low as I’ve ever seen.”',
        ['Tyler Besecker', 'Tyler Besecker']
      ],
      [
        'President Donald Trump ordered the withdrawal. Brett McGurk later wrote that it was a mistake. Trump, also on Twitter, defended his decision, “As I have stated strongly before, we will leave.”',
        ['Donald Trump']
      ],
      [
        '“We were never told,” said Ana Lopez, who runs the shelter. The closure of the shelter last Friday came “without a single call to me or my staff.”',
        ['Ana Lopez', 'Ana Lopez']
      ],
      ['“It is a scandal,” said Tom Brown. The decision remains “a mystery to the whole town.”', ['Tom Brown', '']],
      [
        'In a statement released after the attack, the Department of Defense justified the strike, which was approved by President Donald Trump, as defensive: “We will protect our people and our interests.”',
        ['the Department of Defense']
      ]
    ])
  })
})

// Issue 11's numbered constructions with fewer than three cases per form in speakers.test.ts.
describe('speakers 1, 6, 9: more cases per form', () => {
  it('1: "telling …:" and "by saying"', () => {
    expectSpeakers([
      ['The coach left the pitch early, telling reporters: “We were second best all night.”', ['The coach']],
      ['Senator Amy Cole closed the debate by saying “This bill will not pass while I sit here.”', ['Amy Cole']],
      ['President Emmanuel Macron ended the summit by saying “Europe must defend itself.”', ['Emmanuel Macron']]
    ])
  })

  it('6: "NAME:" transcript lines', () => {
    expectSpeakers([
      ['Host Ana Lopez spoke with Senator Tom Rich.\n\nRICH: “The budget will pass this week.”', ['Tom Rich']],
      ['Detective Mary Doyle questioned Peter Walsh.\n\nDOYLE: “Where were you on Friday night?”', ['Mary Doyle']],
      ['Reporter Sam Reed met Mayor Joan Baxter.\n\nBAXTER: “We have done all we can.”\n\nREED: “Is it enough?”', ['Joan Baxter', 'Sam Reed']]
    ])
  })

  it('9: all-caps section labels and relative pronouns', () => {
    expectSpeakers([
      ['BREAKING: “The bridge has collapsed and the road is closed.”', ['']],
      ['EDITOR’S NOTE: “This story has been updated with new figures.”', ['']],
      ['The minister, whom critics called “a danger to the economy and to the country”, resigned.', ['']],
      ['The workers, who “never once got a day off in ten years”, went on strike.', ['']]
    ])
  })
})
