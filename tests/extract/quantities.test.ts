/**
 * What a number counts: one block per construction of issue 11 (figures 1–11), each with at least
 * three cases written from the phrasing of real news (car and tech reviews, markets, courts,
 * disasters). A case is a sentence and the figures expected in it as [value, unit] pairs, in order.
 * (Figures 12, a one-line plain-text file read as a body, belongs to loading: tests/load.)
 */
import {describe, expect, it} from 'vitest'
import {check} from './helpers.js'

describe('figures 1: unit symbols and abbreviations, spaced or glued', () => {
  it('reads engine, battery and electrical units', () => {
    check([
      ['The engine makes 185 hp and 310 lb-ft of torque at 5,500 rpm.', [[185, 'horsepower'], [310, 'pound-feet'], [5500, 'rpm']]],
      ['The hatch produces 300bhp and 400 Nm from its turbocharged engine.', [[300, 'horsepower'], [400, 'newton metres']]],
      ['The phone packs a 4,000 mAh battery and charges at 65 W.', [[4000, 'milliamp hours'], [65, 'watts']]],
      ['The van has a 60 kWh pack.', [[60, 'kilowatt hours']]]
    ])
  })

  it('reads frequencies, rates, concentrations and pressures', () => {
    check([
      ['The chip runs at 3.2 GHz, the radio at 2.4GHz and the link at 100 Mbps.', [[3.2, 'gigahertz'], [2.4, 'gigahertz'], [100, 'megabits per second']]],
      ['Methane reached 1,900 ppb; the particles were 10 μm wide.', [[1900, 'parts per billion'], [10, 'micrometres']]],
      ['The pipe failed at 30 MPa.', [[30, 'megapascals']]]
    ])
  })

  it('reads speed, economy, time and temperature', () => {
    check([
      ['The car gets 35 mpg and tops out at 120 mph.', [[35, 'miles per gallon'], [120, 'miles per hour']]],
      ['He was driving at 75 m.p.h. when the police stopped him.', [[75, 'miles per hour']]],
      ['The flight was delayed by 45 min.', [[45, 'minutes']]],
      ['Temperatures hit 104°F (40 °C) on Tuesday.', [[104, 'degrees Fahrenheit'], [40, 'degrees Celsius']]]
    ])
  })

  it('keeps the number when a capitalised unit follows it', () => {
    check([['The motor delivers 250 Nm at low revs.', [[250, 'newton metres']]]])
  })
})

describe('figures 2: currencies as codes and symbols', () => {
  it('reads dollar codes and signs, glued or spaced', () => {
    check([
      ['The deal is worth USD 5 million.', [[5e6, 'dollars']]],
      ['Revenue reached US$4.2bn last year.', [[4.2e9, 'dollars']]],
      ['The mine cost A$300 million and the bridge HK$2 billion.', [[3e8, 'dollars'], [2e9, 'dollars']]],
      ['The fund lost $US50m.', [[5e7, 'dollars']]]
    ])
  })

  it('reads euros, pounds, yen, rupees, ringgit, rand and yuan', () => {
    check([
      ['Sales rose to EUR 30 million, up from €12m.', [[3e7, 'euros'], [1.2e7, 'euros']]],
      ['The club paid £600m and the bank ¥1.2 trillion.', [[6e8, 'pounds'], [1.2e12, 'yen']]],
      ['The state set aside INR 500 crore and tickets cost Rs 2,000.', [[5e9, 'rupees'], [2000, 'rupees']]],
      ['Fuel costs RM50 a week and the permit R500.', [[50, 'ringgit'], [500, 'rand']]],
      ['Fines of 2,000 yuan were issued.', [[2000, 'yuan']]]
    ])
  })

  it('reads pence', () => {
    check([
      ['A loaf costs 50p more, about 30 pence a slice.', [[50, 'pence'], [30, 'pence']]],
      ['Shares closed 12 pence lower.', [[12, 'pence']]],
      ['The stamp now costs 85p.', [[85, 'pence']]]
    ])
  })
})

