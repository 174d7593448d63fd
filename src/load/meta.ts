import path from 'node:path'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {z} from 'zod'
import type {ArticleMeta} from '../types.js'
import {listIssues, yamlLocator} from '../validate.js'
import {frontMatterLimits, parseYaml} from './yaml.js'

export interface Options {
  /** Leave out (with an error message) an article that has no date. @default true */
  requireDate?: boolean
}

const defaults: Required<Options> = {requireDate: true}

declare module 'vfile' {
  interface DataMap {
    /** Set when the article can be used; absent after a fatal message. */
    meta: Partial<ArticleMeta>
  }
}

/** An opening `---` and a `key:` line but no closing fence: front matter that never ends. */
const unclosedFence = /^---[ \t]*\r?\n[A-Za-z_][\w-]*:/
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/
const fileNameDate = /^(\d{4}-\d{2}-\d{2})(?=$|[^\d])/

const expectations: Record<string, string> = {
  title: 'a title as text',
  date: 'a date as YYYY-MM-DD, or a time with its offset as 2023-11-23T22:30:00-05:00',
  dateNote: 'a note as text',
  source: 'the outlet as text',
  url: 'an http(s) URL'
}

/** YAML escapes (`"\0"`, `"\e"`) can write what the file itself may not hold: control characters. */
const text = z.string().regex(/^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/, 'text without control characters')

const frontMatterSchema = z.looseObject({
  title: text.trim().min(1).optional(),
  date: z.union([z.string().regex(isoDate).refine(isRealDate), z.iso.datetime({offset: true})]).optional(),
  dateNote: text.optional(),
  source: text.trim().min(1).optional(),
  url: z.url({protocol: /^https?$/}).optional()
})

/**
 * Reads what an article says about itself: YAML front matter (validated, every issue reported
 * at its key), else a headline on the first line of a plain-text file, and a date from a
 * `YYYY-MM-DD` file-name prefix. A date is never invented: without one the article is reported
 * and, when dates are required, left out.
 */
export default function remarkArticleMeta(options?: Options) {
  const settings = {...defaults, ...options}
  return function (tree: Root, file: VFile) {
    const meta: Partial<ArticleMeta> = {}
    const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
    let usable = true

    if (frontMatter) {
      // The YAML text starts on the line after the opening fence.
      const baseLine = (frontMatter.position?.start.line ?? 1)
      const yaml = parseYaml(frontMatter.value, frontMatterLimits)
      if (!yaml.ok) {
        fatal(file, yaml.reason, {line: yaml.line + baseLine, column: yaml.column}, 'front-matter')
        return
      }
      const {document, lineCounter} = yaml
      const data: unknown = yaml.value ?? {}
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        fatal(file, 'Unexpected front matter, expected a mapping of keys such as `title:` and `date:`', frontMatter.position?.start, 'front-matter')
        return
      }
      const parsed = frontMatterSchema.safeParse(data)
      if (!parsed.success) {
        for (const issue of listIssues(parsed.error, yamlLocator(document, lineCounter, baseLine))) {
          const key = issue.keyPath
          const value = (data as Record<string, unknown>)[key.split('.')[0] ?? '']
          const reason = value === undefined
            ? `Unexpected missing \`${key}\`, expected ${expectations[key] ?? 'a value'}`
            : `Unexpected \`${key}\` value ${JSON.stringify(value)}, expected ${expectations[key] ?? issue.message}`
          fatal(file, reason, issue.line ? {line: issue.line, column: issue.column ?? 1} : frontMatter.position?.start, key)
        }
        usable = false
      } else {
        for (const key of ['title', 'date', 'dateNote', 'source', 'url'] as const) {
          const value = parsed.data[key]
          if (value !== undefined) meta[key] = value
        }
        // A time of day belongs to a time zone: keep the instant, and let the build (which knows
        // the configured zone) decide its day. Until then the day is the UTC one.
        if (parsed.data.date && !isoDate.test(parsed.data.date)) {
          meta.published = parsed.data.date
          meta.date = new Date(parsed.data.date).toISOString().slice(0, 10)
        }
      }
      tree.children.shift()
    }
    if (!usable) return
    if (!frontMatter && unclosedFence.test(String(file.value))) {
      fatal(file, 'Unexpected end of file in front matter, expected a closing `---` line after the keys', {line: 1, column: 1}, 'front-matter')
      return
    }

    if (!meta.title) {
      const first = tree.children[0]
      if (first?.type === 'heading') {
        meta.title = toString(first)
        tree.children.shift()
      } else if (first?.type === 'paragraph' && !frontMatter && tree.children.length > 1 && looksLikeHeadline(toString(first))) {
        // Plain text: a headline line is the title, not the first paragraph of the story. A file
        // of one paragraph is all body.
        meta.title = toString(first)
        tree.children.shift()
      }
    }
    if (!meta.date) {
      const fromName = fileNameDate.exec(path.basename(file.path))?.[1]
      if (fromName && isRealDate(fromName)) meta.date = fromName
    }
    if (!meta.date && settings.requireDate) {
      fatal(file, 'Unexpected missing date, expected a `date:` in front matter or a YYYY-MM-DD file-name prefix', {line: 1, column: 1}, 'date')
      return
    }
    // A file name is never a title: without a headline, the story's first words stand for it.
    if (!meta.title) meta.title = titleFromBody(tree) ?? file.stem ?? file.path
    file.data.meta = meta
  }
}

/**
 * A headline line: one short line that stands alone as its own paragraph (at most 20 words and
 * 160 characters), whatever its last character ("Hamas silent as talks stall." is a headline too),
 * and not a date line.
 */
function looksLikeHeadline(text: string) {
  if (text.includes('\n') || text.length > 160) return false
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (words.length < 2 || words.length > 20) return false
  return !/^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?\p{L}+\.?\s+\d{1,2},?\s+\d{4}\.?$/iu.test(text.trim())
}

/** The body's first sentence, cut to twelve words: a title for an article that has none. */
function titleFromBody(tree: Root): string | undefined {
  const first = tree.children.find((node) => node.type === 'paragraph')
  const text = first ? toString(first).replace(/\s+/g, ' ').trim() : ''
  if (!text) return undefined
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text
  const words = sentence.split(' ')
  return words.length > 12 ? `${words.slice(0, 12).join(' ').replace(/[,;:]$/, '')}…` : sentence.replace(/[.]$/, '')
}

function isRealDate(value: string) {
  const match = isoDate.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function fatal(file: VFile, reason: string, place: {line: number; column: number} | undefined, ruleId: string) {
  const message = file.message(reason, {place, ruleId, source: 'digest'})
  message.fatal = true
}
