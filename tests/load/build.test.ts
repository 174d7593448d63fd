import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {badCases} from '../fixtures/bad/corpus.js'
import {digestBin, runDigest} from '../cli/run.js'
import {contentWith, repoRoot} from './helpers.js'

const outputs = ['digest.json', 'email.eml', 'email.mjml', 'index.html', 'index.txt', 'web.html']

async function snapshot(dir: string) {
  const names = (await readdir(dir)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8').catch(() => '(folder)')])))
}

describe('digest build over the whole bad-input corpus', () => {
  it('reports every bad file at file:line:column, builds the good articles, and replaces the briefing as a whole', async () => {
    const root = await contentWith([])
    const first = await runDigest(['build', '--week', '2023-W47'], {cwd: root})
    expect(first.code, first.stderr).toBe(0)
    const briefing = path.join(root, 'out/2023-W47')
    // What a build killed mid-way leaves: a half-written folder, and a replaced one still holding the ledger.
    await mkdir(path.join(root, 'out/.2023-W47.building-2147483-0a0b'), {recursive: true})
    await writeFile(path.join(root, 'out/.2023-W47.building-2147483-0a0b/index.html'), 'half')
    await mkdir(path.join(root, 'out/.2023-W47.old-2147484-0c0d'))
    await writeFile(path.join(root, 'out/.2023-W47.old-2147484-0c0d/send-ledger.jsonl'), '{"key":"a@example.org"}\n')

    await contentWith(badCases).then(async (other) => {
      for (const bad of badCases) {
        const file = path.join(root, 'content', bad.name)
        if (bad.make) bad.make(file)
        else await writeFile(file, await readFile(path.join(other, 'content', bad.name)))
      }
    })
    const second = await runDigest(['build', '--week', '2023-W47'], {cwd: root})
    expect(second.code).toBe(1)
    for (const bad of badCases.filter((candidate) => candidate.expect.severity !== 'read')) {
      const line = second.stderr.split('\n').find((text) => text.startsWith(`content/${bad.name}:`) && text.includes(`  ${bad.expect.severity}  `))
      expect(line, bad.kind).toMatch(new RegExp(`^content/[^:]+:\\d+:\\d+  ${bad.expect.severity}  Unexpected `))
    }
    expect(second.stderr).not.toMatch(/ at .*\.js:\d+|RangeError|ReferenceError|TypeError/)
    const data = JSON.parse(await readFile(path.join(briefing, 'digest.json'), 'utf8')) as {articles: {file?: string; title: string}[]}
    expect(JSON.stringify(data)).toContain('How the first hostage deal came together')
    expect((await readdir(briefing)).sort()).toEqual([...outputs, 'send-ledger.jsonl'].sort())
    // Beside the briefing only the archive of briefings (index.html, feed.xml): no temporaries left.
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['2023-W47', 'feed.xml', 'index.html'])
    expect(await readFile(path.join(briefing, 'index.html'), 'utf8')).not.toMatch(/[\u0000-\u0008\u000E-\u001F]/)
  }, 300_000)

  it('leaves the last good briefing untouched when a template makes invalid MJML', async () => {
    const root = await contentWith([])
    expect((await runDigest(['build', '--week', '2023-W47'], {cwd: root})).code).toBe(0)
    const briefing = path.join(root, 'out/2023-W47')
    const before = await snapshot(briefing)
    // A footer partial that puts text straight in a section: every briefing has a footer.
    await mkdir(path.join(root, 'my-templates/partials'), {recursive: true})
    await writeFile(path.join(root, 'my-templates/partials/footer.hbs'), '<mj-section><mj-text>{{footer}}</mj-text></mj-section>\n')
    const failed = await runDigest(['build', '--week', '2023-W47', '--templates', 'my-templates'], {cwd: root})
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/^out\/2023-W47\.failed\.mjml:\d+:1  Unexpected MJML/m)
    expect(await snapshot(briefing)).toEqual(before)
    expect(existsSync(path.join(root, 'out/2023-W47.failed.mjml'))).toBe(true)
  }, 300_000)

  it('prints every file\'s error when every article is bad', async () => {
    const bad = badCases.filter((candidate) => candidate.expect.severity === 'error' && !candidate.make)
    const root = await contentWith(bad, {good: false})
    const run = await runDigest(['build'], {cwd: root})
    expect(run.code).toBe(1)
    for (const each of bad) expect(run.stderr).toContain(`content/${each.name}:`)
    expect(run.stderr).toMatch(/No articles between/)
  }, 300_000)

  it('runs nothing a .mjmlconfig in the working folder names', async () => {
    const root = await contentWith([])
    await writeFile(path.join(root, '.mjmlconfig'), JSON.stringify({packages: ['./evil.js']}))
    await writeFile(path.join(root, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(path.join(root, 'ran'))}, 'x'); module.exports = {}`)
    const run = await runDigest(['build', '--week', '2023-W47'], {cwd: root})
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(path.join(root, 'ran'))).toBe(false)
    await rm(root, {recursive: true})
  }, 300_000)

  it('names the config key and place for an alias bomb or a line break in the subject', async () => {
    const root = await contentWith([])
    const bomb = badCases[0]?.bytes as string
    await writeFile(path.join(root, 'digest.config.yaml'), bomb.replace(/^---\n/, '').replace(/---\n\nText\.\n$/, ''))
    const bombed = await runDigest(['build'], {cwd: root})
    expect(bombed.code).toBe(1)
    expect(bombed.stderr).toMatch(/digest\.config\.yaml:\d+:\d+  Unexpected YAML aliases in config/)
    await writeFile(path.join(root, 'digest.config.yaml'), 'email:\n  subject: "Hello\\r\\nBcc: everyone@example.org"\n')
    const injected = await runDigest(['build'], {cwd: root})
    expect(injected.code).toBe(1)
    expect(injected.stderr).toMatch(/digest\.config\.yaml:2:\d+ {2}email\.subject: Unexpected line break/)
  }, 300_000)

  it('stops quietly when the reader of its output goes away (`digest extract … | head -1`)', async () => {
    const child = spawn(process.execPath, [digestBin, 'extract', '--json', 'tests/fixtures/wikinews/content'], {cwd: repoRoot, env: {...process.env, CI: '1'}})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).not.toMatch(/EPIPE|Error:/)
    expect([0, 1]).toContain(code)
  }, 300_000)
})
