import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checkEmail} from '../../src/render/check.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = path.join(root, 'bin', 'digest.js')
const page = (body: string, head = '') => `<!doctype html><html lang="en"><head>${head}</head><body>\n${body}\n</body></html>`

describe('checkEmail', () => {
  it('finds images without alt, links that are not http(s) or mailto, and a missing text part, with their places', () => {
    const findings = checkEmail({html: page('<img src="https://example.org/a.png">\n<p><a href="javascript:alert(1)">x</a> <a href="mailto:a@example.org">m</a> <a href="https://example.org">ok</a></p>')})
    const errors = findings.filter((finding) => finding.severity === 'error')
    expect(errors.map((finding) => finding.rule).sort()).toEqual(['img-alt', 'link-scheme', 'text-part'])
    expect(errors.find((finding) => finding.rule === 'img-alt')).toMatchObject({line: 2, column: 1})
    expect(errors.find((finding) => finding.rule === 'link-scheme')).toMatchObject({line: 3, column: 4, message: expect.stringContaining('javascript:alert(1)')})
  })

  it('reports HTML over the budget as an error', () => {
    const html = page(`<p>${'x'.repeat(2000)}</p>`)
    expect(checkEmail({html, text: 'x', budget: 1000}).filter((finding) => finding.rule === 'size')).toHaveLength(1)
    expect(checkEmail({html, text: 'x', budget: 10_000}).filter((finding) => finding.rule === 'size')).toHaveLength(0)
  })

  it('flags CSS that Gmail, Outlook or Apple Mail do not support, once per feature, from caniemail data', () => {
    const findings = checkEmail({html: page('<div style="display:flex;overflow:hidden">a</div>\n<div style="overflow:auto;border-radius:8px">b</div>'), text: 'a b'})
    const overflow = findings.filter((finding) => finding.message.startsWith('Unsupported: overflow'))
    expect(overflow).toHaveLength(1)
    expect(overflow[0]).toMatchObject({severity: 'warning', rule: 'caniemail-unsupported', message: expect.stringContaining('Outlook (Windows)')})
    // Square corners change only the looks: a note, not a warning.
    expect(findings.find((finding) => finding.message.includes('border-radius'))).toMatchObject({severity: 'info', rule: 'caniemail-unsupported'})
    // Flex layout falls apart where unsupported: that is an error, not a warning.
    expect(findings.find((finding) => finding.message.includes('display:flex'))).toMatchObject({severity: 'error'})
  })

  it('reports a feature at the template line that writes it, and MJML\'s own features in one note', () => {
    const template = {file: 'templates/partials/box.hbs', text: '<mj-text>\n  <div style="color:{{@root.colors.accent}};overflow:hidden">{{text}}</div>\n</mj-text>'}
    const html = page('<table style="table-layout:fixed"><tr><td><div style="color:#123456;overflow:hidden">x</div></td></tr></table>')
    const findings = checkEmail({html, text: 'x', templates: [template]})
    expect(findings.find((finding) => finding.message.includes('overflow'))).toMatchObject({severity: 'warning', file: 'templates/partials/box.hbs', line: 2, column: 3})
    const own = findings.filter((finding) => finding.rule === 'mjml-output')
    expect(own).toHaveLength(1)
    expect(own[0]?.message).toContain('table-layout')
    expect(findings.some((finding) => finding.rule.startsWith('caniemail') && finding.message.includes('table-layout'))).toBe(false)
  })

  it('measures text contrast under the dark-mode rules: light text left on a card that stays light is an error at the rule\'s line', () => {
    const sheet = '<style>\n@media (prefers-color-scheme: dark) {\n  .dm-page > div { background-color: #17181a !important; }\n  .dm-card .dm-text p { color: #f0f0f0 !important; }\n}\n</style>'
    const template = {file: 'my-templates/layout.mjml.hbs', text: `<mjml>\n<mj-head><mj-style>\n${sheet.slice(8, -9)}\n</mj-style></mj-head>`}
    const body = (card: string) => `<div class="dm-page"><div style="background-color:#efebe3"><div class="dm-card" style="background-color:${card}"><table><tr><td class="dm-text"><p style="color:#1f2328;font-size:16px">Talks resumed.</p><p style="color:#1f2328;font-size:16px;font-weight:bold">Eighteen words.</p></td></tr></table></div></div></div>`
    const findings = checkEmail({html: page(body('#ffffff'), sheet), text: 'x', templates: [template]}).filter((finding) => finding.rule === 'dark-contrast')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({severity: 'error', file: 'my-templates/layout.mjml.hbs', line: 5, message: expect.stringMatching(/^Unexpected contrast 1\.\d\d:1 in dark mode \(text #f0f0f0 .* on #ffffff .*expected at least 4\.5:1$/)})
    // The same text on a dark card reads; `.dm-page > div` paints only the page's own child, never the card.
    expect(checkEmail({html: page(body('#202124'), sheet), text: 'x'}).filter((finding) => finding.rule === 'dark-contrast')).toEqual([])
    // An email without a dark-mode block is left to the client: nothing to measure.
    expect(checkEmail({html: page(body('#ffffff')), text: 'x'}).filter((finding) => finding.rule === 'dark-contrast')).toEqual([])
  })

  it('places a bad link at its line of the MJML, not in minified HTML', () => {
    const mjml = {file: 'email.mjml', text: '<mjml>\n<mj-body>\n<mj-text><a href="ftp://example.org/x">x</a></mj-text>\n</mj-body>\n</mjml>'}
    const findings = checkEmail({html: page('<p><a href="ftp://example.org/x">x</a></p>'), text: 'x', mjml})
    expect(findings.find((finding) => finding.rule === 'link-scheme')).toMatchObject({file: 'email.mjml', line: 3, column: 19})
  })

  it('never cuts a note inside a word or a link', () => {
    const findings = checkEmail({html: page('<div style="border-radius:4px">a</div>'), text: 'a'})
    const message = findings.find((finding) => finding.message.includes('border-radius'))?.message ?? ''
    expect(message).toMatch(/\(Round corners can be used in VML with the `RoundRect` element\.\)$/)
    expect(message).not.toMatch(/\]\(|documentat\b/)
  })
})

describe('digest check', () => {
  let work: string
  let dir: string

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'digest-check-'))
    await cp(path.join(root, 'content'), path.join(work, 'content'), {recursive: true})
    await cp(path.join(root, 'digest.config.yaml'), path.join(work, 'digest.config.yaml'))
    const built = spawnSync(process.execPath, [bin, 'build', '--json'], {cwd: work, encoding: 'utf8'})
    expect(built.status, built.stderr).toBe(0)
    dir = (JSON.parse(built.stdout) as {dir: string}).dir
  }, 60_000)

  afterAll(async () => {
    await rm(work, {recursive: true, force: true})
  })

  it('passes the sample briefing with no errors, under the budget, and prints file:line:column findings', async () => {
    const result = spawnSync(process.execPath, [bin, 'check'], {cwd: work, encoding: 'utf8'})
    expect(result.status, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).not.toMatch(/\serror\s/)
    // Features are placed in the template that writes them; MJML's own are one note.
    expect(result.stdout).toMatch(/templates\/partials\/timeline\.hbs:\d+:\d+ {2}info {2}Unsupported: border-radius in Outlook \(Windows\).* {2}caniemail-unsupported$/m)
    expect(result.stdout.match(/mjml-output$/gm)).toHaveLength(1)
    expect(result.stdout).not.toMatch(/index\.html:\d+:\d+ {2}\w+ {2}(Unsupported|Partly)/)
    expect(result.stderr).toMatch(/0 errors/)
    expect(Buffer.byteLength(await readFile(path.join(dir, 'index.html')))).toBeLessThan(102_400)
  })

  it('finds no dark-mode contrast error in the default templates, and one when an override makes the card light in dark mode', async () => {
    const clean = spawnSync(process.execPath, [bin, 'check', path.relative(work, dir), '--json'], {cwd: work, encoding: 'utf8'})
    expect((JSON.parse(clean.stdout) as {findings: {ruleId: string}[]}).findings.filter((finding) => finding.ruleId === 'dark-contrast')).toEqual([])
    const layout = await readFile(path.join(root, 'templates', 'layout.mjml.hbs'), 'utf8')
    const light = layout.replace(/(\.dm-card, \.dm-card > table \{ background-color: )#[0-9a-f]+/i, '$1#f4f1ea')
    expect(light).not.toBe(layout)
    await mkdir(path.join(work, 'light'), {recursive: true})
    await writeFile(path.join(work, 'light', 'layout.mjml.hbs'), light)
    const built = spawnSync(process.execPath, [bin, 'build', '--templates', 'light', '--out', 'out-light', '--json'], {cwd: work, encoding: 'utf8'})
    expect(built.status, built.stderr).toBe(0)
    const lightDir = (JSON.parse(built.stdout) as {dir: string}).dir
    const result = spawnSync(process.execPath, [bin, 'check', path.relative(work, lightDir), '--templates', 'light', '--json'], {cwd: work, encoding: 'utf8'})
    expect(result.status).toBe(1)
    const dark = (JSON.parse(result.stdout) as {findings: {ruleId: string; severity: string; file: string; line: number; reason: string}[]}).findings.filter((finding) => finding.ruleId === 'dark-contrast')
    expect(dark.length).toBeGreaterThan(0)
    expect(dark[0]).toMatchObject({severity: 'error', file: path.join('light', 'layout.mjml.hbs'), reason: expect.stringContaining('on #f4f1ea')})
    const darkBlock = light.split('\n').findIndex((line) => line.includes('prefers-color-scheme: dark')) + 1
    expect(dark[0]!.line).toBeGreaterThan(darkBlock)
  }, 60_000)

  it('exits 1 on an error and describes it in --json', async () => {
    const html = await readFile(path.join(dir, 'index.html'), 'utf8')
    await writeFile(path.join(dir, 'index.html'), html.replace('</body>', '<img src="https://example.org/pixel.gif"></body>'))
    await rm(path.join(dir, 'index.txt'))
    const result = spawnSync(process.execPath, [bin, 'check', path.relative(work, dir), '--json'], {cwd: work, encoding: 'utf8'})
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout) as {errors: number; findings: {ruleId: string; severity: string; line: number}[]}
    expect(report.errors).toBe(2)
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId).sort()).toEqual(['img-alt', 'text-part'])
  })

  it('exits 1 with a message when the folder holds no briefing', () => {
    const result = spawnSync(process.execPath, [bin, 'check', 'nowhere'], {cwd: work, encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Cannot read nowhere\/index\.html/)
  })
})