describe('figures 3: ranges keep their unit on both bounds', () => {
  it('reads percent and money ranges without rescaling a bound written in full', () => {
    check([
      ['Growth will be between 5% and 6% this year.', [[[5, 6], 'percent']]],
      ['The house sold for $800,000 to $1.3 million.', [[[8e5, 1.3e6], 'dollars']]],
      ['The cost is put at $1 to $2 million.', [[[1e6, 2e6], 'dollars']]],
      ['Rates are seen at 1 per cent to 1.5 per cent.', [[[1, 1.5], 'percent']]]
    ])
  })

  it('reads word ranges', () => {
    check([
      ['Between four thousand and five thousand people came.', [[[4000, 5000], 'people']]],
      ['Four thousand to five thousand people marched.', [[[4000, 5000], 'people']]],
      ['Two or three soldiers were hurt.', [[[2, 3], 'soldiers']]]
    ])
  })

  it('keeps the first number of a rejected range', () => {
    check([['Sales rose 5% to 300 stores.', [[5, 'percent'], [300, 'stores']]]])
  })
})

describe('figures 4: changes', () => {
  it('gives "from X to Y" and "to Y from X" as the range [X, Y], rising or falling', () => {
    check([
      ['Unemployment fell from 5.2% to 4.8% in May.', [[[5.2, 4.8], 'percent']]],
      ['Inflation rose to 7% from 6% a month earlier.', [[[6, 7], 'percent']]],
      ['The fare went from $2 to $3.', [[[2, 3], 'dollars']]]
    ])
  })

  it('reads "by X to Y" as two figures', () => {
    check([
      ['The index rose by 2% to 13,176.', [[2, 'percent'], [13176, '']]],
      ['Output fell by 300 tonnes to 1,200 tonnes.', [[300, 'tonnes'], [1200, 'tonnes']]],
      ['The fund grew by $5 million to $40 million.', [[5e6, 'dollars'], [4e7, 'dollars']]]
    ])
  })
})

describe('figures 5: an ellipsed number inherits only a counted noun', () => {
  it('never lends percent or money to a level', () => {
    check([
      ['The Dow rose 0.4% to 13,176.', [[0.4, 'percent'], [13176, '']]],
      ['Shares fell 3 percent to 112.', [[3, 'percent'], [112, '']]],
      ['The firm paid $40 million for 12 stores, with 3 more planned.', [[4e7, 'dollars'], [12, 'stores'], [3, 'stores']]]
    ])
  })
})

describe('figures 6: "one" with a noun', () => {
  it('reads one count, one case and one of a counted set', () => {
    check([
      ['He pleaded guilty to one count of fraud.', [[1, 'counts']]],
      ['It is one of the five largest banks in Europe.', [[1, 'banks']]],
      ['Officials confirmed one case of measles.', [[1, 'cases']]]
    ])
  })

  it('leaves a lone "one" alone', () => {
    check([['One official said one of them left.', []]])
  })
})

describe('figures 7: measure nouns, compounds and ages', () => {
  it('reads a singular measure noun as the unit', () => {
    check([
      ['He kicked a 40 yard field goal.', [[40, 'yards']]],
      ['She filed a 12 page document.', [[12, 'pages']]],
      ['The bank cut rates by 60 basis points.', [[60, 'basis points']]]
    ])
  })

  it('reads hyphenated and suspended compounds', () => {
    check([
      ['The 185-hp engine replaces a 2.4-liter unit.', [[185, 'horsepower'], [2.4, 'liters']]],
      ['It comes with four-, five- and six-cylinder engines.', [[4, 'cylinders'], [5, 'cylinders'], [6, 'cylinders']]],
      ['The plant refines 500,000 barrel-a-day.', [[5e5, 'barrels a day']]]
    ])
  })

  it('reads "15 year-old" with or without the first hyphen as an age', () => {
    check([
      ['A 15 year-old boy was hurt.', [[15, 'years']]],
      ['A 15-year-old girl was hurt.', [[15, 'years']]],
      ['The 42 years old driver fled.', [[42, 'years']]]
    ])
  })
})

