import path from 'node:path'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import remarkFigures from './figures.js'
import remarkQuotes from './quotes.js'
import {isolated} from '../load/isolate.js'
import remarkArticleMeta from '../load/meta.js'
import type {Article} from '../types.js'

export interface Options {
  /** Leave out articles without a date (a build needs one; `digest extract` does not). @default true */
  requireDate?: boolean
  /** Called after each article, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

const defaults: Required<Options> = {requireDate: true, onProgress: () => {}}

/**
 * Parses each article on its own (remark-parse is super-linear on one big document) and runs the
 * extract plugins over its tree. Returns plain data: no tree outlives this function. An article
 * with a fatal message (from loading, or anything these steps throw) is left out; its messages
 * stay on its VFile for the caller to report.
 */
export function analyzeArticles(files: VFile[], options?: Options): Article[] {
  const settings = {...defaults, ...options}
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkArticleMeta, {requireDate: settings.requireDate})
    .use(remarkQuotes)
    .use(remarkFigures)
    .freeze()
  const articles: Article[] = []
  for (const [index, file] of files.entries()) {
    const tree = isolated(file, 'reading quotes and figures', () => processor.runSync(processor.parse(file), file) as Root)
    settings.onProgress(index + 1, files.length)
    const meta = file.data.meta
    if (!tree || !meta || file.messages.some((message) => message.fatal)) continue
    articles.push({
      ...meta,
      title: meta.title ?? file.stem ?? file.path,
      date: meta.date ?? '',
      id: file.data.id ?? articleId(file.path),
      file: file.path,
      paragraphs: tree.children.filter((node) => node.type === 'paragraph').map((node) => toString(node)),
      quotes: file.data.quotes ?? [],
      figures: file.data.figures ?? []
    })
  }
  return articles
}

/** For a VFile made without `loadArticles`: its file name (`content/hostages.md` → `hostages`). */
function articleId(filePath: string) {
  return path.basename(filePath).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
