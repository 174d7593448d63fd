import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Briefing} from '../../src/briefing/chronology.js'
import {renderEmail} from '../../src/render/fit.js'
import {labelsFor} from '../../src/render/labels.js'
import {loadTemplates} from '../../src/render/templates.js'
import {renderText} from '../../src/render/text.js'

const fixtures = fileURLToPath(new URL('../fixtures/render/', import.meta.url))
const locales = fileURLToPath(new URL('../../src/render/locales/', import.meta.url))
const brand = {name: 'Harbour Desk', color: '#1a4d8f', footer: 'Footer.', unsubscribeUrl: 'https://example.org/unsubscribe', webUrl: 'https://example.org/web'}
const briefing = async () => JSON.parse(await readFile(path.join(fixtures, 'small', 'briefing.json'), 'utf8')) as Briefing

function keysOf(value: unknown, prefix = ''): string[] {
  return value && typeof value === 'object' ? Object.entries(value).flatMap(([key, entry]) => keysOf(entry, `${prefix}${key}.`)) : [prefix.slice(0, -1)]
}

describe('labels in the briefing\'s language', () => {
  it('has one locale file per language, each with every label English has', async () => {
    const files = (await readdir(locales)).sort()
    expect(files).toEqual(['de.json', 'en.json', 'es.json', 'fr.json'])
    const english = keysOf(JSON.parse(await readFile(path.join(locales, 'en.json'), 'utf8'))).sort()
    for (const file of files) expect(keysOf(JSON.parse(await readFile(path.join(locales, file), 'utf8'))).sort(), file).toEqual(english)
  })

  it('counts by the language\'s plural rules and falls back to English for others', () => {
    expect(labelsFor('de').count.quotes(1)).toBe('1 Zitat')
    expect(labelsFor('de-CH').count.quotes(3)).toBe('3 Zitate')
    expect(labelsFor('fr').count.articles(0)).toBe('0 article')
    expect(labelsFor('es').count.figures(1200)).toBe('1200 cifras')
    expect(labelsFor('it').timeline).toBe('Timeline')
  })

  it('labels the email and the text in German, and the text layout holds at 78 columns', async () => {
    const templates = await loadTemplates()
    const shown = await briefing()
    const email = await renderEmail(shown, templates, {lang: 'de', dir: 'ltr', brand})
    for (const label of ['ZEITLEISTE', 'QUELLEN', 'Abbestellen', 'Im Web lesen']) expect(email.html).toContain(label)
    expect(email.html).not.toMatch(/>(?:TIMELINE|SOURCES|Unsubscribe)</)
    for (const lang of ['de', 'fr', 'es']) {
      const text = renderText(shown, {lang, dir: 'ltr', brand})
      const labels = labelsFor(lang)
      expect(text).toContain(labels.upper(labels.timeline))
      expect(text).toContain(labels.upper(labels.sources))
      for (const line of text.split('\n')) if (!/^\s*https?:\/\/\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(78)
    }
  })

  it('drops the same items from the plain text as from the HTML, and the text has a budget too', async () => {
    const templates = await loadTemplates()
    const shown = await briefing()
    const whole = await renderEmail(shown, templates, {lang: 'en', dir: 'ltr', brand})
    expect(whole.dropped).toEqual([])
    // A text budget just under the whole text: some items must go, from both parts.
    const fitted = await renderEmail(shown, templates, {lang: 'en', dir: 'ltr', brand, textBudget: Buffer.byteLength(whole.text) - 1})
    expect(fitted.dropped.length).toBeGreaterThan(0)
    expect(Buffer.byteLength(fitted.text)).toBeLessThan(Buffer.byteLength(whole.text))
    expect(fitted.text).toMatch(/more items? (?:is|are) in the web version/)
    for (const item of fitted.dropped.filter((entry) => entry.kind === 'quote')) {
      const quote = /“([^”]{20,60})/.exec(item.label)?.[1] ?? ''
      expect(fitted.text).not.toContain(quote)
      expect(fitted.html).not.toContain(quote)
    }
  })
})
