/**
 * The editor's floor on a digest.json, stricter than `../shared/tools/editorial-lint.mjs` (which
 * it starts from: rules F1–F3, Q1–Q3, L1–L2, H1–H3, D1, S1–S2 are its rules, kept as written there),
 * with rules of our own:
 *   K1  a key figure is on the story: its sentence shares a name or word with the headline and lead
 *   R1  no revision as a change: no series of a toll of one event (killed, injured, taken in an attack)
 *   S3  no series of sums of money, shares or lengths of time
 *   Q4  a partial quote is printed inside its frame; a speaker is not named inside their quote
 *   T1  a topic is named after one thing: no list of words, no pronoun or contraction
 *   ST1 a story groups articles of the briefing, names one of their headlines, counts its sources
 *   A1  an article's title is not its file id
 */
export type Digest = Record<string, any>

const numberWords = new Set(('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
  'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand ' +
  'thousands million millions billion billions trillion dozen dozens half a an some about around approximately nearly ' +
  'almost over more than less fewer at least most up to roughly estimated just under per cent percent').split(' '))
const states: [string, RegExp][] = [['living', /\b(living|alive)\b/i], ['dead', /\b(dead|deceased|killed|died)\b/i], ['injured', /\b(wounded|injured)\b/i],
  ['recovered', /\brecovered\b/i], ['missing', /\bmissing\b/i], ['released', /\b(released|freed)\b/i]]
