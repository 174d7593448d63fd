/**
 * The words of names: honorifics (with the gender they give), titles, the words that end the
 * names of bodies and places, the capitalised words that open a sentence, and a person's own
 * name read from a run of capitalised words.
 */
import {hasCase} from './letters.js'

export const particle = String.raw`(?:bin|bint|ibn|al|el|de|da|dos|van|von|der|den|del|la|le|di|du)`

// prettier-ignore
export const honorifics = new Map([
  ['Mr.', 'm'], ['Mr', 'm'], ['Mrs.', 'f'], ['Mrs', 'f'], ['Ms.', 'f'], ['Ms', 'f'], ['Miss', 'f'],
  ['Sir', 'm'], ['Dame', 'f'], ['Lord', 'm'], ['Lady', 'f'], ['King', 'm'], ['Queen', 'f'],
  ['Prince', 'm'], ['Princess', 'f'], ['Sheikh', 'm'], ['Father', 'm'], ['Sister', 'f']
])

// prettier-ignore
export const titles = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Secretary', 'Sen.', 'Senator', 'Rep.', 'Representative',
  'Gov.', 'Governor', 'Mayor', 'General', 'Gen.', 'Lt.', 'Col.', 'Colonel', 'Captain', 'Capt.',
  'Sgt.', 'Sergeant', 'Admiral', 'Adm.', 'Chief', 'Director', 'Commissioner', 'Chancellor', 'Pope',
  'Judge', 'Justice', 'Prosecutor', 'Dr.', 'Dr', 'Prof.', 'Professor', 'Ambassador', 'Envoy', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Officer', 'Detective', 'Inspector', 'Superintendent', 'Coach',
  'Rabbi', 'Imam', 'Doctor', 'Reporter', 'Editor', 'Pastor', 'Councillor', 'Councilor', 'Legislator', 'Bishop', 'Archbishop', 'Cardinal', 'Rev.', 'Reverend', 'Foreign', 'Defense',
  'Defence', 'Interior', 'Finance', 'Health', 'State', 'Deputy', 'Acting', 'Former', 'Senior',
  'Leader', 'Speaker', 'Chairman', 'Chairwoman', 'Chair', 'CEO', 'Executive', 'Attorney',
  'Commander', 'Premier', 'Emir', 'Crown', 'Mr.', 'Mrs.', 'Ms.', 'Miss', 'Sir', 'Dame', 'Lord',
  'Lady', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Father', 'Sister', 'Mr', 'Mrs', 'Ms',
  'President-elect', 'Manager', 'Pilot', 'Analyst', 'Whip', 'Majority', 'Minority',
  'Representative', 'Spokesman', 'Lawmaker', 'Secretary-General', 'Presidential', 'Special',
  'First', 'Lady', 'Sen', 'Rep', 'Co-author', 'Author', 'Lead', 'Attendee', 'Activist', 'Witness',
  // Local offices of US and British news ("Sheriff Dan Ortiz", "Councilwoman Dana Reed").
  'Sheriff', 'Deputy', 'Trooper', 'Constable', 'Marshal', 'Coroner', 'Councilman', 'Councilwoman',
  'Councilmember', 'Alderman', 'Alderwoman', 'Assemblyman', 'Assemblywoman', 'Assemblymember',
  'Congressman', 'Congresswoman', 'Delegate', 'Supervisor', 'Treasurer', 'Comptroller', 'Clerk',
  'Principal', 'Superintendent', 'Trustee', 'Warden', 'Owner', 'Co-owner', 'Founder', 'Co-founder'
])

// Occupations that open a sentence before a name ("Actor Denzel Washington said"): cut from the
// name like a title, but kept out of the words a name scan passes over, which they would slow.
// Any word ending like a profession ("Herpetologist", "Physician", "Photographer") is one too.
// prettier-ignore
export const occupations = new Set([
  'Actor', 'Actress', 'Singer', 'Songwriter', 'Rapper', 'Drummer', 'Composer', 'Conductor', 'Dancer',
  'Comedian', 'Director', 'Producer', 'Filmmaker', 'Screenwriter', 'Playwright', 'Writer', 'Novelist',
  'Poet', 'Artist', 'Sculptor', 'Designer', 'Architect', 'Chef', 'Presenter',
  'Broadcaster', 'Commentator', 'Columnist', 'Journalist', 'Reporter', 'Photographer', 'Blogger',
  'Podcaster', 'Sportswriter', 'Astronaut', 'Astronomer', 'Scientist', 'Researcher', 'Engineer',
  'Economist', 'Historian', 'Philosopher', 'Lawyer', 'Surgeon', 'Teacher',
  'Striker', 'Goalkeeper', 'Quarterback', 'Pitcher', 'Golfer', 'Boxer', 'Wrestler', 'Swimmer', 'Cyclist',
  'Sprinter', 'Skier', 'Businessman', 'Businesswoman', 'Entrepreneur', 'Billionaire', 'Investor', 'Banker',
  'Analyst', 'Guitarist', 'Pianist', 'Violinist', 'Cellist', 'Cartoonist', 'Illustrator',
  'Physicist', 'Chemist', 'Dentist', 'Pharmacist', 'Therapist', 'Psychiatrist', 'Eyewitness', 'Curator',
  'Fellow', 'Lecturer'
])

