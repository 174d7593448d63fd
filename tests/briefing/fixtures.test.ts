import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {build, type Written} from '../../src/pipeline.js'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, 'tests/fixtures')
const out = mkdtempSync(path.join(tmpdir(), 'digest-briefing-'))
afterAll(() => rmSync(out, {recursive: true, force: true}))

const cases = readdirSync(fixtures).filter((name) => name.startsWith('briefing-') && existsSync(path.join(fixtures, name, 'case.json')))

/** The part of digest.json an editor reads: what is shown, in which order, from where. */
function summary(written: Written) {
  const {briefing} = written
  return {
    id: briefing.id,
    period: briefing.period,
    topicsDerived: briefing.topicsDerived,
    articles: briefing.articles.map((article) => `${article.date} ${article.id}${article.topFigure ? ` | ${article.topFigure.shown}` : ''}`),
    stories: briefing.stories.map((story) => `${story.title} (${story.sources} sources): ${story.articles.join(', ')}`),
    omitted: briefing.omitted.map((entry) => `${entry.id}: ${entry.why}`),
    topics: briefing.topics.map((topic) => ({
      name: topic.name,
      quotes: topic.quotes.map((quote) => `${quote.date} ${quote.speaker || '-'}: ${quote.frame ? `(in “${quote.frame}”) ` : ''}${quote.text} [${quote.sources.map((source) => source.id).join(', ')}]`),
      figures: topic.figures.map((figure) => `${figure.date} ${figure.shown} [${figure.sources.map((source) => source.id).join(', ')}]`),
      series: topic.series.map((series) => `${series.label}: ${series.summary}`)
    }))
  }
}

describe.each(cases)('fixture %s', (name) => {
  it('matches its golden digest.json summary and index.txt (UPDATE=1 rewrites them)', async () => {
    const spec = JSON.parse(readFileSync(path.join(fixtures, name, 'case.json'), 'utf8')) as {content: string; config: string; week?: string}
    const written = await build({
      cwd: root,
      content: spec.content,
      config: spec.config,
      out: path.join(out, name),
      ...(spec.week ? {window: {kind: 'week', week: spec.week}} : {})
    })
    const actual = {json: `${JSON.stringify(summary(written), null, 2)}\n`, text: written.text}
    const goldens = {json: path.join(fixtures, name, 'digest.json'), text: path.join(fixtures, name, 'index.txt')}
    if (process.env.UPDATE) {
      writeFileSync(goldens.json, actual.json)
      writeFileSync(goldens.text, actual.text)
    }
    expect(actual.json).toBe(readFileSync(goldens.json, 'utf8'))
    expect(actual.text).toBe(readFileSync(goldens.text, 'utf8'))
  })
})