const stateOf = (s: string) => states.find(([, re]) => re.test(s))?.[0] ?? 'plain'
const certainty = (s: string) => (/\bsuspected\b/i.test(s) ? 'suspected' : /\bconfirmed\b/i.test(s) ? 'confirmed' : '')
const words = (s: unknown) => String(s ?? '').toLowerCase().split(/[^\p{L}\p{N}'’%$€£-]+/u).filter(Boolean)
const stop = new Set('the a an of in on at to for and or but is are was were be by with from as that this it its his her their they he she we you i who which what'.split(' '))
const content = (s: unknown) => new Set(words(s).map((w) => w.replace(/(?:es|s)$/, '').slice(0, 6)).filter((w) => w.length >= 3 && !stop.has(w) && !/^\d/.test(w)))

export function lintDigest(d: Digest, inputs?: number): string[] {
  const fails: string[] = []
  const fail = (rule: string, what: string) => fails.push(`${rule}: ${what}`)

  function checkFigure(f: any, where: string) {
    const shown = f?.shown
    if (typeof shown !== 'string' || !shown.trim()) return fail('F1 figure shown', `${where}: no \`shown\` phrase for “${f?.text}”`)
    const meaning = words(shown).filter((w) => !numberWords.has(w) && !/^[\d.,%$€£-]+$/.test(w))
    if (meaning.length === 0) fail('F1 figure shown', `${where}: “${shown}” says not what it counts`)
    if (/^\S*-\p{L}+$/u.test(shown.trim()) && words(shown).length === 1) fail('F1 figure shown', `${where}: “${shown}” is an adjective with no noun`)
    if (!f.unit) fail('F2 figure unit', `${where}: “${shown}” has no unit`)
    if (/\$.*\bdollars\b|\bdollars\b.*\$|€.*\beuros\b|£.*\bpounds\b/i.test(shown)) fail('F3 doubled unit', `${where}: “${shown}”`)
    if (/\s[.,;:!?](\s|$)/.test(shown)) fail('F4 spacing', `${where}: “${shown}”`)
  }

  function checkQuote(q: any, where: string) {
    if (!String(q.speaker ?? '').trim()) fail('Q1 speaker', `${where}: “${String(q.text).slice(0, 60)}” has no speaker`)
    const n = words(q.text).length
    if (n < 4 && !(q.kind === 'partial' && typeof q.frame === 'string' && q.frame.includes(q.text.trim().slice(0, 20)))) fail('Q2 fragment', `${where}: “${q.text}” (${n} words) shown without its frame`)
    if (/\s[.,;:!?](\s|$)/.test(q.text)) fail('Q3 spacing', `${where}: “${String(q.text).slice(-40)}”`)
    if (q.kind === 'partial' && !(typeof q.frame === 'string' && q.frame.includes(String(q.text).trim().slice(0, 20)))) fail('Q4 frame', `${where}: partial “${String(q.text).slice(0, 40)}” without a frame holding it`)
    if (/[*_]{1,2}\p{L}[^*_]*[*_]{1,2}|&(?:[a-z]+|#\d+);/iu.test(`${q.text} ${q.frame ?? ''}`)) fail('Q3 spacing', `${where}: raw markup in “${String(q.text).slice(0, 40)}”`)
    const surname = String(q.speaker ?? '').split(/\s+/).filter((part: string) => /^\p{Lu}[\p{L}'’-]{2,}$/u.test(part)).at(-1)
    if (surname && new RegExp(`(?<!\\p{L})${surname}(?!\\p{L})`, 'u').test(q.text)) fail('Q4 speaker inside', `${where}: “${q.speaker}” is named inside “${String(q.text).slice(0, 40)}”`)
  }

  const articles: any[] = d.articles ?? []
  const dates = articles.map((a) => a.date)
  if (dates.join() !== [...dates].sort().join()) fail('H1 order', 'articles are not in date order')
  for (const a of articles) {
    const lead = String(a.lead ?? '')
    if (/^[A-Z][A-Z .,'’()-]{2,}\s*[—–-]{1,2}\s/.test(lead)) fail('L1 dateline', `${a.id}: lead starts “${lead.slice(0, 30)}”`)
    if (/^\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)* \([A-Za-z]+\)\s*[—–-]/u.test(lead)) fail('L1 dateline', `${a.id}: lead starts with an agency tag “${lead.slice(0, 30)}”`)
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+\w+\s+\d{1,2},?\s+\d{4}\.?$/i.test(lead.trim())) fail('L1 dateline', `${a.id}: lead is a date line “${lead}”`)
    if (words(lead).length > 60) fail('L2 lead length', `${a.id}: ${words(lead).length} words`)
    if (String(a.title).trim() === String(a.id).trim() || !String(a.title).trim()) fail('A1 title', `${a.id}: its title is its file id`)
    if (a.topFigure) {
      checkFigure(a.topFigure, `timeline ${a.id}`)
      const story = new Set([...content(a.title), ...content(a.lead)])
      const sentence = String(a.topFigure.sentence ?? '')
      if (![...content(sentence)].some((w) => story.has(w))) fail('K1 key figure', `${a.id}: “${a.topFigure.shown}” stands in a sentence that shares nothing with the headline and lead`)
    }
  }
  const seen = new Map<string, string>()
  for (const a of articles) {
    const key = a.url ? `url:${a.url}` : `t:${String(a.title).toLowerCase()}|${a.date}`
    if (seen.has(key)) fail('D1 duplicate article', `${a.id} repeats ${seen.get(key)}`)
    else seen.set(key, a.id)
  }
  for (const t of d.topics ?? []) {
    const name = String(t.name ?? '')
    if (/,.*\band\b/.test(name) || /\b(?:he|she|it|they|we|you|i|this|that|these|those|his|her|its|their)\b/i.test(name) || /\p{L}['’](?:s|t|re|ve|ll|d|m)\b/iu.test(name) || name.trim().length < 3) fail('T1 topic name', `“${name}”`)
    for (const q of t.quotes ?? []) checkQuote(q, `topic “${name}”`)
    for (const f of t.figures ?? []) checkFigure(f, `topic “${name}”`)
    for (const s of t.series ?? []) {
      const pts: any[] = s.points ?? []
      for (const p of pts) checkFigure({unit: s.unit, ...p}, `series “${s.label}”`)
      const kinds = pts.map((p) => stateOf(String(p.shown ?? p.text)))
      if (new Set(kinds).size > 1) fail('S1 series measure', `“${s.label}” joins ${kinds.join(' / ')} counts`)
      const sure = new Set(pts.map((p) => certainty(String(p.shown ?? p.text))).filter(Boolean))
      if (sure.size > 1) fail('S1 series measure', `“${s.label}” joins confirmed and suspected counts`)
      const units = new Set(pts.map((p) => p.unit ?? s.unit))
      if (units.size > 1) fail('S1 series measure', `“${s.label}” joins units ${[...units].join(', ')}`)
      const arts = pts.map((p) => p.article)
      if (new Set(arts).size !== arts.length) fail('S2 series points', `“${s.label}” has two points from one article`)
      if (/\b(?:killed|injured|taken)\b/.test(String(s.label)) && pts.some((p) => /\b(?:attack|assault|bombing|massacre|crash|shooting|explosion|blast|earthquake|raid|atrocity)\b/i.test(String(p.sentence ?? '')))) fail('R1 revision as change', `“${s.label}”: ${s.summary}`)
      if (/(?:dollar|euro|pound|percent|%|\$|€|£|second|minute|hour|day|week|month|year)s?$/i.test(String(s.unit)) || pts.some((p) => /[$€£]/.test(String(p.text)))) fail('S3 series kind', `“${s.label}” is a series of money, shares or time`)
    }
  }
  const ids = new Set(articles.map((a) => a.id))
  const titles = new Map(articles.map((a) => [a.id, a.title]))
  const stories: any[] = d.stories ?? []
  if (!Array.isArray(d.stories)) fail('ST1 stories', 'digest.json has no `stories`')
  for (const [index, story] of stories.entries()) {
    const members: string[] = story.articles ?? []
    if (members.length < 2) fail('ST1 stories', `“${story.title}” has ${members.length} article`)
    if (members.some((id) => !ids.has(id))) fail('ST1 stories', `“${story.title}” lists an article the briefing does not show`)
    if (!members.some((id) => titles.get(id) === story.title)) fail('ST1 stories', `“${story.title}” is none of its articles' headlines`)
    if (!(story.sources >= 1 && story.sources <= members.length)) fail('ST1 stories', `“${story.title}”: ${story.sources} sources for ${members.length} articles`)
    if (index > 0 && story.sources > stories[index - 1].sources) fail('ST1 stories', 'stories are not largest first')
  }
  if (!Array.isArray(d.omitted)) fail('H2 omitted', 'digest.json has no `omitted` list of the articles left out and why')
  else if (inputs !== undefined && articles.length + d.omitted.length !== inputs) fail('H2 omitted', `${inputs} articles given, ${articles.length} shown + ${d.omitted.length} omitted`)
  if (Array.isArray(d.omitted) && articles.length && d.omitted.some((o: any) => /limit/i.test(String(o.why))) && d.period?.start < [...dates].sort()[0]) fail('H3 period', `period starts ${d.period.start} but the first article shown is ${[...dates].sort()[0]}`)
  return fails
}