// Not "-ist" alone: Swedish surnames end in it (Lindqvist, Ahlquist).
const professionEnding = /^[A-Z][a-z]+(?:ologist|ician|ographer)$/
/** A word in `occupations`, or one ending like a profession ("Epidemiologist", "Physician", "Photographer"). */
export function isOccupation(word: string): boolean {
  return occupations.has(word) || professionEnding.test(word)
}

// Generational suffixes that end a name ("Robert Downey Jr.").
// "QC", "KC": a British barrister's rank, written after the name like "Jr.".
export const nameSuffixes = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV', 'QC', 'KC'])

// Words that end the names of bodies and places, not people.
// prettier-ignore
export const institutions = new Set([
  'House', 'Office', 'Department', 'Ministry', 'Council', 'Party', 'Forces', 'Force', 'Army', 'Navy',
  'Group', 'Committee', 'Court', 'Union', 'Nations', 'States', 'Kingdom', 'Republic', 'Strip',
  'Bank', 'Street', 'City', 'Hospital', 'University', 'Times', 'News', 'Post', 'Agency', 'Service',
  'Organization', 'Organisation', 'Corporation', 'Company', 'Inc.', 'Ltd', 'Parliament', 'Senate',
  'Congress', 'Government', 'Embassy', 'Assembly', 'Authority', 'Commission', 'Center', 'Centre',
  'Institute', 'Foundation', 'Association', 'Airport', 'Station', 'Road', 'River', 'Island',
  'Islands', 'Mountain', 'Mountains', 'Sea', 'Ocean', 'Lake', 'Park', 'Square', 'Church', 'School',
  'College', 'Prize', 'Award', 'Cup', 'League', 'Club', 'Games', 'Guard', 'Police', 'Command',
  'Operations', 'Network', 'Channel', 'Media', 'Press', 'Bureau', 'Board', 'Administration',
  'Cabinet', 'Club', 'Team', 'Project', 'Program', 'Programme', 'Fund', 'Reserve', 'Council',
  'Security', 'Affairs', 'Brigades', 'Movement', 'Front', 'Alliance', 'Coalition', 'Federation',
  'County', 'Province', 'Region', 'District', 'Valley', 'Coast', 'East', 'West', 'North', 'South',
  'Gulf', 'Bay', 'Canal', 'Bridge', 'Tower', 'Hall', 'Palace', 'Stadium', 'Museum', 'Library',
  'Brigade', 'Ministries', 'Airline', 'Agency', 'Act', 'Bill', 'Treaty', 'Accords', 'Agreement',
  'Day', 'War', 'Revolution', 'Olympics',
  'Airlines', 'Airways', 'Motors', 'Technologies', 'Systems', 'Labs', 'Media', 'Online', 'Daily',
  'Journal', 'Telegraph', 'Guardian', 'Herald', 'Tribune', 'Gazette', 'Wire', 'Radio', 'Television',
  'TV', 'Network', 'Foundation', 'Trust', 'Society', 'Initiative', 'Project', 'Summit', 'Conference',
  'Harbour', 'Harbor', 'Beach', 'Peninsula', 'Forest', 'Desert', 'Highway', 'Avenue', 'Boulevard'
])

// Capitalised words that open a sentence or a clause and are not names.
// prettier-ignore
export const openers = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'After', 'But', 'And', 'Or', 'If', 'As', 'For', 'With', 'From',
  'To', 'By', 'Of', 'When', 'While', 'Since', 'During', 'Before', 'This', 'That', 'These', 'Those',
  'It', 'He', 'She', 'They', 'We', 'I', 'His', 'Her', 'Their', 'Its', 'Our', 'My', 'Your', 'There',
  'Here', 'However', 'Meanwhile', 'Still', 'So', 'Yet', 'Although', 'Though', 'Despite', 'Under',
  'Over', 'Among', 'Between', 'Some', 'Many', 'Most', 'Several', 'One', 'Two', 'Three', 'Both',
  'Each', 'Every', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'All', 'No', 'Not',
  'Only', 'Also', 'Even', 'Last', 'Next', 'Then', 'Now',
  'Today', 'Yesterday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
  'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Shortly', 'Ultimately', 'Nevertheless', 'Following',
  'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper',
  'Lower', 'Greater', 'New', 'Old', 'Great', 'Saint', 'San', 'Santa', 'Los', 'Las', 'Fort', 'Port',
  'Mount', 'Lake', 'Cape', 'Al-', 'According', 'Given', 'Unless', 'Until', 'Because', 'Such',
  'What', 'Why', 'How', 'Who', 'Where', 'Whereas', 'Whilst', 'Once', 'Unlike', 'Like', 'Amid',
  'Against', 'Throughout', 'Within', 'Without', 'Upon', 'Asked', 'Speaking', 'Reportedly',
  'Additionally', 'Furthermore', 'Moreover', 'Instead', 'Later', 'Earlier', 'Previously', 'Initially',
  'Eventually', 'Finally', 'First', 'Second', 'Third', 'Thus', 'Indeed', 'Overall', 'Separately',
  'I’m', "I'm", 'I’ve', "I've", 'I’d', "I'd", 'I’ll', "I'll"
])

