/**
 * Units and currencies written after or before a number: symbols and abbreviations, spaced or
 * glued ("185 hp", "300bhp", "3.2GHz", "104°F"), and currency codes ("USD 5 million", "Rs 2,000",
 * "R500"). Each maps to the unit a figure reports.
 */

// prettier-ignore
const symbols: Array<[string, string]> = [
  ['hp', 'horsepower'], ['bhp', 'horsepower'], ['rpm', 'rpm'], ['lb-ft', 'pound-feet'], ['lb.-ft.', 'pound-feet'],
  ['Nm', 'newton metres'], ['mAh', 'milliamp hours'], ['kWh', 'kilowatt hours'], ['MWh', 'megawatt hours'],
  ['GWh', 'gigawatt hours'], ['TWh', 'terawatt hours'], ['kW', 'kilowatts'], ['MW', 'megawatts'], ['GW', 'gigawatts'],
  ['W', 'watts'], ['kV', 'kilovolts'], ['V', 'volts'], ['Hz', 'hertz'], ['kHz', 'kilohertz'], ['MHz', 'megahertz'],
  ['GHz', 'gigahertz'], ['Mbps', 'megabits per second'], ['Gbps', 'gigabits per second'], ['kbps', 'kilobits per second'],
  ['Mb/s', 'megabits per second'], ['ppm', 'parts per million'], ['ppb', 'parts per billion'], ['μm', 'micrometres'],
  ['µm', 'micrometres'], ['nm', 'nanometres'], ['mm', 'millimetres'], ['cm', 'centimetres'], ['km', 'kilometres'],
  ['MPa', 'megapascals'], ['kPa', 'kilopascals'], ['hPa', 'hectopascals'], ['mpg', 'miles per gallon'],
  ['mph', 'miles per hour'], ['m.p.h.', 'miles per hour'], ['km/h', 'kilometres per hour'], ['m/s', 'metres per second'], ['km/s', 'kilometres per second'], ['kph', 'kilometres per hour'],
  ['kmh', 'kilometres per hour'], ['min', 'minutes'], ['mins', 'minutes'], ['sec', 'seconds'], ['secs', 'seconds'],
  ['hrs', 'hours'], ['°F', 'degrees Fahrenheit'], ['° F', 'degrees Fahrenheit'], ['°C', 'degrees Celsius'],
  ['° C', 'degrees Celsius'], ['°', 'degrees'], ['kg', 'kilograms'], ['mg', 'milligrams'], ['g', 'grams'],
  ['lb', 'pounds'], ['lbs', 'pounds'], ['oz', 'ounces'], ['ft', 'feet'], ['mi', 'miles'], ['ml', 'millilitres'],
  ['mL', 'millilitres'], ['GB', 'gigabytes'], ['MB', 'megabytes'], ['TB', 'terabytes'], ['KB', 'kilobytes'],
  ['kt', 'knots'], ['sq km', 'square kilometres'], ['sq mi', 'square miles'], ['km2', 'square kilometres'],
  ['km²', 'square kilometres'], ['m²', 'square metres'], ['m2', 'square metres'], ['cc', 'cubic centimetres'],
  ['mmHg', 'millimetres of mercury'], ['dB', 'decibels'], ['Mt', 'megatonnes'], ['kcal', 'kilocalories'],
  ['eV', 'electronvolts'], ['keV', 'kiloelectronvolts'], ['MeV', 'megaelectronvolts'], ['GeV', 'gigaelectronvolts'],
  ['TeV', 'teraelectronvolts'], ['Wh', 'watt hours'], ['Gy', 'grays'], ['mGy', 'milligrays'], ['Sv', 'sieverts'],
  ['mSv', 'millisieverts'], ['μSv', 'microsieverts'], ['µSv', 'microsieverts'], ['cl', 'centilitres'], ['cL', 'centilitres'],
  ['dl', 'decilitres'], ['h', 'hours'], ['tbsp', 'tablespoons'], ['tsp', 'teaspoons'], ['sq ft', 'square feet'],
  ['sq m', 'square metres'], ['square km', 'square kilometres'], ['square mi', 'square miles'], ['km^2', 'square kilometres'],
  ['m^2', 'square metres'], ['km^3', 'cubic kilometres'], ['m^3', 'cubic metres'], ['m³', 'cubic metres'],
  ['km³', 'cubic kilometres'], ['ft²', 'square feet'], ['cu m', 'cubic metres'],
  ['m/s²', 'metres per second squared'], ['m/s2', 'metres per second squared'], ['km/s²', 'kilometres per second squared'],
  ['km/s2', 'kilometres per second squared'], ['M☉', 'solar masses']
]
const symbolUnits = new Map(symbols)
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const symbolAlternation = [...symbolUnits.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')

/** A unit symbol right after a number, spaced or glued, case as written ("185 hp", "3.2GHz"). */
export const unitSymbolAfter = new RegExp(`[ \\u00a0]?(${symbolAlternation})(?![A-Za-z0-9²³])`, 'y')

/** The characters a unit symbol may begin with. */
export const symbolInitials = [...new Set([...symbolUnits.keys()].map((symbol) => symbol[0]!))].join('')

/** The unit a symbol stands for. */
export function symbolUnit(symbol: string): string | undefined {
  return symbolUnits.get(symbol)
}

// prettier-ignore
const currencyCodes = new Map([
  ['USD', 'dollars'], ['US$', 'dollars'], ['$US', 'dollars'], ['A$', 'dollars'], ['AU$', 'dollars'], ['C$', 'dollars'],
  ['CA$', 'dollars'], ['CDN$', 'dollars'], ['NZ$', 'dollars'], ['HK$', 'dollars'], ['S$', 'dollars'], ['$A', 'dollars'], ['AUD', 'dollars'],
  ['CAD', 'dollars'], ['NZD', 'dollars'], ['HKD', 'dollars'], ['SGD', 'dollars'], ['EUR', 'euros'], ['GBP', 'pounds'],
  ['JPY', 'yen'], ['CNY', 'yuan'], ['RMB', 'yuan'], ['INR', 'rupees'], ['Rs', 'rupees'], ['Rs.', 'rupees'],
  ['PKR', 'rupees'], ['RM', 'ringgit'], ['MYR', 'ringgit'], ['R', 'rand'], ['ZAR', 'rand'], ['CHF', 'francs'],
  ['SEK', 'kronor'], ['NOK', 'kroner'], ['DKK', 'kroner'], ['RUB', 'roubles'], ['BRL', 'reais'], ['MXN', 'pesos'],
  ['PHP', 'pesos'], ['KRW', 'won'], ['NGN', 'naira'], ['KES', 'shillings'], ['TRY', 'lira'], ['₹', 'rupees'],
  ['₩', 'won'], ['₦', 'naira'], ['₱', 'pesos'], ['₺', 'lira'], ['₽', 'roubles']
])

/**
 * A currency code or sign just before a number ("USD 5", "Rs 2,000", "R500", "₹50"): the code
 * is group 1. A lone "R" or "RM" counts only glued to the number.
 */
export const currencyBefore =
  /(?:^|[^A-Za-z$])((?:USD|EUR|GBP|JPY|CNY|RMB|INR|PKR|AUD|CAD|NZD|HKD|SGD|CHF|ZAR|SEK|NOK|DKK|RUB|BRL|MXN|PHP|KRW|NGN|KES|TRY|MYR|Rs\.?)[ \u00a0]?|(?:RM|R|[₹₩₦₱₺₽]))$/

export function currencyUnit(code: string): string | undefined {
  return currencyCodes.get(code.trim())
}

/** Currency words after a number: "2,000 yuan", "50 pence", "50p". */
// prettier-ignore
export const currencyWords = new Map([
  ['yuan', 'yuan'], ['renminbi', 'yuan'], ['rupees', 'rupees'], ['rupee', 'rupees'], ['rand', 'rand'],
  ['ringgit', 'ringgit'], ['pence', 'pence'], ['p', 'pence'], ['cents', 'cents'], ['cent', 'cents'],
  ['pesos', 'pesos'], ['francs', 'francs'], ['krona', 'kronor'], ['kronor', 'kronor'], ['kroner', 'kroner'],
  ['roubles', 'roubles'], ['rubles', 'roubles'], ['lira', 'lira'], ['naira', 'naira'], ['shillings', 'shillings'],
  ['baht', 'baht'], ['won', 'won'], ['dollars', 'dollars'], ['euros', 'euros'], ['pounds', 'pounds'], ['yen', 'yen']
])

/** Whether a unit is a measure a rate may divide ("milligrams" per litre), as symbols name them. */
export function isMeasure(unit: string): boolean {
  return measureNames.has(unit)
}
// prettier-ignore
const measureNames = new Set([
  ...symbolUnits.values(), 'moles', 'millimoles', 'tons', 'tonnes', 'pounds', 'ounces', 'gallons', 'litres', 'liters',
  'barrels', 'calories', 'joules', 'metres', 'meters', 'kilometers', 'miles', 'feet', 'yards', 'inches', 'acres', 'hectares',
  'grams', 'kilograms', 'milligrams', 'micrograms', 'cubic metres', 'cubic meters', 'square metres', 'square meters'
])

// A rate's divisor written as a symbol after "/" or "per": named in words, singular ("kg" → kilogram).
// prettier-ignore
const divisorSymbols = new Map([
  ['hr', 'hour'], ['h', 'hour'], ['yr', 'year'], ['mo', 'month'], ['wk', 'week'], ['kg', 'kilogram'], ['g', 'gram'],
  ['mg', 'milligram'], ['lb', 'pound'], ['oz', 'ounce'], ['l', 'litre'], ['L', 'litre'], ['ml', 'millilitre'], ['mL', 'millilitre'],
  ['km', 'kilometre'], ['m', 'metre'], ['mi', 'mile'], ['ft', 'foot'], ['kWh', 'kilowatt hour'],
  ['MWh', 'megawatt hour'], ['t', 'tonne'], ['m2', 'square metre'], ['m²', 'square metre'], ['m3', 'cubic metre'], ['m³', 'cubic metre']
])
// prettier-ignore
const divisorWords = new Set([
  'hour', 'day', 'week', 'month', 'year', 'minute', 'second', 'night', 'shift', 'kilogram', 'kilo', 'gram', 'milligram', 'pound',
  'ounce', 'ton', 'tonne', 'litre', 'liter', 'millilitre', 'milliliter', 'gallon', 'barrel', 'bushel', 'metre', 'meter', 'kilometre',
  'kilometer', 'mile', 'foot', 'yard', 'inch', 'acre', 'hectare', 'share', 'person', 'head', 'capita', 'household', 'passenger',
  'ticket', 'unit', 'dose', 'pack', 'game', 'episode', 'seat', 'trip', 'visit', 'student', 'resident', 'employee', 'worker',
  'child', 'adult', 'room', 'mole', 'annum', 'megawatt', 'kilowatt', 'kilowatt-hour'
])

/**
 * A rate's divisor after a money or measure figure, with `readDivisor`: "$350 per kg", "$15.4/hour",
 * "0.2 moles per cubic meter" (group 1 a dimension, group 2 the word). A number after "per" ("per
 * 100,000 people") is a base, not a divisor, and is not matched.
 */
export const divisorAfter = /[ \u00a0]?(?:per[ \u00a0]+|\/[ \u00a0]?)((?:square|cubic)[ \u00a0]+)?([A-Za-z][A-Za-z²³23]*)\b/y

/** The divisor a `divisorAfter` match names ("kilogram", "cubic meter"); `undefined` when it names none. */
export function readDivisor(match: RegExpExecArray): string | undefined {
  const word = match[2]!
  const lower = word.toLowerCase()
  const divisor = divisorSymbols.get(word) ?? (divisorWords.has(lower) ? lower : undefined)
  if (divisor === undefined) return undefined
  return match[1] === undefined ? divisor : `${match[1].trim().toLowerCase()} ${divisor}`
}
