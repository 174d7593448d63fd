import {describe, expect, it} from 'vitest'
import type {Quote} from '../../src/types.js'
import {extract} from './helpers.js'

function quotes(value: string): Quote[] {
  const file = extract(value)
  const found = file.data.quotes ?? []
  for (const quote of found) expect(value.slice(quote.start, quote.end)).toBe(quote.text)
  return found
}

function pairs(value: string): Array<[string, string]> {
  return quotes(value).map((quote) => [quote.text, quote.speaker])
}

describe('remarkQuotes: finding quotations', () => {
  it('reads curly and straight quotation marks', () => {
    expect(pairs('“We will stay,” said Ana Lopez.')).toEqual([['We will stay,', 'Ana Lopez']])
    expect(pairs('"We will stay," said Ana Lopez.')).toEqual([['We will stay,', 'Ana Lopez']])
  })

  it('gives both halves of a quote split around its attribution the same speaker', () => {
    expect(pairs('“The talks are over,” Ana Lopez said. “We go home tomorrow.”')).toEqual([
      ['The talks are over,', 'Ana Lopez'],
      ['We go home tomorrow.', 'Ana Lopez']
    ])
    expect(
      pairs('“The talks are over,” she said, “and we go home tomorrow.”\n\nAna Lopez left.').map(
        ([, speaker]) => speaker
      )
    ).toEqual(['', ''])
  })

  it('keeps several sentences in one quote', () => {
    expect(pairs('Ana Lopez said: “We tried. We failed. We will try again.”')).toEqual([
      ['We tried. We failed. We will try again.', 'Ana Lopez']
    ])
  })

  it('follows a quote over paragraphs where only the last closes', () => {
    const value =
      'Mayor Ana Lopez spoke at noon.\n\n“The first part of the speech runs here.\n\n“And the second part closes it,” she said.\n'
    expect(pairs(value)).toEqual([
      ['The first part of the speech runs here.', 'Ana Lopez'],
      ['And the second part closes it,', 'Ana Lopez']
    ])
  })

  it('keeps a nested quote inside the outer one', () => {
    expect(pairs('“He told me ‘never again’ and left,” said Ana Lopez.')).toEqual([
      ['He told me ‘never again’ and left,', 'Ana Lopez']
    ])
  })

  it('tells a woven fragment (partial) from speech (full)', () => {
    const [fragment] = quotes('Ana Lopez said the plan was “a recipe for disaster in the region.”')
    expect(fragment?.kind).toBe('partial')
    const [speech] = quotes('“The plan is a recipe for disaster,” Ana Lopez said.')
    expect(speech?.kind).toBe('full')
  })

  it('skips scare quotes, titles and nicknames', () => {
    expect(quotes('The so-called “experts” were wrong again.')).toEqual([])
    expect(quotes('She thinks that cats are “cuties”.')).toEqual([])
    expect(quotes('Ana Lopez claims that her favourite book is “One Hundred Years of Solitude”.')).toEqual([])
    expect(quotes('The boxer Joe “The Hammer” Smith won the fight on Sunday.')).toEqual([])
  })

  it('keeps a short quote that has a speaker', () => {
    expect(pairs('Ana Lopez called the deal “a disgrace.”')).toEqual([['a disgrace.', 'Ana Lopez']])
  })

  it('does not let an unbalanced mark swallow the article', () => {
    const value =
      'The screen is 5" wide and “nothing closes here.\n\nNext paragraph, with “a real quote of words,” said Ana Lopez.\n'
    expect(pairs(value)).toEqual([['a real quote of words,', 'Ana Lopez']])
  })
})

describe('remarkQuotes: speakers', () => {
  it('reads "said X" and "X said"', () => {
    expect(pairs('“It is over now,” said Ana Lopez.')[0]?.[1]).toBe('Ana Lopez')
    expect(pairs('“It is over now,” Ana Lopez said.')[0]?.[1]).toBe('Ana Lopez')
  })

  it('reads "X, the former official, said"', () => {
    expect(pairs('Ana Lopez, the former official, said the deal was “dead on arrival for everyone.”')[0]?.[1]).toBe(
      'Ana Lopez'
    )
  })

  it('reads "according to X"', () => {
    expect(pairs('“The border will stay closed for now,” according to a senior police officer.')[0]?.[1]).toBe(
      'a senior police officer'
    )
  })

  it('reads "X told", "X wrote", "X insisted" and "X described it as"', () => {
    expect(pairs('Ana Lopez told reporters that “the vote was fixed from the start.”')[0]?.[1]).toBe('Ana Lopez')
    expect(pairs('Ana Lopez wrote on Twitter: “The vote was fixed from the start.”')[0]?.[1]).toBe('Ana Lopez')
    expect(pairs('“The vote was fixed from the start,” insisted Ana Lopez.')[0]?.[1]).toBe('Ana Lopez')
    expect(pairs('Ana Lopez described the vote as “fixed from the very start.”')[0]?.[1]).toBe('Ana Lopez')
  })

  it('takes the speaker named in the sentence before', () => {
    expect(pairs('Ana Lopez said the deal was dead. “Nobody wants it any more.”')[0]?.[1]).toBe('Ana Lopez')
  })

  it('resolves pronouns to the last person named who fits', () => {
    const value = 'Ms. Ana Lopez met Mr. Tom Reyes on Monday.\n\n“We agreed on nothing at all,” he said.\n'
    expect(pairs(value)[0]?.[1]).toBe('Tom Reyes')
    const other = 'Ms. Ana Lopez met Mr. Tom Reyes on Monday.\n\n“We agreed on nothing at all,” she said.\n'
    expect(pairs(other)[0]?.[1]).toBe('Ana Lopez')
  })

  it('gives the fullest name the article uses', () => {
    const value = 'Christopher O’Leary led the team.\n\n“It is unlike anything we have seen,” said Mr. O’Leary.\n'
    expect(pairs(value)[0]?.[1]).toBe('Christopher O’Leary')
    const titled = 'Prime Minister Ana Lopez spoke.\n\n“We will not bend to anyone,” Lopez said.\n'
    expect(pairs(titled)[0]?.[1]).toBe('Ana Lopez')
  })

  it('keeps the description of an anonymous speaker', () => {
    expect(pairs('“There is no deal on the table yet,” said a senior US official.')[0]?.[1]).toBe(
      'a senior US official'
    )
    expect(pairs('“Everything would fall apart,” said one of the Egyptian officials.')[0]?.[1]).toBe(
      'one of the Egyptian officials'
    )
  })

  it('gives "" when no speaker can be found', () => {
    expect(pairs('“Everything would fall apart at this stage of the talks.”')[0]?.[1]).toBe('')
  })

  it('carries a cue', () => {
    expect(quotes('“It is over now,” Ana Lopez told reporters.')[0]?.cue).toBe('told')
  })
})