// The words of a person's own name: the trailing run after any titles, at most three words
// (two when the run is longer) not counting initials
// ("Israeli Prime Minister Benjamin Netanyahu" → Benjamin Netanyahu).
export function personalName(words: readonly string[]): string[] {
  // Built from the last word back, so that the name's first word is `reversed`'s last.
  const reversed: string[] = []
  let counted = 0
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!
    if (titles.has(word) || honorifics.has(word) || isOccupation(word) || (endsInOld(word) && ageWord.test(word))) break
    // An adverb opening the sentence is not part of the name after it ("Later Erdogan said").
    if (index === 0 && reversed.length > 0 && adverbOpeners.has(word)) break
    // A possessive before the name qualifies it ("Kenya's Brigid Kosgei", "the BBC's Jon Sopel").
    if (index < words.length - 1 && stripPossessive(word) !== word) break
    const upper = isUpper(word)
    const initial = word.length === 2 && word[1] === '.'
    if (!upper && !initial && !particles.has(word)) {
      // A title's "of" or "for": the word after it is the place or body of the title
      // ("First Minister of Scotland Nicola Sturgeon").
      if (counted === 3) reversed.pop()
      break
    }
    if (initial && upper) {
      reversed.push(word)
      continue
    }
    if (upper && counted === 3) {
      // Longer than a name: the run began with a place or a body ("United States Joe Biden",
      // "Hong Kong Carrie Lam"), so keep the last two words.
      while (reversed.length > 0 && !isUpper(reversed[reversed.length - 1]!)) reversed.pop()
      reversed.pop()
      break
    }
    if (upper && word.endsWith('.')) break
    reversed.push(word)
    // A capitalised particle inside a name ("Rebecca Nyandeng De Mabior", "Jo Anne Van Tilburg")
    // belongs to the surname: it does not count as one of the name's words.
    if (upper && !(reversed.length > 1 && word.length <= 4 && particles.has(word.toLowerCase()))) counted++
  }
  while (reversed.length > 0 && !isUpper(reversed[reversed.length - 1]!)) reversed.pop()
  return reversed.reverse()
}

// prettier-ignore
const adverbOpeners = new Set([
  'Later', 'Earlier', 'Then', 'Now', 'Also', 'Still', 'Meanwhile', 'However', 'Yesterday', 'Today',
  'Instead', 'Finally', 'Previously', 'Separately', 'Initially', 'Eventually', 'Afterwards', 'But', 'And', 'So'
])
export const particles = new Set(particle.slice(3, -1).split('|'))
// "Fourteen-year-old Zoe": an age, not a name.
const ageWord = /-(?:year|month|week)s?-old$/i

// A cheap test before `ageWord`, which runs on every word of every name: the word ends in "old".
function endsInOld(word: string): boolean {
  const length = word.length
  return (
    length > 4 &&
    (word.charCodeAt(length - 3) | 32) === 111 &&
    (word.charCodeAt(length - 2) | 32) === 108 &&
    (word.charCodeAt(length - 1) | 32) === 100
  )
}

export function isUpper(word: string): boolean {
  const code = word.charCodeAt(0)
  // ASCII by its code, without a lower-case copy of the letter.
  if (code < 128 || Number.isNaN(code)) return code >= 65 && code <= 90
  const first = word[0]!
  return first !== first.toLowerCase()
}

export function isNameChar(code: number): boolean {
  if (
    code === 39 ||
    code === 0x2019 ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122)
  )
    return true
  if (code < 0xc0) return false
  return hasCase(code)
}

// A surname without its accents, so that "Erdogan" finds "Recep Tayyip Erdoğan"; most names are
// plain ASCII and pass through untouched.
export function plain(word: string): string {
  for (let index = 0; index < word.length; index++) {
    if (word.charCodeAt(index) > 127) return word.normalize('NFD').replace(/\p{M}/gu, '')
  }
  return word
}

export function stripPossessive(word: string): string {
  const last = word.charCodeAt(word.length - 1)
  if (last === 39 || last === 0x2019) return word.slice(0, -1)
  if (last === 115 && word.length > 2) {
    const before = word.charCodeAt(word.length - 2)
    if (before === 39 || before === 0x2019) return word.slice(0, -2)
  }
  return word
}
