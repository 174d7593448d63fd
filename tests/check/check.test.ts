import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
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
    const findings = checkEmail({html: page('<div style="display:flex;border-radius:4px">a</div>\n<div style="border-radius:8px">b</div>'), text: 'a b'})
    const radius = findings.filter((finding) => finding.message.includes('border-radius'))
    expect(radius).toHaveLength(1)
    expect(radius[0]).toMatchObject({severity: 'warning', rule: 'caniemail-unsupported', message: expect.stringContaining('Outlook (Windows)')})
    // Flex layout falls apart where unsupported: that is an error, not a warning.
    expect(findings.find((finding) => finding.message.includes('display:flex'))).toMatchObject({severity: 'error'})
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
    expect(result.stdout).toMatch(/^out\/[^/]+\/index\.html:\d+:\d+ {2}(warning|info) {2}.+ {2}caniemail-(unsupported|partial)$/m)
    expect(result.stderr).toMatch(/0 errors/)
    expect(Buffer.byteLength(await readFile(path.join(dir, 'index.html')))).toBeLessThan(102_400)
  })

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
