import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {loadArticles} from '../../src/load/files.js'
import {analyzeArticles} from '../../src/extract/analyze.js'

const fixtures = path.join(import.meta.dirname, '../fixtures')

function article(name: string, value: string) {
  return new VFile({path: `content/${name}`, value})
}

describe('load', () => {
  it('finds .md, .markdown and .txt recursively in name order, skipping READMEs and other files', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'digest-load-'))
    await mkdir(path.join(root, 'content/2024'), {recursive: true})
    for (const name of ['b.md', 'a.txt', '2024/c.markdown', 'README.md', 'notes.json', '.hidden.md']) {
      await writeFile(path.join(root, 'content', name), '\uFEFF---\ntitle: T\ndate: 2024-01-01\n---\n\nText.\n')
    }
    const files = await loadArticles(['content'], root)
    expect(files.map((file) => file.path)).toEqual(['content/2024/c.markdown', 'content/a.txt', 'content/b.md'])
    expect(String(files[0]?.value).startsWith('---')).toBe(true)
  })

  it('names a missing folder', async () => {
    await expect(loadArticles(['nope'], fixtures)).rejects.toThrow(/Unexpected missing folder `nope\/`, expected a folder of articles/)
  })
})

describe('parse', () => {
  it('reads front matter into the article and keeps exact offsets into the file', () => {
    const value = '---\ntitle: Talks resume\ndate: 2024-03-04\nsource: Example Post\nurl: https://example.org/a\n---\n\n“We are ready to talk,” said Ana Ruiz, the envoy.\n'
    const [parsed] = analyzeArticles([article('talks.md', value)])
    expect(parsed).toMatchObject({id: 'talks', title: 'Talks resume', date: '2024-03-04', source: 'Example Post', url: 'https://example.org/a'})
    for (const quote of parsed?.quotes ?? []) expect(value.slice(quote.start, quote.end)).toBe(quote.text)
    expect(parsed?.quotes[0]?.text).toBe('We are ready to talk,')
  })

  it('reports every front matter issue at its key and leaves the article out', () => {
    const file = article('bad.md', '---\ntitle: ""\ndate: 2024-02-30\nurl: ftp://x\n---\n\nText.\n')
    expect(analyzeArticles([file])).toEqual([])
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '2:8 Unexpected `title` value "", expected a title as text',
      '3:7 Unexpected `date` value "2024-02-30", expected a date as YYYY-MM-DD, or a time with its offset as 2023-11-23T22:30:00-05:00',
      '4:6 Unexpected `url` value "ftp://x", expected an http(s) URL'
    ])
    expect(file.messages.every((message) => message.fatal)).toBe(true)
  })

  it('takes a plain-text headline as the title and the date from a YYYY-MM-DD file-name prefix', () => {
    const [parsed] = analyzeArticles([article('2025-03-05-talks.txt', 'U.S. and Hamas Engage in Direct Negotiations\n\n\nOfficials met in Doha.\n')])
    expect(parsed).toMatchObject({title: 'U.S. and Hamas Engage in Direct Negotiations', date: '2025-03-05', paragraphs: ['Officials met in Doha.']})
  })

  it('never invents a date: without one the article is reported, unless dates are optional', () => {
    const file = article('undated.txt', 'Officials met in Doha on Tuesday.\n')
    expect(analyzeArticles([file])).toEqual([])
    expect(file.messages[0]?.reason).toBe('Unexpected missing date, expected a `date:` in front matter or a YYYY-MM-DD file-name prefix')
    const optional = article('undated.txt', 'Officials met in Doha on Tuesday.\n')
    expect(analyzeArticles([optional], {requireDate: false})[0]).toMatchObject({date: '', paragraphs: ['Officials met in Doha on Tuesday.']})
  })

  it('goes on with the other articles after a bad one', () => {
    const files = [article('bad.md', '---\ndate: [\n---\n\nText.\n'), article('2024-01-02-good.txt', 'A first paragraph.\n')]
    expect(analyzeArticles(files).map((parsed) => parsed.id)).toEqual(['2024-01-02-good'])
    expect(files[0]?.messages[0]).toMatchObject({line: 2, fatal: true})
  })
})
