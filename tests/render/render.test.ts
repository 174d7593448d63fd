import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Briefing} from '../../src/briefing/chronology.js'
import {renderHtml} from '../../src/render/html.js'
import {renderMjml} from '../../src/render/mjml.js'
import {renderText} from '../../src/render/text.js'
import {loadTemplates} from '../../src/render/templates.js'

const fixtures = fileURLToPath(new URL('../fixtures/render/', import.meta.url))
const view = {lang: 'en', dir: 'ltr' as const, brand: {name: 'Harbour Desk', color: '#1a4d8f', footer: 'You receive this because you asked for it.', unsubscribeUrl: 'https://example.org/unsubscribe'}}

async function readBriefing(name: string): Promise<Briefing> {
  return JSON.parse(await readFile(path.join(fixtures, name, 'briefing.json'), 'utf8')) as Briefing
}

/** Compares with the golden file; `UPDATE=1` rewrites it instead. */
async function golden(file: string, actual: string) {
  if (process.env.UPDATE) {
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(file, actual)
  }
  expect(actual).toBe(await readFile(file, 'utf8'))
}

describe('render', () => {
  it('renders the small fixture briefing to the golden MJML and text', async () => {
    const briefing = await readBriefing('small')
    const templates = await loadTemplates()
    const {mjml} = renderMjml(briefing, templates, view)
    await golden(path.join(fixtures, 'small', 'email.mjml'), mjml)
    await golden(path.join(fixtures, 'small', 'index.txt'), renderText(briefing, view))
  })

  it('shows <script>, {{x}} and <mj-text> in article text as text, through MJML and its minifier', async () => {
    const briefing = await readBriefing('small')
    const html = await renderHtml(renderMjml(briefing, await loadTemplates(), view))
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;mj-text&gt;')
    expect(html).not.toMatch(/<mj-/)
    expect(html).toContain('&#123;&#123;budget&#125;&#125;')
    expect(html).not.toContain('{{budget}}')
  })

  it('sets lang, dir, the colour-scheme meta, dark-mode styles and a padded preheader', async () => {
    const html = await renderHtml(renderMjml(await readBriefing('small'), await loadTemplates(), view))
    expect(html).toMatch(/<html lang="en" dir="ltr"/)
    expect(html).toContain('<meta name="color-scheme" content="light dark">')
    expect(html).toMatch(/@media \(prefers-color-scheme: ?dark\)/)
    // The top item leads the preheader, then invisible padding keeps body text out of the preview.
    expect(html).toMatch(/“We will keep the ferries running through every phase” — Amina Okafor(&#847;&zwnj;&nbsp;)+/)
    // Every layout table is presentational.
    for (const table of html.match(/<table\b[^>]*>/g) ?? []) expect(table).toContain('role="presentation"')
    // The figures over time: 400 → 350.
    expect(html).toContain('400 → 350')
  })

  it('wraps the plain text at 78 and lists the source links at the end', async () => {
    const text = renderText(await readBriefing('small'), view)
    for (const line of text.split('\n')) if (!/^\s*https?:\/\/\S+$/.test(line)) expect(line.length).toBeLessThanOrEqual(78)
    const sources = text.slice(text.indexOf('SOURCES'))
    expect(sources).toContain('https://example.org/news/dredging-starts')
    expect(sources).toContain('https://example.org/news/council-vote')
    expect(text).toMatch(/— Amina Okafor, Port Gazette, Mar 4, 2024 \[1\]/)
    expect(text).toContain('Over time, workers on site: about 400 → 350')
  })

  it('says how many more items are in the web version when items were left out', async () => {
    const briefing = await readBriefing('small')
    const html = await renderHtml(renderMjml(briefing, await loadTemplates(), {...view, brand: {...view.brand, webUrl: 'https://example.org/web'}, omitted: 7}))
    expect(html).toContain('7 more items are in the web version')
    expect(html).toContain('href="https://example.org/web"')
  })
})
