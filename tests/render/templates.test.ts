import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Briefing} from '../../src/briefing/chronology.js'
import {DigestError} from '../../src/errors.js'
import {renderHtml} from '../../src/render/html.js'
import {renderMjml} from '../../src/render/mjml.js'
import {loadTemplates} from '../../src/render/templates.js'

const fixtures = fileURLToPath(new URL('../fixtures/render/', import.meta.url))
const view = {lang: 'en', dir: 'ltr' as const, brand: {name: 'Harbour Desk', color: '#1a4d8f', footer: 'Footer text.'}}
const briefing = JSON.parse(await readFile(path.join(fixtures, 'small', 'briefing.json'), 'utf8')) as Briefing

describe('--templates overrides', () => {
  it('lets one replaced partial win and falls back to the defaults for the rest', async () => {
    const templates = await loadTemplates(path.join(fixtures, 'override-quote'))
    expect(templates.partials.quote?.file).toContain(path.join('override-quote', 'partials', 'quote.hbs'))
    expect(templates.partials.timeline?.file).not.toContain('override-quote')
    const html = await renderHtml(renderMjml(briefing, templates, view))
    expect(html).toContain('<p class="custom-quote">We will keep the ferries running through every phase (Amina Okafor)</p>')
    // Escaping does not depend on the template: the override sees escaped text too.
    expect(html).toContain('The papers said &#123;&#123;budget&#125;&#125; and &lt;mj-text&gt;; we cannot vote on that (unattributed)')
    expect(html).toContain('TIMELINE')
  })

  it('reports a template syntax error with the template file, line and column', async () => {
    const templates = await loadTemplates(path.join(fixtures, 'override-broken'))
    let error: unknown
    try {
      renderMjml(briefing, templates, view)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DigestError)
    const place = (error as DigestError).place
    expect(place?.file).toContain(path.join('override-broken', 'partials', 'footer.hbs'))
    expect(place?.line).toBe(3)
    expect(place?.column).toBe(28)
    expect((error as Error).message).toMatch(/Unexpected template syntax in .*footer\.hbs/)
  })

  it('names the template that wrote an invalid MJML line', async () => {
    const templates = await loadTemplates(path.join(fixtures, 'override-invalid-mjml'))
    const rendered = renderMjml(briefing, templates, view)
    const line = rendered.mjml.split('\n').findIndex((text) => text.includes('<mj-section><mj-text>')) + 1
    expect(line).toBeGreaterThan(0)
    await expect(renderHtml(rendered)).rejects.toThrow(new RegExp(`email\\.mjml:${line} .*mj-text cannot be used inside mj-section.*written by .*override-invalid-mjml/partials/series\\.hbs`))
  })
})
