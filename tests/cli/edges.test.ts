import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runDigest} from './run.js'

async function folder(files: Record<string, string>) {
  const root = await mkdtemp(path.join(tmpdir(), 'digest-edges-'))
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), {recursive: true})
    await writeFile(path.join(root, name), text)
  }
  return root
}

const config = 'window: all\ntopics:\n  - name: Captives\n    keywords: [hostage, captive]\n'

describe('edges of digest build and extract', () => {
  it('keeps two files of the same name in different folders apart', async () => {
    const root = await folder({
      'digest.config.yaml': config,
      'content/a/story.md': '---\ntitle: One\ndate: 2024-05-01\n---\n\n“We will bring every hostage home,” said Jane Roe, the envoy.\n',
      'content/b/story.md': '---\ntitle: Two\ndate: 2024-05-02\n---\n\n“No hostage deal is close,” said John Doe, the minister.\n'
    })
    const result = await runDigest(['build', '--json'], {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    const data = JSON.parse(await readFile(JSON.parse(result.stdout).data, 'utf8')) as {articles: {id: string; title: string}[]; topics: {quotes: {speaker: string; article: string}[]}[]}
    expect(data.articles.map((article) => `${article.id} ${article.title}`)).toEqual(['a-story One', 'b-story Two'])
    const quotes = data.topics.flatMap((topic) => topic.quotes).map((quote) => `${quote.speaker} ${quote.article}`).sort()
    expect(quotes).toEqual(['Jane Roe a-story', 'John Doe b-story'])
  })

  it('shows a topic whose only item is a figure over time', async () => {
    const root = await folder({
      'digest.config.yaml': config,
      'content/2024-05-01-a.md': '---\ntitle: Early count\ndate: 2024-05-01\n---\n\nThe group holds at least 199 hostages in Gaza, officials said.\n',
      'content/2024-05-20-b.md': '---\ntitle: Later count\ndate: 2024-05-20\n---\n\nThe group still holds 135 hostages in Gaza, officials said.\n'
    })
    const result = await runDigest(['build', '--json'], {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    const summary = JSON.parse(result.stdout) as {html: string; text: string}
    const text = await readFile(summary.text, 'utf8')
    expect(text).toMatch(/CAPTIVES/)
    expect(text).toMatch(/at least 199 → 135/)
    expect(await readFile(summary.html, 'utf8')).toMatch(/at least 199\s*→\s*135/)
  })

  it('counts a byte-order mark in extract offsets, as the file is read', async () => {
    const root = await folder({'a.md': '\uFEFF---\ntitle: T\n---\n\n“We will meet again,” said Ana Ruiz.\n'})
    const result = await runDigest(['extract', 'a.md', '--json'], {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    const [quote] = (JSON.parse(result.stdout) as {quotes: {text: string; start: number; end: number}[]}).quotes
    const content = await readFile(path.join(root, 'a.md'), 'utf8')
    expect(quote && content.slice(quote.start, quote.end)).toBe('We will meet again,')
  })

  it('prints article errors on stderr with --json too, and keeps them in the result', async () => {
    const root = await folder({
      'digest.config.yaml': config,
      'content/2024-05-01-a.md': '---\ntitle: Fine\ndate: 2024-05-01\n---\n\n“Every hostage matters,” said Jane Roe.\n',
      'content/bad.md': '---\ntitle: Bad\ndate: 2024-05-99\n---\n\nText.\n'
    })
    const result = await runDigest(['build', '--json'], {cwd: root})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('content/bad.md:3:7  error  Unexpected `date` value "2024-05-99"')
    expect((JSON.parse(result.stdout) as {messages: {file: string}[]}).messages.map((message) => message.file)).toContain('content/bad.md')
  })

  it('treats a --from that is not one address as wrong usage', async () => {
    const result = await runDigest(['send', '--dry-run', '--to', 'reader@example.org', '--from', 'not an address'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--from|from/)
  })
})
