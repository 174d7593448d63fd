/**
 * The forms of issue 11's figures read in its third pass, at least three cases each, and the
 * one-line plain-text file (figures 12). Sentences marked (Wikinews) are quoted from English
 * Wikinews articles of 2019–2020 (Wikinews contributors, CC BY 2.5,
 * https://en.wikinews.org/; the articles are in tests/fixtures/wikinews/); the others are written
 * from the phrasing of wire copy, market reports and science news.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {check} from './helpers.js'

describe('figures 8: forms of a number', () => {
  it('reads a decimal opening with its point', () => {
    check([
      ['This year, the butterflies occupied roughly 6.05 hectares (14.95 acres; .0605 square km). (Wikinews)', [[6.05, 'hectares'], [14.95, 'acres'], [0.0605, 'square kilometres']]],
      ['The measured error was .001 percent.', [[0.001, 'percent']]],
      ['Shares of the lender rose .5% in early trading.', [[0.5, 'percent']]]
    ])
  })

  it('reads a sign after a currency sign', () => {
    check([
      ['The group reported net income of $-50.8bn for the year.', [[-50.8e9, 'dollars']]],
      ['The fund’s return was £-2.3m after fees.', [[-2.3e6, 'pounds']]],
      ['Operating cash flow came to €-410 million.', [[-4.1e8, 'euros']]]
    ])
  })

  it('reads scientific notation', () => {
    check([
      ['The electron’s mass is about 9.11×10⁻³¹ kg.', [[9.11e-31, 'kilograms']]],
      ['It’s 2.4 times the mass of the Sun [mass of Sun = about 2×10^30 kg]. (Wikinews)', [[2.4, 'times'], [2e30, 'kilograms']]],
      ['Neutrinos travelled faster than light by a factor of 2.48×10−5.', [[0.0000248, '']]],
      ['The dose was 1e-3 grams.', [[0.001, 'grams']]]
    ])
  })

  it('reads a quarter million, half a million and a quarter of a million', () => {
    check([
      ['According to authorities, the site hosted a quarter million video clips. (Wikinews)', [[250000, 'clips']]],
      ['By noon today over half a million could be affected. (Wikinews)', [[500000, '']]],
      ['Nearly a quarter of a million people marched in the capital.', [[250000, 'people']]]
    ])
  })

  it('reads fractions in words and a fraction sign alone', () => {
    check([
      ['The chance of a fair die showing a given face is exactly one sixth.', [[0.166667, '']]],
      ['The storm stalled approximately one-half miles east of the coast.', [[0.5, 'miles']]],
      ['Add a ⅓ cup of stock and ½ tbsp of salt.', [[0.333333, 'cups'], [0.5, 'tablespoons']]]
    ])
  })

  it('leaves a singular fraction in a compound or a name alone', () => {
    check([
      ['She shared the trust fund with one half-sister. (Wikinews)', []],
      ['He did not say whether one third party would run.', []],
      ['Tronc praised an 18 year old five eighth.', [[18, 'years'], [5, '']]]
    ])
  })
})

describe('figures 3 and 4: ranges and changes written in more ways', () => {
  it('reads a change from a number in words to one in digits, and a hedge after "from"', () => {
    check([
      ['Additional bodies recovered increased the confirmed death toll from fourteen to 31. (Wikinews)', [[[14, 31], '']]],
      ['The cost of gallium rose from about $350 to $680.', [[[350, 680], 'dollars']]],
      ['Temperatures ranged from -18 °C to -34 °C overnight.', [[[-18, -34], 'degrees Celsius']]]
    ])
  })

  it('gives a range the unit written after its second bound, and no range across two units', () => {
    check([
      ['Gusts were forecast to reach 60–80 mph (about 95–130 km/h). (Wikinews)', [[[60, 80], 'miles per hour'], [[95, 130], 'kilometres per hour']]],
      ['The collider smashed them at 3.5–4.0 TeV.', [[[3.5, 4], 'teraelectronvolts']]],
      ['The dose was changed from 44 ml to 50 mg.', [[44, 'millilitres'], [50, 'milligrams']]]
    ])
  })

  it('reads a range in a compound and ages as ranges', () => {
    check([
      ['Plans include an 8- to 16-meter (320- to 640-inch) space telescope.', [[[8, 16], 'meters'], [[320, 640], 'inches']]],
      ['The injured teenagers, three girls and a boy between the ages of 14 and 18, were hospitalized. (Wikinews)', [[3, 'girls'], [[14, 18], 'years']]],
      ['The suspects range in age from 21 to 78. (Wikinews)', [[[21, 78], 'years']]]
    ])
  })
})

describe('figures 5 and 7: what a count takes as its noun', () => {
  it('takes the noun of the group a count is part of', () => {
    check([
      ['Organizers reported this year 908 of the 2240 attendees brought an outfit. (Wikinews)', [[908, 'attendees'], [2240, 'attendees']]],
      ['Three of the victims were male police officers. (Wikinews)', [[3, 'victims']]],
      ['Wong and three of his co-authors have started a company. (Wikinews)', [[3, 'co-authors']]]
    ])
  })

  it('keeps compounds, possessives, acronyms and measures whole', () => {
    check([
      ['The highest rate was in Alaska, with fifteen youth suicides per 100,000 individuals. (Wikinews)', [[15, 'youth suicides']]],
      ['He is survived by three children from two marriages and two grandchildren. (Wikinews)', [[3, 'children'], [2, 'marriages'], [2, 'grandchildren']]],
      ['I just needed permission from the two PIs on these sites. (Wikinews)', [[2, 'PIs']]],
      ['Its position for six weeks’ time could be in error by up to 4,000 km.', [[6, 'weeks'], [4000, 'kilometres']]]
    ])
  })

  it('reads speeds, areas and temperatures with their full unit', () => {
    check([
      ['The depression had sustained winds of 30 miles per hour (45 kilometers per hour). (Wikinews)', [[30, 'miles per hour'], [45, 'kilometers per hour']]],
      ['The search covered 160 square miles. (Wikinews)', [[160, 'square miles']]],
      ['Highs can reach 45 degrees Celsius (114 degrees Fahrenheit).', [[45, 'degrees Celsius'], [114, 'degrees Fahrenheit']]],
      ['Members of the House are elected for two-year terms. (Wikinews)', [[2, 'years']]]
    ])
  })

  it('does not lend a noun to a count with a noun of its own or to an unscaled decimal', () => {
    check([
      ['The toll rose from five people to six after a 5.0 magnitude aftershock.', [[[5, 6], 'people'], [5, '']]],
      ['It has 12GB of RAM and a 1 terabyte hard drive.', [[12, 'gigabytes'], [1, 'terabytes']]],
      ['Officials said it killed nine people and injured at least 50 more. (Wikinews)', [[9, 'people'], [50, 'people']]]
    ])
  })
})

describe('figures 1: more unit symbols', () => {
  it('reads energy, dose, volume and time symbols', () => {
    check([
      ['Amorphous silicon has a bandgap of 1.7 eV.', [[1.7, 'electronvolts']]],
      ['A CT scan of the abdomen gives about 14 mGy; the workers got 20 mSv.', [[14, 'milligrays'], [20, 'millisieverts']]],
      ['The panels produced 50 Wh; take the 100 cl bottle.', [[50, 'watt hours'], [100, 'centilitres']]],
      ['The shortest day has only 3 hrs of light; the strike lasted 24h.', [[3, 'hours'], [24, 'hours']]]
    ])
  })
})

describe('figures 10: identifiers are not figures', () => {
  it('skips ZIP codes', () => {
    check([
      ['The ZIP code 90210 is among the most expensive.', []],
      ['Send it to the White House, Washington, DC 20500.', []],
      ['Homes in zip 10001 sold faster.', []]
    ])
  })

  it('skips street numbers', () => {
    check([
      ['He lived at 221 Baker Street for years.', []],
      ['Police were called to 4059 Mt Lee Dr. on Tuesday.', []],
      ['The fire broke out in the 1500 block of Main Street.', []]
    ])
  })

  it('skips jersey numbers', () => {
    check([
      ['Wearing No. 23, he scored twice.', []],
      ['The club retired his number 7 jersey.', []],
      ['She wore jersey 10 for the national team.', []]
    ])
  })

  it('skips status ids, phone numbers, model numbers and list markers', () => {
    check([
      ['The post, status 1234567890123456789, was deleted.', []],
      ['Call the hotline at 555-1234.', []],
      ['My rig is powered by an Intel Core i7 4790k CPU.', []],
      ['There are two ways: (1) a vote in Congress, or (2) a convention. (Wikinews)', [[2, 'ways']]],
      ['Area 51 has for decades been rumored to be a facility for UFO research. (Wikinews)', []],
      ['Only 12 remain.', [[12, '']]],
      ['The file HQ_03281 and agent 007 were named.', []]
    ])
  })

  it('skips dates written as a span and times on the 24-hour clock', () => {
    check([
      ['The event ran over three days, May 24 to 26. (Wikinews)', [[3, 'days']]],
      ['The curfew starts at 1900 hrs.', []],
      ['Each eye looks through a roughly 4K display.', []]
    ])
  })
})

describe('figures 12: a plain-text file of one line is a body', () => {
  const figuresOf = (name: string, text: string) => {
    const [article] = analyzeArticles([new VFile({path: name, value: text})])
    return article!.figures.map((figure) => [figure.value, figure.unit])
  }

  it('reads the figures of a one-line file', () => {
    expect(figuresOf('2019-09-04-fire.txt', 'The boat carried 33 passengers and six crew members when it caught fire.\n')).toEqual([
      [33, 'passengers'],
      [6, 'crew members']
    ])
    expect(figuresOf('2019-10-02-sentence.txt', 'He was given a two-year suspended sentence.')).toEqual([[2, 'years']])
    expect(figuresOf('2019-12-13-vote.txt', 'Over 80% of the 452 available district council seats went to pro-democracy candidates.\n')).toEqual([
      [80, 'percent'],
      [452, 'seats']
    ])
  })
})