describe('remarkQuotes: scores', () => {
  it('explains every score with reasons that add up', () => {
    const [quote] = quotes('“The talks have collapsed and nobody knows what comes next,” said Ana Lopez.')
    expect(quote).toBeDefined()
    const sum = quote!.reasons.reduce((total, reason) => total + reason.points, 0)
    expect(quote!.score).toBeCloseTo(sum, 2)
    expect(quote!.reasons.map((reason) => reason.name)).toEqual(['length', 'speaker', 'kind', 'position'])
  })

  it('ranks a named full quote above an unattributed fragment', () => {
    const [named] = quotes('“The talks have collapsed and nobody knows what comes next,” said Ana Lopez.')
    const [bare] = quotes('The talks were “a waste of everybody’s time.”')
    expect(named!.score).toBeGreaterThan(bare!.score)
  })
})

describe('remarkQuotes: paragraphs', () => {
  it('gives every paragraph of a long quote the speaker named in its last one', () => {
    const value =
      'The hearing opened on Monday.\n\n“The first part of the speech runs here.\n\n“And the second part closes it,” said Ana Lopez.\n'
    expect(pairs(value).map(([, speaker]) => speaker)).toEqual(['Ana Lopez', 'Ana Lopez'])
  })
})

describe('remarkQuotes: coordinated verbs', () => {
  it('gives a second speech verb the subject of the sentence', () => {
    expect(pairs('Ana Lopez called the deaths “crushing” and wrote “May God protect their families.”')).toEqual([
      ['crushing', 'Ana Lopez'],
      ['May God protect their families.', 'Ana Lopez']
    ])
  })
})

describe('remarkQuotes: names inside titles', () => {
  it('keeps the person out of a long title', () => {
    const value = '“We will rebuild,” said President-elect of the United States Joe Biden.'
    expect(pairs(value)[0]?.[1]).toBe('Joe Biden')
  })

  it('does not take a pronoun clause for a speaker', () => {
    expect(pairs('As they might say, “the show must go on and on and on.”')[0]?.[1]).toBe('')
  })
})

describe('remarkQuotes: terms and scare quotes are not speech', () => {
  it('drops a short fragment with nobody named and no speech verb near it', () => {
    expect(pairs('Profiles need not include so-called “personally identifiable information” like names.')).toEqual([])
    expect(pairs('The moment the “tip of the iceberg” breaks the surface is still a mystery.')).toEqual([])
    expect(pairs('There is no such thing as “the sharing economy.”')).toEqual([])
  })

  it('keeps a fragment that a speech verb or a speaker carries, and a longer unattributed one', () => {
    expect(pairs('Mr Obama said it was “distressing” to have made no progress.')).toEqual([['distressing', 'Obama']])
    expect(pairs('Schiff called it “a non-starter”.')).toEqual([['a non-starter', 'Schiff']])
    expect(pairs('The talks were “a waste of everybody’s time.”')).toEqual([['a waste of everybody’s time.', '']])
  })

  it('drops a term named by "called" and a list of scare-quoted words', () => {
    expect(pairs('He removed people from danger, a process called “exfiltration.”')).toEqual([])
    expect(pairs('Its type is “highway,” “service road,” “residential,” or so on.')).toEqual([])
  })

  it('reads a title that keeps the sentence’s full stop or comma inside its marks', () => {
    expect(pairs('A neon sign heralded “The World of Tomorrow.”')).toEqual([])
    expect(pairs('Nintendo shocked the world by announcing “Super Mario Run,” its first mobile game.')).toEqual([])
    expect(pairs('“We Will Rebuild!” the mayor shouted.')).toEqual([['We Will Rebuild!', 'the mayor']])
  })
})
