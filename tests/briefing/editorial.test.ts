import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {planBriefing} from '../../src/briefing/plan.js'
import {isoWeekOf} from '../../src/briefing/window.js'
import {loadConfig} from '../../src/config.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {loadArticles} from '../../src/load/files.js'
import {build, type Written} from '../../src/pipeline.js'
import type {Article} from '../../src/types.js'
import {lintDigest, type Digest} from './lint.js'

// An editor's reading of the sample (tests/fixtures/eval/editor-sample.json, a copy of the
// project's eval material) and our editorial lint, on the sample and on every ISO week of the
// Wikinews corpus (tests/fixtures/wikinews, CC BY 2.5, Wikinews contributors).
const root = path.resolve(import.meta.dirname, '../..')
const out = mkdtempSync(path.join(tmpdir(), 'digest-editorial-'))
afterAll(() => rmSync(out, {recursive: true, force: true}))

interface FigureRef {value: number; unit?: string; sentence: string}
const editor = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/eval/editor-sample.json'), 'utf8')) as {
  articles: {file: string; keyFigure?: {accept: FigureRef[]}; shownMustMention?: string[]; neverKey?: FigureRef[]; neverShown?: FigureRef[]; goodQuotes?: string[]; leadMustNotStartWith?: string}[]
  series: {neverJoin: {a: FigureRef; b: FigureRef}[]; revisions: {values: number[]; sentences: string[]}[]}
}

/** The sample article made from each seed file (the `seed:` key of its front matter). */
function seedIds() {
  const ids = new Map<string, string>()
  for (const name of readdirSync(path.join(root, 'content')).filter((file) => file.endsWith('.md') && file !== 'README.md')) {
    const seed = /^seed:\s*(\S+)/m.exec(readFileSync(path.join(root, 'content', name), 'utf8'))?.[1]
    if (seed) ids.set(seed, name.replace(/\.md$/, ''))
  }
  return ids
}

const is = (figure: {value: unknown; sentence?: string}, ref: FigureRef) => figure.value === ref.value && String(figure.sentence ?? '').includes(ref.sentence)

describe('the sample, read by its editor (editor-sample.json)', () => {
  let built: Written
  let data: Digest
  beforeAll(async () => {
    built = await build({cwd: root, out})
    data = JSON.parse(readFileSync(built.files.data, 'utf8')) as Digest
  })
  const ids = seedIds()

  it.each(editor.articles.map((entry) => [entry.file, entry] as const))('%s: key figure, what is never key or shown, quotes, lead', (file, entry) => {
    const id = ids.get(file) as string
    const article = data.articles.find((candidate: {id: string}) => candidate.id === id)
    expect(article, id).toBeDefined()
    const key = article.topFigure
    if (entry.keyFigure) {
      expect(key, `${id} has a key figure`).toBeDefined()
      expect(entry.keyFigure.accept.some((ref) => is(key, ref)), `${id}: key figure “${key?.shown}”`).toBe(true)
    }
    for (const word of entry.shownMustMention ?? []) expect(key.shown).toContain(word)
    for (const ref of entry.neverKey ?? []) expect(key && is(key, ref), `never key: ${ref.sentence}`).toBeFalsy()
    const shown = [
      ...data.articles.map((candidate: {topFigure?: unknown}) => candidate.topFigure).filter(Boolean),
      ...data.topics.flatMap((topic: {figures: unknown[]; series: {points: unknown[]}[]}) => [...topic.figures, ...topic.series.flatMap((series) => series.points)])
    ] as {value: number; sentence: string; article: string}[]
    for (const ref of entry.neverShown ?? []) expect(shown.some((figure) => figure.article === id && is(figure, ref)), `never shown: ${ref.sentence}`).toBe(false)
    const quotes = data.topics.flatMap((topic: {quotes: {article: string; text: string}[]}) => topic.quotes).filter((quote: {article: string}) => quote.article === id)
    if (entry.goodQuotes) expect(quotes.some((quote: {text: string}) => entry.goodQuotes?.some((good) => quote.text.startsWith(good.slice(0, 30)))), `${id}: a good quote is shown`).toBe(true)
    if (entry.leadMustNotStartWith) expect(article.lead.startsWith(entry.leadMustNotStartWith)).toBe(false)
  })

  it('joins only what may form a series, and shows a revision never as a change', () => {
    const series = data.topics.flatMap((topic: {series: unknown[]}) => topic.series) as {label: string; points: {value: number; sentence: string}[]}[]
    for (const row of series) {
      for (const {a, b} of editor.series.neverJoin) expect(row.points.some((point) => is(point, a)) && row.points.some((point) => is(point, b)), `${row.label} joins ${a.value} and ${b.value}`).toBe(false)
      for (const revision of editor.series.revisions) expect(revision.values.every((value) => row.points.some((point) => point.value === value)), `${row.label} shows a revision as a change`).toBe(false)
    }
    const rows = series.map((row) => row.points.map((point) => point.value).join(' → '))
    expect(rows).toContain('199 → 135')
    expect(rows).toContain('116 → 24')
  })

  it('passes our editorial lint, every article shown or omitted', () => {
    expect(lintDigest(data, 5)).toEqual([])
    expect(data.omitted).toEqual([])
  })

  it('names the rule behind every rejection in --explain', () => {
    for (const decision of built.selection.decisions) {
      expect(decision.rule).toMatch(/^[a-z-]+$/)
      if (!decision.picked) expect(decision.why.length).toBeGreaterThan(10)
    }
    const rules = new Set(built.selection.decisions.filter((decision) => !decision.picked).map((decision) => decision.rule))
    for (const rule of ['aside', 'joined', 'age', 'pronoun', 'duplicate']) expect(rules).toContain(rule)
  })
})

describe('every ISO week of the Wikinews corpus, with topics configured and derived', () => {
  let articles: Article[]
  let inputs = 0
  beforeAll(async () => {
    // The corpus's records as articles a newsroom would have: front matter, the text as published (date line included).
    const content = path.join(out, 'wikinews')
    mkdirSync(content, {recursive: true})
    const lines = readFileSync(path.join(root, 'tests/fixtures/wikinews/wikinews_2019_2021.jsonl'), 'utf8').trim().split('\n')
    for (const [index, line] of lines.entries()) {
      const record = JSON.parse(line) as {url: string; date: string; title: string; text: string}
      writeFileSync(path.join(content, `${String(index).padStart(3, '0')}.md`), `---\ntitle: ${JSON.stringify(record.title)}\ndate: ${record.date}\nsource: Wikinews\nurl: ${JSON.stringify(record.url)}\n---\n\n${record.text}\n`)
    }
    inputs = lines.length
    articles = analyzeArticles(await loadArticles([content], root))
  })

  const configs = {configured: 'tests/fixtures/wikinews/topics.yaml', derived: 'tests/fixtures/briefing-wikinews-2020-W01/digest.config.yaml'}
  it.each(Object.entries(configs))('topics %s: zero findings in every week', (_kind, file) => {
    const config = loadConfig(path.join(root, file), root)
    const weeks = [...new Set(articles.map((article) => isoWeekOf(article.date)))].sort()
    expect(weeks.length).toBeGreaterThan(50)
    const findings: string[] = []
    for (const week of weeks) {
      const plan = planBriefing({articles, window: {kind: 'week', week}, title: config.title, topics: config.topics, limits: config.limits})
      const data = JSON.parse(JSON.stringify({...plan.briefing, explain: plan.selection.decisions})) as Digest
      for (const finding of lintDigest(data, inputs)) findings.push(`${week} ${finding}`)
    }
    expect(findings).toEqual([])
  })
})