describe('figures 8: signs, forms, fractions, multipliers and vague plurals', () => {
  it('reads signs, scales and fraction slashes', () => {
    check([
      ['Shares fell -1.3% on Monday.', [[-1.3, 'percent']]],
      ['The thermometer read minus 5 degrees.', [[-5, 'degrees']]],
      ['They shipped 1.2m tons and 4 hundred million dollars.', [[1.2e6, 'tons'], [4e8, 'dollars']]],
      ['The gap is 1⁄32 inch.', [[0.03125, 'inches']]]
    ])
  })

  it('reads fractions and multipliers in words', () => {
    check([
      ['Half of the voters stayed home.', [[0.5, 'voters']]],
      ['A third of the staff and two-thirds of members agreed.', [[0.333333, 'staff'], [0.666667, 'members']]],
      ['One out of three people is affected.', [[0.333333, 'people']]],
      ['Prices are twice as high and output grew threefold.', [[2, 'times'], [3, 'times']]],
      ['He was arrested twice last year.', []]
    ])
  })

  it('reads vague plurals as ranges with their unit', () => {
    check([
      ['Hundreds of homes were flooded.', [[[200, 999], 'homes']]],
      ['Tens of thousands of protesters marched.', [[[20000, 99999], 'protesters']]],
      ['Thousands of people fled.', [[[2000, 9999], 'people']]]
    ])
  })
})

describe('figures 9: a four-digit number is a year only in a year’s context', () => {
  it('reads counts before plural nouns and years in context', () => {
    check([
      ['The shop has 1000 customers.', [[1000, 'customers']]],
      ['It opened in 2019 with 2000 employees.', [[2000, 'employees']]],
      ['By 2150 the sea will have risen.', []],
      ['The 1985 hijackings shaped the policy.', []]
    ])
  })
})

describe('figures 10: identifiers are not figures', () => {
  it('skips index and product names, street and jersey numbers', () => {
    check([
      ['The S&P 500 fell sharply.', []],
      ['The iPhone 11 sold well.', []],
      ['The shop at 10001 Main St closed.', []],
      ['Wearing number 23, he scored.', []]
    ])
  })
})

describe('figures 11: plurals from a maintained inflection library', () => {
  it('gives counted nouns their plural', async () => {
    const {plural, singular} = await import('../../src/words.js')
    expect(['crises', 'species', 'series', 'viruses', 'children', 'women'].map(singular)).toEqual([
      'crisis', 'species', 'series', 'virus', 'child', 'woman'
    ])
    expect(['crisis', 'person', 'yard', 'casualty'].map(plural)).toEqual(['crises', 'people', 'yards', 'casualties'])
    check([['The storm left 20 casualties and 3 crises.', [[20, 'casualties'], [3, 'crises']]]])
  })
})

describe('figures: labels, fractions and counts of one (dev set)', () => {
  it('skips a label’s number, a number word in a name and an abbreviated year', () => {
    check([
      ['Caloundra beat Maroochydore in round 3 of the season.', []],
      ['Tropical Storm Three formed over the Bahamas on Saturday.', []],
      ['The games include *Halo 3* and a dozen other titles.', [[12, 'titles']]],
      ['It did not hurt the way it did when he ran afoul of Bush in ’91.', []],
      ['In this photo dated Tuesday, Nov, 29, 2016 the rocket stands on its pad.', []]
    ])
  })

  it('adds "and a half" and a fraction sign, and scales a short first bound by a word range’s scale', () => {
    check([
      ['It took probably two and a half years.', [[2.5, 'years']]],
      ['It had a peak of three-and-a-half million refugees.', [[3500000, 'refugees']]],
      ['The craft stopped transmitting data 6 ½ minutes after the launch.', [[6.5, 'minutes']]],
      ['The palace put the value of the artwork at five to six million.', [[[5000000, 6000000], '']]]
    ])
  })

  it('counts one week, one person and one percent, and reads the base of a rate, an age and a currency code', () => {
    check([
      ['In the span of one week, three bombings took place.', [[1, 'week'], [3, 'bombings']]],
      ['Police arrested one person for trespassing.', [[1, 'person']]],
      ['Even one percent of users attending would overwhelm the town.', [[1, 'percent']]],
      ['Youth suicide ran at 4.5 per 100,000 people.', [[4.5, '']]],
      ['Residents over the age of 18 must register.', [[18, 'years']]],
      ['The event raised nearly CDN$11,000 for the shelter.', [[11000, 'dollars']]],
      ['It had a top speed of about 8 m/s.', [[8, 'metres per second']]],
      ['For each 10 percentage-point increase, the rate rose.', [[10, 'percentage points']]]
    ])
  })
})
