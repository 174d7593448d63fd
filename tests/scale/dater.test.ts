import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {createAnalyzer, createDater, frontMatterOf, frontMatterTree} from '../../src/extract/analyze.js'
import {loadArticles} from '../../src/load/files.js'

const root = path.resolve(import.meta.dirname, '../..')
const folders = ['content', 'tests/fixtures/wikinews/content', 'tests/fixtures/bad-front-matter/content']

describe('reading the date before the body', () => {
  it('finds the date, and whether the article can be used, as the full analysis does', async () => {
    const files = await loadArticles(folders, root)
    expect(files.length).toBeGreaterThan(50)
    const date = createDater()
    const analyze = createAnalyzer()
    for (const file of files) {
      const early = date(new VFile({path: file.path, value: String(file.value), data: {...file.data}}))
      const full = new VFile({path: file.path, value: String(file.value), data: {...file.data}})
      const article = analyze(full)
      expect(early.meta?.date, file.path).toBe(article?.date)
      expect(early.meta?.published, file.path).toBe(article?.published)
      if (!article) expect(early.meta, file.path).toBeUndefined()
    }
  })

  it('keeps the front matter messages where the whole file puts them', async () => {
    const [broken] = await loadArticles(['tests/fixtures/bad-front-matter/content/2024-05-02-broken-yaml.md'], root)
    const early = new VFile({path: broken!.path, value: String(broken!.value)})
    createDater()(early)
    const full = new VFile({path: broken!.path, value: String(broken!.value)})
    createAnalyzer()(full)
    expect(early.messages.map(String)).toEqual(full.messages.map(String))
    expect(early.messages.length).toBeGreaterThan(0)
  })

  it('cuts the front matter as remark-frontmatter does', () => {
    expect(frontMatterOf('---\ndate: 2024-01-01\n---\n\nBody --- here\n')).toBe('---\ndate: 2024-01-01\n---\n')
    expect(frontMatterOf('---  \r\ntitle: x\r\n---\r\nBody')).toBe('---  \r\ntitle: x\r\n---\r\n')
    expect(frontMatterOf('Body first\n---\n')).toBe('')
    // Never closed: not front matter at all, so the whole text is read as the full analysis would.
    expect(frontMatterOf('---\ntitle: x\nno end')).toBe('---\ntitle: x\nno end')
  })

  it('makes the tree remark-frontmatter makes of a closed block, and leaves any other block to the parser', async () => {
    const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
    const cases = ['---\na: 1\nb: 2\n---\nbody', '---\r\na: 1\r\n---\r\nx', '---  \na: 1\n---\t\n', '---\n---\n', '---\n\na: 1\n\n---', '---\na: |\n  x\n\n---\n']
    const files = (await loadArticles(folders, root)).map((file) => String(file.value))
    let made = 0
    for (const text of [...cases, ...files]) {
      const block = frontMatterOf(text)
      const tree = frontMatterTree(block)
      if (!tree) continue
      made++
      expect(tree, JSON.stringify(block)).toEqual(parser.parse(block))
    }
    expect(made).toBeGreaterThan(cases.length + 50)
    for (const block of ['', '---', '---\n', '---\ntitle: x\nno end']) expect(frontMatterTree(block), block).toBeUndefined()
  })
})
