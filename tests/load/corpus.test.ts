import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {loadArticles} from '../../src/load/files.js'
import {badCases, type BadCase} from '../fixtures/bad/corpus.js'
import {contentWith, expectExactOffsets, goodArticles, repoRoot} from './helpers.js'

describe('the bad-input corpus', () => {
  it('holds at least 40 kinds, each with its own file name', () => {
    expect(badCases.length).toBeGreaterThanOrEqual(40)
    expect(new Set(badCases.map((bad) => bad.name)).size).toBe(badCases.length)
  })

  it.each(badCases.map((bad) => [bad.kind, bad] as const))('%s: a positioned message, the good articles still read', async (_, bad) => {
    const root = await contentWith([bad])
    const files = await loadArticles(['content'], root)
    const articles = analyzeArticles(files)
    const file = files.find((candidate) => candidate.basename === bad.name)
    expect(file).toBeDefined()
    if (!file) return
    for (const name of goodArticles) {
      const good = articles.find((article) => article.file === `content/${name}`)
      expect(good?.quotes.length).toBeGreaterThan(0)
      expect(files.find((candidate) => candidate.basename === name)?.messages).toEqual([])
    }
    const fatal = file.messages.filter((message) => message.fatal)
    const warnings = file.messages.filter((message) => message.fatal === false)
    const article = articles.find((candidate) => candidate.file === file.path)
    for (const message of file.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1)
      expect(message.column).toBeGreaterThanOrEqual(1)
      expect(message.reason).toMatch(/^Unexpected .+, expected /)
    }
    if (bad.expect.severity === 'error') {
      expect(article).toBeUndefined()
      expect(fatal.map((message) => message.reason).join('\n')).toMatch(bad.expect.reason ?? /./)
      if (bad.expect.line) expect(fatal[0]?.line).toBe(bad.expect.line)
    } else {
      expect(fatal.map((message) => message.reason)).toEqual([])
      expect(article).toBeDefined()
      if (bad.expect.severity === 'warning') {
        expect(warnings.map((message) => message.reason).join('\n')).toMatch(bad.expect.reason ?? /./)
        if (bad.expect.line) expect(warnings[0]?.line).toBe(bad.expect.line)
      } else {
        expect(warnings.map((message) => message.reason)).toEqual([])
      }
    }
    for (const read of articles) {
      const source = files.find((candidate) => candidate.path === read.file)
      if (source) expectExactOffsets(read, source)
      // Nothing unprintable and no number JSON cannot hold goes on to the email or `extract --json`.
      const json = JSON.stringify(read)
      expect(json).not.toMatch(/\\u000[0-8]|\\u001[0-9a-f]|:null/)
    }
  }, 60_000)

  it('gives two articles that would share an id two ids, and says so', async () => {
    const root = await contentWith([
      {kind: '', name: '2023-11-21 x y.md', bytes: '---\ntitle: One\n---\n\n“One,” said Ana Ruiz.\n', expect: {severity: 'read'}},
      {kind: '', name: '2023-11-21-x-y.md', bytes: '---\ntitle: Two\n---\n\n“Two,” said Ana Ruiz.\n', expect: {severity: 'read'}},
      {kind: '', name: '2023-11-21-X-Y-2.md', bytes: '---\ntitle: Three\n---\n\nThree.\n', expect: {severity: 'read'}},
      {kind: '', name: 'договор.md', bytes: '---\ntitle: Four\ndate: 2023-11-21\n---\n\nFour.\n', expect: {severity: 'read'}},
      {kind: '', name: 'переговоры.md', bytes: '---\ntitle: Five\ndate: 2023-11-21\n---\n\nFive.\n', expect: {severity: 'read'}}
    ], {good: false})
    const files = await loadArticles(['content'], root)
    const articles = analyzeArticles(files)
    const ids = articles.map((article) => article.id)
    expect(new Set(ids).size).toBe(5)
    expect(ids).toContain('договор')
    const warned = files.flatMap((file) => file.messages.map((message) => `${file.basename}: ${message.reason}`))
    expect(warned).toEqual([expect.stringMatching(/^2023-11-21-x-y\.md: Unexpected id `2023-11-21-x-y` already taken by content\/2023-11-21 x y\.md, expected a file name of its own: this article's id is `2023-11-21-x-y-3`$/)])
  })

  it('reads nothing through a non-regular file given by name, without waiting on it', async () => {
    const fifo = badCases.find((bad) => bad.kind.includes('FIFO')) as BadCase
    const root = await contentWith([fifo], {good: false})
    const [file] = await loadArticles([path.join('content', fifo.name)], root)
    expect(file?.messages[0]?.reason).toMatch(fifo.expect.reason as RegExp)
    expect(await readdir(path.join(root, 'content'))).toEqual([fifo.name])
    expect(await readFile(path.join(repoRoot, 'tests/fixtures/bad/corpus.ts'), 'utf8')).toContain(fifo.kind)
  })
})
