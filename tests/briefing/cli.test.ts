import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

// Runs the built CLI (`npm run build` first, as `npm test` does).
const root = path.resolve(import.meta.dirname, '../..')
const out = mkdtempSync(path.join(tmpdir(), 'digest-cli-'))
afterAll(() => rmSync(out, {recursive: true, force: true}))
const digest = (...args: string[]) => spawnSync(process.execPath, ['bin/digest.js', ...args], {cwd: root, encoding: 'utf8', env: {...process.env, CI: '1'}})

describe('digest build (briefing)', () => {
  it('--week 2023-W47 holds only the article of that week', () => {
    const result = digest('build', '--week', '2023-W47', '--out', out, '--json')
    expect(result.status).toBe(0)
    const data = JSON.parse(readFileSync(JSON.parse(result.stdout).data, 'utf8')) as {articles: {id: string}[]}
    expect(data.articles.map((article) => article.id)).toEqual(['2023-11-23-how-the-first-hostage-deal-came-together'])
  })

  it('the default build over the sample shows the hostage counts over time', () => {
    const result = digest('build', '--out', out, '--json')
    expect(result.status).toBe(0)
    const written = JSON.parse(result.stdout) as {data: string; html: string}
    const data = JSON.parse(readFileSync(written.data, 'utf8')) as {topics: {series: {label: string; points: {date: string; value: number}[]}[]}[]}
    // All hostages held, and the living ones apart: one measure per row (editor-sample.json).
    const rows = data.topics.flatMap((topic) => topic.series)
    expect(rows.find((series) => series.label === 'hostages held')?.points.map((point) => point.value)).toEqual([199, 135])
    expect(rows.find((series) => series.label === 'living hostages held')?.points.map((point) => point.value)).toEqual([116, 24])
    expect(readFileSync(written.html, 'utf8')).toMatch(/199\s*→\s*135</)
  })

  it('an empty window is a clear message and exit code 1', () => {
    const result = digest('build', '--week', '2024-W10', '--out', out)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/No articles between 2024-03-04 and 2024-03-10/)
    expect(result.stdout).toBe('')
  })

  it('--explain lists every candidate with its score parts and fate; --title overrides the config', () => {
    const result = digest('build', '--explain', '--title', 'Hostage talks, all of it', '--out', out, '--json')
    expect(result.status).toBe(0)
    const written = JSON.parse(result.stdout) as {data: string; explain: {picked: boolean; why: string; reasons: unknown[]}[]}
    expect(written.explain.length).toBeGreaterThan(10)
    expect(written.explain.some((decision) => !decision.picked && /merged into|covered by the series/.test(decision.why))).toBe(true)
    expect(JSON.parse(readFileSync(written.data, 'utf8')).title).toBe('Hostage talks, all of it')
    const text = digest('build', '--explain', '--out', out)
    expect(text.stdout).toMatch(/candidates \(score = sum/)
    expect(text.stdout).toMatch(/^picked +\d+\.\d\d +(quote|figure)/m)
    // Every item left out names the rule that left it out.
    expect(text.stdout).toMatch(/\] {2}aside: its sentence names/)
  }, 120_000)

  it('says in the build output when topics were derived', () => {
    const result = digest('build', '--content', 'tests/fixtures/wikinews/content', '--config', 'tests/fixtures/briefing-wikinews-2020-W01/digest.config.yaml', '--week', '2020-W01', '--out', out, '--json')
    expect(result.status).toBe(0)
    const messages = (JSON.parse(result.stdout) as {messages: {ruleId?: string; reason: string}[]}).messages
    expect(messages.find((message) => message.ruleId === 'topics')?.reason).toMatch(/No topics configured: derived \d+ from the 3 articles/)
  })
})
