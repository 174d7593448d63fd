import {describe, expect, it} from 'vitest'
import type {Figure} from '../../src/types.js'
import {extract} from './helpers.js'

function figures(value: string): Figure[] {
  const file = extract(value)
  const found = file.data.figures ?? []
  for (const figure of found) expect(value.slice(figure.start, figure.end)).toBe(figure.text)
  return found
}

function one(value: string): Pick<Figure, 'value' | 'unit' | 'qualifier'> | undefined {
  const [figure] = figures(value)
  if (!figure) return undefined
  const picked: Pick<Figure, 'value' | 'unit' | 'qualifier'> = {value: figure.value, unit: figure.unit}
  if (figure.qualifier) picked.qualifier = figure.qualifier
  return picked
}

describe('remarkFigures: numbers', () => {
  it('reads digits with separators and decimals', () => {
    expect(one('The attack killed 1,400 people.')).toEqual({value: 1400, unit: 'people'})
    expect(one('Prices rose by 2.5 percent last month.')).toEqual({value: 2.5, unit: 'percent'})
  })

  it('reads number words', () => {
    expect(one('They kidnapped two dozen Western hostages.')).toEqual({value: 24, unit: 'hostages'})
    expect(one('Officials freed a hundred prisoners.')).toEqual({value: 100, unit: 'prisoners'})
    expect(one('The fighting stopped for a seven-day truce.')).toEqual({value: 7, unit: 'days'})
    expect(one('Twenty-one miners were rescued.')).toEqual({value: 21, unit: 'miners'})
  })

  it('reads scales, currencies and percentages', () => {
    expect(one('The fund holds $1.5 billion in cash.')).toEqual({value: 1.5e9, unit: 'dollars'})
    expect(one('The club paid £600m for the players.')).toEqual({value: 6e8, unit: 'pounds'})
    expect(one('The city has 2.3m residents.')).toEqual({value: 2.3e6, unit: 'residents'})
    expect(one('Turnout reached 64% on Sunday.')).toEqual({value: 64, unit: 'percent'})
    expect(one('The grant was worth €40,000 in total.')).toEqual({value: 40000, unit: 'euros'})
  })

  it('reads ranges', () => {
    // A range's bounds are its certainty: "between" is no hedge.
    expect(one('The release of between 200 and 300 prisoners was discussed.')).toEqual({value: [200, 300], unit: 'prisoners'})
    expect(one('Officials said some 200 to 300 prisoners could be freed.')).toEqual({value: [200, 300], unit: 'prisoners', qualifier: 'some'})
    expect(one('Police counted 200-300 protesters.')).toEqual({value: [200, 300], unit: 'protesters'})
    expect(one('Each flight carries 150 to 180 passengers.')).toEqual({value: [150, 180], unit: 'passengers'})
  })

  it('reads ratios', () => {
    const [figure] = figures('The deal frees three Palestinian prisoners for every hostage.')
    expect(figure).toMatchObject({value: 3, unit: 'prisoners', per: 'hostage'})
  })

  it('reads hedges as the qualifier', () => {
    const hedges = ['at least', 'more than', 'about', 'approximately', 'some', 'around', 'over', 'nearly', 'estimated']
    for (const hedge of hedges) {
      expect(one(`Officials said ${hedge} 250 people were held.`)?.qualifier).toBe(hedge)
    }
    expect(one('Hamas holds an estimated 50 hostages.')?.qualifier).toBe('estimated')
  })
})

describe('remarkFigures: units', () => {
  it('takes the counted noun, skipping adjectives', () => {
    expect(one('Israel freed 150 Palestinian prisoners on Friday.')?.unit).toBe('prisoners')
    expect(one('Approximately 24 living captives remain.')?.unit).toBe('captives')
    expect(one('Four other Israeli Americans were held.')?.unit).toBe('Israeli Americans')
  })

  it('keeps a list of people as one unit', () => {
    expect(one('They abducted some 250 men, women, and children.')?.unit).toBe('men, women, and children')
  })

  it('lends the unit of the figure before to a bare count', () => {
    const found = figures('There are 135 hostages in Gaza, with 116 confirmed to be alive.')
    expect(found.map((figure) => [figure.value, figure.unit])).toEqual([
      [135, 'hostages'],
      [116, 'hostages']
    ])
  })
})

describe('remarkFigures: not figures', () => {
  it('skips years, dates and times', () => {
    expect(figures('In 2014, Qatar worked behind the scenes.')).toEqual([])
    expect(figures('The Oct. 7 attack changed everything.')).toEqual([])
    expect(figures('Talks broke down on November 21 in Doha.')).toEqual([])
    expect(figures('The attack began on 7 October at dawn.')).toEqual([])
    expect(figures('The meeting starts at 2 pm and ends at 10:30.')).toEqual([])
  })

  it('skips ordinals, decades and identifiers', () => {
    expect(figures('It was the 21st attempt since the 1960s.')).toEqual([])
    expect(figures('They recalled the hijacking of TWA Flight 847.')).toEqual([])
    expect(figures('The rule is set out in Section 427 of the code.')).toEqual([])
    expect(figures('Cases of COVID-19 rose again.')).toEqual([])
  })

  it('skips a lone "one"', () => {
    expect(figures('One official said one hostage was freed.')).toEqual([])
  })

  it('marks ages', () => {
    const [figure] = figures('A video showed one hostage, Mia Schem, 21, in a hospital bed.')
    expect(figure).toMatchObject({value: 21, unit: 'years'})
    expect(figure!.reasons.some((reason) => reason.name === 'age')).toBe(true)
  })
})

describe('remarkFigures: scores', () => {
  it('explains every score with reasons that add up', () => {
    const [figure] = figures('Hamas is believed to hold at least 199 people hostage.')
    const sum = figure!.reasons.reduce((total, reason) => total + reason.points, 0)
    expect(figure!.score).toBeCloseTo(sum, 2)
    expect(figure!.reasons.map((reason) => reason.name)).toEqual(['unit', 'hedge', 'magnitude', 'position'])
  })

  it('ranks a hedged count of people above a bare number', () => {
    const [people] = figures('Hamas is believed to hold at least 199 people hostage.')
    const [bare] = figures('The answer was 42, he said.')
    expect(people!.score).toBeGreaterThan(bare!.score)
  })
})
