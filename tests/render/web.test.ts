import {readFile} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import type {Briefing} from '../../src/briefing/chronology.js'
import {cutsOf} from '../../src/render/cuts.js'
import {renderHtml} from '../../src/render/html.js'
import {renderMjml, type RenderedMjml} from '../../src/render/mjml.js'
import {loadTemplates} from '../../src/render/templates.js'
import {renderWebHtml} from '../../src/render/web.js'

const view = {lang: 'en', dir: 'ltr' as const, brand: {name: 'Harbour Desk', color: '#1a4d8f', footer: 'You receive this because you asked for it.'}}

const mjmlOf = (body: string): RenderedMjml => {
  const mjml = `<mjml>\n  <mj-body>\n${body}\n  </mj-body>\n</mjml>`
  return {mjml, lineSources: mjml.split('\n').map(() => 'layout.mjml.hbs')}
}
const section = (inner: string) => `    <mj-section>\n      <mj-column>\n${inner}\n      </mj-column>\n    </mj-section>`

/** Rows in the shapes the minifier treats differently: inline tags around spaces, comments, empty and unsorted attributes. */
function rows(count: number, row = (index: number) => `<tr>\n  <td class="b a" style="" title="  row ${index} ">\n    <span>  day ${index}</span> <b>bold</b>  text <!-- note --> tail\n    <br/><a href="https://example.org/${index}" >link</a>\t&amp; more\n  </td>\n</tr>`) {
  return Array.from({length: count}, (_, index) => row(index)).join('\n        ')
}

describe('the web version, rendered in lifted parts', () => {
  it('is byte for byte what MJML makes of the whole document', async () => {
    const rendered = mjmlOf(
      [
        section(`        <mj-text padding="0">Leading text, <i>then</i> markup ${rows(2000).replace(/<\/?t[rd][^>]*>/g, '')}</mj-text>`),
        section(`        <mj-table>\n        ${rows(1500)}\n        </mj-table>`),
        section(`        <mj-text><ol>${Array.from({length: 1500}, (_, index) => `<li style="margin:0"><a href="https://example.org/${index}">Source ${index}</a> <span class="m">· 1 Jan 2024</span></li>`).join('')}</ol></mj-text>`),
        // Stays in place: a font MJML links to Google Fonts, an Outlook conditional, markup the cutter is unsure of.
        section(`        <mj-table>${rows(700, (index) => `<tr><td style="font-family:Roboto, sans-serif">${index}</td></tr>`)}</mj-table>`),
        section(`        <mj-table>${rows(700, (index) => `<tr><td><!--[if mso]>${index}<![endif]--></td></tr>`)}</mj-table>`),
        section(`        <mj-text>${Array.from({length: 3000}, (_, index) => `<p>unclosed ${index}`).join('\n')}</mj-text>`)
      ].join('\n')
    )
    expect(rendered.mjml.length).toBeGreaterThan(700_000)
    expect(await renderWebHtml(rendered)).toBe(await renderHtml(rendered))
  }, 60_000)

  it('is byte for byte what MJML makes of the whole web version of a thousand-article briefing', async () => {
    const small = JSON.parse(await readFile(new URL('../fixtures/render/small/briefing.json', import.meta.url), 'utf8')) as Briefing
    const articles = Array.from({length: 1000}, (_, index) => small.articles.map((article) => ({...article, id: `${article.id}-${index}`, title: `${article.title} (${index})`}))).flat()
    const rendered = renderMjml({...small, articles}, await loadTemplates(), view)
    expect(rendered.mjml.length).toBeGreaterThan(1_000_000)
    expect(await renderWebHtml(rendered)).toBe(await renderHtml(rendered))
  }, 60_000)

  it('reports invalid MJML as renderHtml does, naming the line and template', async () => {
    const rendered = mjmlOf(section(`        <mj-table>${rows(2000)}</mj-table>\n        <mj-section></mj-section>`))
    await expect(renderWebHtml(rendered)).rejects.toThrow(/email\.mjml:\d+ .*mj-section cannot be used inside mj-column.*written by layout\.mjml\.hbs/)
  })
})

describe('cutsOf', () => {
  it('cuts before top-level tags, leaving white space with the part before', () => {
    const html = '<tr><td>a</td></tr>\n  <tr><td>b <br> c</td></tr> <!-- x --> <tr><td>d</td></tr>'
    expect(cutsOf(html, 1)).toEqual([html.indexOf('<tr><td>b'), html.indexOf('<tr><td>d')])
    expect(cutsOf(html, 1000)).toEqual([])
  })

  it('refuses markup whose parse would reach outside it or that it cannot follow', () => {
    for (const html of ['<p>open', 'text</div>', '<td><td>cell</td></td>', '<p>a<div>b</div></p>', '<script>if (a < b) x()</script>', '<TR></TR>', '<div/>', '<![CDATA[x]]>', '<!-- open', '<a href="x>y']) {
      expect(cutsOf(html, 1), html).toBeUndefined()
    }
    expect(cutsOf('<img src="a>b"> 1 < 2 <a title=\'"\'>x</a>', 1)).toEqual([expect.any(Number) as number])
  })
})
