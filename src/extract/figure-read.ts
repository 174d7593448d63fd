/**
 * Reading one figure at a candidate number: its value (scale, sign, fraction, range or change),
 * its unit, its hedge, and whether it is not a figure at all (a year, a date, an identifier).
 */
import type {Figure, Reason} from '../types.js'
import {plural, stopWords} from '../words.js'
import {parseNumberWords} from './numbers.js'
import type {Span} from './sentences.js'
import {currencyUnit, currencyWords, symbolUnit, unitSymbolAfter} from './units.js'
import {
  at, guard, capitalBefore, currencies, decadeAfter, fractions,
  hedge, hyphenUnit, monthAfter, monthBefore, moreScale, negative, notCountWords,
  ordinalAfter, percentAfter, pointsAfter, scaleAfter, scaleValues, spacedAge,
  strongYearWords, suspendedUnit, timeAfter, clockAfter, yearWords, halfAfter, 
  labelWords, ratioAfter, inchesAfter, suspendedRange, currencyAfter, countToAfter
} from './figure-forms.js'
import {abbreviations, countedNoun, functionWords, groupNoun, isPlural, oneWithNoun} from './figure-nouns.js'
import {foldAfter, outOf} from './figure-phrases.js'
import {readBounds, spelledRange} from './figure-bounds.js'
import {readAge} from './figure-age.js'
import {
  blockAfter, capitalStartCode, isFourDigits, isLetterAt, isLoneOne, mayBeCapital, dayJoins, dayRangeBefore, isSpaceCode, lastWord, mayBeMonth, mayHedge, mayNameBefore, modelNameBefore,
  onlySpaceBetween, phoneNumber, plainDigits, streetAfter
} from './figure-context.js'
import {digitsValue, readValue} from './figure-value.js'
import {rateAfter, skipUncertainty} from './figure-rate.js'
import type {Options} from './figures.js'

