import path from 'node:path'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkFigures from './figures.js'
import remarkQuotes from './quotes.js'
import {hasFailed, isolated} from '../load/isolate.js'
import remarkArticleMeta from '../load/meta.js'
import type {Article, ArticleMeta, Figure} from '../types.js'

export interface Options {
  /** Leave out articles without a date (a build needs one; `digest extract` does not). @default true */
  requireDate?: boolean
  /** Called after each article, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

const defaults: Required<Options> = {requireDate: true, onProgress: () => {}}

/**
 * The longest `sentence` a figure keeps, in characters. A figure needs the sentence around it to
 * say what it counts; a "sentence" longer than this is a list or a table flattened into one line,
 * and ten thousand articles holding every such line once per figure is what ran a build out of memory.
 */
export const sentenceCap = 1_000

/**
 * Parses each article on its own (remark-parse is super-linear on one big document) and runs the
 * extract plugins over its tree. Returns plain data: no tree outlives this function. An article
 * with a fatal message (from loading, or anything these steps throw) is left out; its messages
 * stay on its VFile for the caller to report.
 */
export function analyzeArticles(files: VFile[], options?: Options): Article[] {
  const settings = {...defaults, ...options}
  const analyze = createAnalyzer(settings)
  const articles: Article[] = []
  for (const [index, file] of files.entries()) {
    const article = analyze(file)
    settings.onProgress(index + 1, files.length)
    if (article) articles.push(article)
  }
  return articles
}

/** One article's parse and extract, the processor settled once: the unit a worker runs. */
export function createAnalyzer(options?: Pick<Options, 'requireDate'>): (file: VFile) => Article | undefined {
  const settings = {...defaults, ...options}
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkArticleMeta, {requireDate: settings.requireDate})
    .use(remarkQuotes)
    .use(remarkFigures)
    .freeze()
  return (file) => {
    const tree = isolated(file, 'reading quotes and figures', () => processor.runSync(processor.parse(file), file) as Root)
    const meta = file.data.meta
    if (!tree || !meta || file.messages.some((message) => message.fatal)) return undefined
    return {
      ...meta,
      title: meta.title ?? file.stem ?? file.path,
      date: meta.date ?? '',
      id: file.data.id ?? articleId(file.path),
      file: file.path,
      paragraphs: tree.children.filter((node) => node.type === 'paragraph').map((node) => toString(node)),
      quotes: file.data.quotes ?? [],
      figures: (file.data.figures ?? []).map(capSentence)
    }
  }
}

/** What a file's front matter and name say of it, before its body is parsed. */
export interface Dated {
  /** Absent when the article cannot be used: its fatal messages are then on the VFile. */
  meta?: Pick<ArticleMeta, 'date' | 'published' | 'title'>
}

/**
 * Reads an article's date (and front-matter title) without parsing its body: the same plugins
 * as `createAnalyzer` run over the front matter alone, so the date, and whether the article can
 * be used at all, come out exactly as the full analysis will find them. A build reads every file
 * this way and parses only those its window keeps.
 */
export function createDater(options?: Pick<Options, 'requireDate'>): (file: VFile) => Dated {
  const settings = {...defaults, ...options}
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkArticleMeta, {requireDate: settings.requireDate})
    .freeze()
  return (file) => {
    // A file that could not be read (or is not text) already says why: nothing more to find.
    if (hasFailed(file)) return {}
    const head = new VFile({path: file.path, cwd: file.cwd, value: frontMatterOf(String(file.value))})
    head.data = {...file.data}
    isolated(head, 'reading the front matter', () => processor.runSync(frontMatterTree(String(head.value)) ?? processor.parse(head), head))
    for (const message of head.messages) file.messages.push(message)
    const meta = head.data.meta
    if (!meta || head.messages.some((message) => message.fatal)) return {}
    const dated: Dated['meta'] = {date: meta.date ?? '', title: meta.title && meta.title !== head.stem ? meta.title : ''}
    if (meta.published) dated.published = meta.published
    return {meta: dated}
  }
}

/**
 * The front matter block at the start of `text`, fences included, as remark-frontmatter finds
 * it (`---` on the first line, up to the next line that is `---`, trailing blanks allowed);
 * `""` when there is none. Its offsets are the file's own, so messages point at the same places.
 */
export function frontMatterOf(text: string): string {
  if (!/^---[ \t]*(?:\r?\n|$)/.test(text)) return ''
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g
  close.lastIndex = 3
  const end = close.exec(text)
  return end ? text.slice(0, end.index + end[0].length) : text
}

/**
 * The tree remark-parse and remark-frontmatter make of a closed front matter block (from
 * `frontMatterOf`), made without parsing Markdown: one `yaml` node, its value the lines between
 * the fences. Undefined for anything else (no block, or one never closed), which is parsed.
 */
export function frontMatterTree(block: string): Root | undefined {
  const open = /^---[ \t]*\r?\n/.exec(block)
  const close = /\r?\n---[ \t]*(?:\r?\n)?$/.exec(block)
  if (!open || !close || close.index < open[0].length - 1) return undefined
  const start = {line: 1, column: 1, offset: 0}
  const value = block.slice(open[0].length, Math.max(open[0].length, close.index))
  return {type: 'root', children: [{type: 'yaml', value, position: {start, end: pointAfter(block.replace(/\r?\n$/, ''))}}], position: {start, end: pointAfter(block)}}
}

/** The point just after `text`, as unist counts it (lines and columns from 1). */
function pointAfter(text: string) {
  return {line: text.split('\n').length, column: text.length - text.lastIndexOf('\n'), offset: text.length}
}

function capSentence(figure: Figure): Figure {
  if (figure.sentence.length <= sentenceCap) return figure
  const at = Math.max(0, figure.sentence.indexOf(figure.text))
  const room = Math.max(0, Math.floor((sentenceCap - figure.text.length) / 2))
  const start = Math.max(0, at - room)
  return {...figure, sentence: figure.sentence.slice(start, start + sentenceCap)}
}

/** For a VFile made without `loadArticles`: its file name (`content/hostages.md` → `hostages`). */
function articleId(filePath: string) {
  return path.basename(filePath).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