// Patterns used once a candidate is read (made once, not on every call).
const letterOrDigit = /[\p{L}\p{N}]/u
const peopleAfter = /^[ \u00a0]+(?:people|residents|users|viewers|voters|customers)\b/u
const capitalisedWord = /^[ \u00a0](\p{Lu}[\p{L}’'\-]*)/u
const capitalisedStart = /^[ \u00a0]\p{Lu}\p{Ll}/u
const gluedLetters = /^[\p{L}\/]+/u
const agesBetween = /\bbetween[ \u00a0]+the[ \u00a0]+ages[ \u00a0]+of[ \u00a0]+$/
const timeSpanAfter = guard(/[ \u00a0](?:years|months|weeks|days|hours|minutes|decades|centuries|percent|per[ \u00a0]cent)\b/y, 'one', 'ymwdhcp')
const compoundAdjective = /(?:ional|ical|dimensional|[^e]ed|ish|ous|less|ful)$/

interface Found {
  figure: Figure
  age: boolean
  /** Where the scan goes on in the line. */
  consumed: number
}

// Read one figure at a candidate number, or `undefined` when it is not a figure. `code`: a
// currency code or sign read before the number ("USD ", "R").
export function readFigure(
  text: string,
  match: RegExpExecArray,
  sentence: Span,
  settings: Required<Options>,
  code?: string
): Found | undefined {
  const currency = match[2] === undefined ? code : (match[1] ?? '') + match[2]
  const numberText = match[3] ?? match[4] ?? ''
  const numberStart = match.index + match[0].length - numberText.length
  let end = match.index + match[0].length
  const beforeStart = Math.max(sentence.start, match.index - 24)
  const before = text.slice(beforeStart, match.index)
  const charBefore = match.index > 0 ? text[match.index - 1]! : ''
  const isDigits = match[3] !== undefined
  // The word right before the number, lower case: most context tests need only it, and a set
  // lookup costs far less than an end-anchored regex tried at every position of \`before\`.
  // A sign before the number is skipped ("from -18 °C").
  const signed = (charBefore === '-' || charBefore === '−') && (match.index < 2 || !letterOrDigit.test(text[match.index - 2]!))
  const previousWord = lastWord(signed ? before.slice(0, -1) : before)

  // Glued to a word ("COVID-19", "F-16", "J1149.5+6663", "fb−1"): an identifier.
  if ((charBefore === '-' || charBefore === '−' || charBefore === '+') && match.index > 1 && letterOrDigit.test(text[match.index - 2]!))
    return undefined
  // A leading zero ("007", "0900", the "000" of "10 000"): a code or a group of another number.
  if (isDigits && numberText.length > 1 && numberText.charCodeAt(0) === 48 && numberText.charCodeAt(1) !== 46) return undefined
  // Nine digits or more without separators: an identifier (a status id, a phone number).
  if (isDigits && !currency && numberText.length >= 9 && plainDigits.test(numberText)) return undefined
  // After a model name of letters and digits ("Core i7 4790k", "Galaxy S21 128GB"): part of it.
  if (isDigits && !currency && modelNameBefore(text, beforeStart, match.index)) return undefined
  // "in ’91": a year.
  if ((charBefore === '’' || charBefore === "'") && isDigits && numberText.length === 2) return undefined
  // "4.5 per 100,000 people": the base of a rate, not a figure of its own.
  if (previousWord === 'per' && isDigits) return undefined
  // "round 3 of the season", "page 12": a label's number.
  if (labelWords.has(previousWord) && !currency && /^\d+$/.test(numberText)) return undefined
  // "Tropical Depression Three": a number word in a name.
  if (!isDigits && capitalStartCode(numberText)) {
    const name = capitalBefore.exec(before)
    if (name && !onlySpaceBetween(text, sentence.start, match.index - name[0].trimStart().length)) return undefined
  }

  const read = readValue(text, numberText, isDigits, numberStart, end, previousWord)
  if (!read) return undefined
  let value = read.value
  const words = read.words
  const fractionRead = read.fractionRead
  // "5.2 ± 0.3 mm": the uncertainty belongs to the value.
  end = skipUncertainty(text, read.end, '')

  if (at(timeAfter, text, end) || at(ordinalAfter, text, end)) return undefined
  const fourDigits = isDigits && isFourDigits(numberText)
  if (fourDigits && value < 2400 && at(clockAfter, text, end)) return undefined
  const half = at(halfAfter, text, end)
  if (half) {
    value += 0.5
    end += half[0].length
  }
  if (fourDigits && at(decadeAfter, text, end)) return undefined
  const integer = Number.isInteger(value) && !numberText.includes('.')
  const day = integer && value >= 1 && value <= 31
  if (day && ((mayBeMonth(previousWord, before) && monthBefore.test(before)) || at(monthAfter, text, end))) return undefined
  if (day && dayJoins.has(previousWord) && dayRangeBefore.test(before)) return undefined
  // "(1)", "2)": a list's marker.
  if (isDigits && integer && value < 100 && text[end] === ')' && (charBefore === '(' || onlySpaceBetween(text, sentence.start, match.index)))
    return undefined

  let unit = currency ? (currencyUnit(currency) ?? currencies.get(currency.slice(-1)) ?? '') : ''
  let textEnd = end
  let age = false
  const reasons: Reason[] = []
  let spanStart = currency ? match.index - (code?.length ?? 0) : numberStart

  // Signs: "-1.3%", "minus 5".
  const sign = charBefore === '-' || charBefore === '−' || previousWord === 'minus' ? negative.exec(before) : null
  // "-$5.2 million": a sign glued before a currency sign marks a loss as clearly as after it.
  if (sign) {
    value = -value
    spanStart = match.index - (code?.length ?? 0) - sign[0].length + (sign[0].length - sign[0].trimStart().length)
  } else if (match[2] !== undefined && (text[numberStart - 1] === '-' || text[numberStart - 1] === '−')) value = -value // "$-50.8bn"

  // Scale: "1.5 billion", "2.3m", "£600m", "4 hundred million", "500 crore".
  const scale = at(scaleAfter, text, end)
  if (scale) {
    const word = (scale[1] ?? scale[2] ?? '').toLowerCase()
    const short = scale[2] !== undefined
    // A glued "t" is a trillion only for money ("$2.174T"); otherwise tonnes.
    if ((!short || currency || isDigits) && (word !== 't' || currency)) {
      // A glued "m" is metres unless money or a counted noun follows ("1.2m tons").
      const after = end + scale[0].length
      const glued =
        short && !currency && word === 'm' && !peopleAfter.test(text.slice(after, after + 16)) && !countedNoun(text, after, 1)
      // A glued capital "K" without money is a resolution or a distance ("4K display", "10K race"),
      // unless a counted noun follows ("50K fans").
      if (scale[2] === 'K' && !currency && !countedNoun(text, after, 1)) return undefined
      if (!glued) {
        // To 15 digits: "$4.1 million" is 4100000, not 4099999.9999999995.
        value = Number((value * (scaleValues.get(word) ?? 1)).toPrecision(15))
        end = after
        let more: RegExpExecArray | undefined
        while (!short && (more = at(moreScale, text, end))) {
          value *= scaleValues.get(more[1]!.toLowerCase()) ?? 1
          end += more[0].length
        }
        textEnd = end
      }
    }
  }

  // Years: a four-digit whole number, unless money, percent, a scale or a count follows.
  const percent = at(percentAfter, text, end)
  if (isDigits && integer && !currency && !percent && !scale && fourDigits && value >= 1000 && value < 3000) {
    const counted = at(unitSymbolAfter, text, end) || countedNoun(text, end, settings.maxAdjectives)
    const context = yearWords.has(previousWord) || (mayBeMonth(previousWord, before) && monthBefore.test(before)) || before.trim() === ''
    // A year range too ("2013-14").
    // A round number before a counted noun is a count ("1000 customers"); 1900–2100 otherwise
    // reads as a year ("the infamous 1985 hijackings").
    const count = counted && (value % 100 === 0 || value < 1900) && !strongYearWords.has(previousWord)
    if (value <= 2100 ? !count : context && !counted) return undefined
  }
  // "one" is a count only with a noun ("one count of fraud", "one of the five largest banks").
  let oneOf: {unit: string; end: number} | undefined
  if (
    !isDigits &&
    !fractionRead &&
    isLoneOne(words) &&
    !at(hyphenUnit, text, end) &&
    !at(percentAfter, text, end) &&
    !(words.toLowerCase() === 'one' && (at(outOf, text, end) || spelledRange(text, end)))
  ) {
    oneOf = words.toLowerCase() === 'one' && !notCountWords.has(previousWord) ? oneWithNoun(text, end, settings) : undefined
    if (!oneOf) return undefined
  }

  // A unit symbol, spaced or glued ("185 hp", "3.2GHz", "104°F").
  const symbol = !currency && !percent ? at(unitSymbolAfter, text, end) : undefined
  if (symbol) {
    unit = symbolUnit(symbol[1]!) ?? symbol[1]!
    end += symbol[0].length
    textEnd = end
  } else if (!currency && !percent) {
    // A currency sign after the number, as much of Europe writes it ("-15€", "20 €").
    const sign = at(currencyAfter, text, end)
    if (sign) {
      unit = currencies.get(sign[1]!)!
      end = textEnd = end + sign[0].length
    }
  }

  // Identifiers: a bare number after a capitalised word inside the sentence ("Flight 847",
  // "S&P 500", "iPhone 11"), or after "number".
  // A time or share after the number makes it a count even after a name ("told Mojang 2 years ago").
  const capital = isDigits && integer && !currency && !symbol && !numberText.includes(',') && mayNameBefore(before) && !at(timeSpanAfter, text, end) ? capitalBefore.exec(before) : null
  // At the opening of a sentence the capital may be the sentence's: such a number is a name only
  // when it counts nothing ("Area 51 has", not "Only 12 remain").
  let nameAtStart = false
  if (capital) {
    const wordStart = match.index - capital[0].length + (capital[0].length - capital[0].trimStart().length)
    if (!(mayHedge(previousWord, before) && hedge.test(before))) {
      if (!onlySpaceBetween(text, sentence.start, wordStart)) return undefined
      nameAtStart = capital[1]!.length > 1 && !stopWords.has(previousWord) && !previousWord.endsWith('ly')
    }
  }
  // A street address: "221 Baker Street", "4059 Mt Lee Dr.", "the 1500 block of Main Street".
  if (isDigits && integer && !currency && (at(streetAfter, text, end) || at(blockAfter, text, end))) return undefined
  // A bare number before a capitalised name is a model or a designation ("737 Max").
  if (isDigits && integer && !currency && !symbol && isSpaceCode(text.charCodeAt(end)) && mayBeCapital(text.charCodeAt(end + 1)) && capitalisedStart.test(text.slice(end, end + 3)) && !at(monthAfter, text, end)) {
    const next = capitalisedWord.exec(text.slice(end, end + 30))
    if (next && !isPlural(next[1]!) && !countedNoun(text, end, settings.maxAdjectives)) return undefined
  }
  // Letters glued after digits that are not a scale or a known unit: an identifier when digits
  // follow ("06F6", "4e14"), else the letters are the unit ("40mcg").
  if (isDigits && !scale && !symbol && isLetterAt(text, end)) {
    const glued = gluedLetters.exec(text.slice(end, end + 8))![0]
    if (/[0-9]/.test(text[end + glued.length] ?? '')) return undefined
    // One capital glued to digits names a kind, not a measure ("3D", "5G", "4X").
    if (glued.length === 1 && capitalStartCode(glued)) return undefined
    unit = abbreviations.get(glued.toLowerCase()) ?? currencyWords.get(glued) ?? glued
    end += glued.length
    textEnd = end
  }

  // The first bound's share: "1 per cent to 1.5 per cent".
  const percentFirst = at(percentAfter, text, end) ?? at(pointsAfter, text, end)
  if (percentFirst && !unit) {
    const points = at(pointsAfter, text, end)
    unit = points ? 'percentage points' : 'percent'
    end += (points ?? percentFirst)[0].length
    textEnd = end
  }

  // "one out of three people", "1 in 5 adults": a share; "threefold": a multiplier.
  if (!unit && !currency) {
    const share = at(outOf, text, end)
    const bottom = share ? digitsValue(share[1]!) || parseNumberWords(share[1]!) : undefined
    if (share && bottom && value < bottom && (value === 1 || bottom <= 10 || Number.isInteger(Math.log10(bottom)))) {
      value /= bottom
      end += share[0].length
      textEnd = end
    } else if (share && bottom && value < bottom) {
      // "29 out of 30 charges", "908 out of 2,240 attendees": two counts of one noun, not a share.
      const after = end + share[0].length
      unit = (countedNoun(text, after, settings.maxAdjectives) ?? groupNoun(text, after, settings.maxAdjectives))?.unit ?? ''
    } else if (at(foldAfter, text, end)) {
      end = textEnd = end + at(foldAfter, text, end)![0].length
      unit = 'times'
    }
  }

  // A rate before a range's second bound: "from $350 per kg to $680 per kg".
  const rate = unit ? rateAfter(text, end, unit) : undefined
  if (rate) {
    unit = rate.unit
    end = textEnd = rate.end
  }

  // Ranges: "200-300", "200 to 300", "between 200 and 300", "from 5.2% to 4.8%".
  let qualifierMatch = mayHedge(previousWord, before) ? hedge.exec(before) : null
  let qualifier = qualifierMatch ? qualifierMatch[1]!.toLowerCase() : undefined
  // "between the ages of 14 and 18" is a range too.
  const between = qualifier === 'between' || qualifier === 'somewhere between' || (previousWord === 'of' && agesBetween.test(before))
  // "from about $350 to $680": a hedge may stand between "from" and the first bound.
  const from = previousWord === 'from' || (qualifierMatch !== null && lastWord(before.slice(0, qualifierMatch.index)) === 'from')
  const bounds = readBounds(text, end, value, {numberText, isDigits, scaled: scale !== undefined, currency: Boolean(currency), unit, symbol: symbol !== undefined, from, previousWord, between})
  if (!bounds) return undefined
  value = bounds.value
  let range = bounds.range
  if (range) {
    end = textEnd = bounds.end
    // "3.5–4.0 TeV", "10-15 km": a unit written once, after the second bound.
    const after = !unit ? at(unitSymbolAfter, text, end) : undefined
    if (after) {
      unit = symbolUnit(after[1]!) ?? after[1]!
      end = textEnd = end + after[0].length
    }
  } else if (!unit) {
    // "8- to 16-meter": a range in a compound.
    const compound = at(suspendedRange, text, end)
    const high = compound ? (compound[1] !== undefined ? digitsValue(compound[1]) : parseNumberWords(compound[2]!)) : undefined
    if (compound && high !== undefined && high > value) {
      range = [value, high]
      unit = symbolUnit(compound[3]!) ?? plural(compound[3]!.toLowerCase())
      end = textEnd = end + compound[0].length
    }
  }
  if (between) {
    if (range) {
      // The bounds of a range say how sure it is: "between" is part of the figure, not a hedge.
      qualifier = undefined
      if (qualifierMatch) spanStart = beforeStart + qualifierMatch.index + qualifierMatch[0].toLowerCase().lastIndexOf('between')
    } else {
      qualifier = undefined
      qualifierMatch = null
    }
  }
  if (qualifier === 'an estimated' || qualifier === 'the estimated') qualifier = 'estimated'
  if (qualifier === 'approx.') qualifier = 'approximately'

  const percentNow = !unit ? at(percentAfter, text, end) : undefined
  if (percentNow) {
    const points = at(pointsAfter, text, end)
    unit = points ? 'percentage points' : 'percent'
    end += (points ?? percentNow)[0].length
    textEnd = end
  }

  // "seven-day", "a 10-year-old", "185-hp", "2.4-liter", "15 year-old", "four-, five- and six-cylinder".
  let hyphen = !unit ? (at(hyphenUnit, text, end) ?? at(spacedAge, text, end)) : undefined
  if (hyphen?.[2] !== undefined && ((functionWords.has(hyphen[2].toLowerCase()) && hyphen[2] !== 'year') || parseNumberWords(hyphen[2]) !== undefined))
    hyphen = undefined
  // "three-dimensional", "two-tiered", "six-sided": an adjective in a compound counts nothing.
  if (hyphen?.[2] !== undefined && hyphen[2].length >= 5 && compoundAdjective.test(hyphen[2])) return undefined
  if (hyphen) {
    if (hyphen[1] !== undefined) {
      age = true
      unit = plural(hyphen[1].toLowerCase())
    } else unit = symbolUnit(hyphen[2]!) ?? plural(hyphen[2]!.toLowerCase())
    end += hyphen[0].length
    textEnd = end
  } else if (!unit) {
    const suspended = at(suspendedUnit, text, end)
    if (suspended) unit = symbolUnit(suspended[1]!) ?? plural(suspended[1]!.toLowerCase())
  }

  // The counted noun, skipping adjectives.
  if (oneOf) {
    unit = oneOf.unit
    textEnd = end = oneOf.end
  } else if (!unit) {
    const noun = countedNoun(text, end, settings.maxAdjectives)
    if (noun) {
      unit = noun.unit
      textEnd = noun.end
      end = noun.end
      // "from five people to six": a change with its noun after the first bound.
      const to = from && !range ? at(countToAfter, text, end) : undefined
      const high = to ? (to[1] !== undefined ? digitsValue(to[1]) : parseNumberWords(to[2]!)) : undefined
      if (to && high !== undefined && high !== value) {
        range = [value, high]
        end = textEnd = end + to[0].length
        const again = countedNoun(text, end, 0)
        if (again?.unit === unit) end = textEnd = again.end
      }
    } else {
      // "2 1/2 in thick": inches, only before a dimension.
      const inches = at(inchesAfter, text, end)
      if (inches) {
        unit = 'inches'
        end = textEnd = end + inches[0].length
        // "908 of the 2240 attendees", "three of these bone tools": a part of a counted group.
      } else if (integer && !currency) unit = groupNoun(text, end, settings.maxAdjectives)?.unit ?? ''
    }
  }

  // Fraction words: "two thirds", "three quarters".
  const denominator = fractions.get(unit)
  if (denominator && !isDigits && !range) {
    value /= denominator
    unit = ''
  }

  // Ratio: "three prisoners for every hostage".
  let per: string | undefined
  const ratio = unit ? at(ratioAfter, text, end) : undefined
  if (ratio) per = ratio[1]!

  const ageRead = readAge(text, {before, previousWord, sentenceStart: sentence.start, index: match.index, end}, unit, integer, !currency && !range, value)
  if (ageRead) {
    if (!settings.ages) return undefined
    age = true
    if (ageRead === 'years') unit = 'years'
  }
  if (age && !settings.ages) return undefined
  if (unit && !age) {
    end = skipUncertainty(text, end, unit)
    const late = rateAfter(text, end, unit)
    if (late) {
      unit = late.unit
      end = textEnd = late.end
    }
  }
  // "Area 51 has": a name opening the sentence; "555-1234": a telephone number.
  if (!unit && !qualifier && (nameAtStart || (range && phoneNumber.test(text.slice(numberStart, end))))) return undefined

  const figure: Figure = {
    value: range ?? value,
    unit,
    text: text.slice(spanStart, textEnd),
    sentence: '',
    start: spanStart,
    end: textEnd,
    score: 0,
    reasons
  }
  if (qualifier) figure.qualifier = qualifier
  if (per) figure.per = per
  return {figure, age, consumed: end}
}
