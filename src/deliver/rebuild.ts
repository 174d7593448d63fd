import {existsSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Finding} from '../render/check.js'
import {configFileNames, loadConfig, type Config} from '../config.js'
import {DigestError} from '../errors.js'
import {loadArticles} from '../load/files.js'
import {analyzeArticles} from '../extract/analyze.js'
import {articlesInWindow, briefingData, compileArticles, toMessages} from '../pipeline.js'
import type {WindowSpec} from '../briefing/window.js'
import {defaultTemplatesDir} from '../paths.js'
import {loadTemplates, type Templates} from '../render/templates.js'
import type {Dropped} from '../render/fit.js'
import type {Article, Message} from '../types.js'

export interface Options {
  /** Folder of articles, relative to `cwd`. @default "content" */
  content?: string
  /** Config file; undefined looks for `digest.config.yaml` in `cwd`, as `digest build` does. */
  config?: string
  /** Folder whose templates override the defaults. */
  templates?: string
  /** From `--week` or `--since/--until`; undefined uses the config's `window`. */
  window?: WindowSpec
  cwd?: string
}

const defaults = {content: 'content'}

/** The files the preview reads, absolute: the watcher and the rebuilder must agree on them. */
export function previewPaths(options?: Options) {
  const settings = {...defaults, ...options}
  const cwd = settings.cwd ?? process.cwd()
  return {
    content: path.resolve(cwd, settings.content),
    // Found once, so that a change to it is known as a config change.
    config: settings.config === undefined ? configFileNames.map((name) => path.join(cwd, name)).find((file) => existsSync(file)) : path.resolve(cwd, settings.config),
    templates: settings.templates === undefined ? undefined : path.resolve(cwd, settings.templates)
  }
}

/** Bytes of HTML before Gmail clips the message: the default `checkEmail` holds `compile`'s output to. */
export const budget = 102_400

/** A problem that stops (part of) the build, placed for the overlay: `file:line:column  message`. */
export interface BuildError {
  file?: string
  line?: number
  column?: number
  message: string
}

/** The last good render: what the preview serves until a newer build succeeds. */
export interface Output {
  /** The briefing's headline, for the page title. */
  title: string
  html: string
  text: string
  mjml: string
  /** `digest.json`, serialized as `digest build` writes it. */
  data: string
  htmlBytes: number
  articles: number
  quotes: number
  figures: number
  findings: Finding[]
  /** What auto-fit left out of the email to stay under the budget. */
  dropped: Dropped[]
}

export interface State {
  /** Goes up by one whenever what the preview shows changes, so pages know to reload. */
  version: number
  output?: Output
  /** True when `output` is from an earlier build because the latest one failed. */
  stale: boolean
  /** Errors of the latest attempt: with `stale` they stopped it, otherwise their articles are left out. */
  errors: BuildError[]
  /** Warnings and notes on the articles of the latest attempt. */
  messages: Message[]
  budget: number
  builtAt?: string
  durationMs?: number
  /** Files whose change started the latest build, relative to `cwd`. */
  changed: string[]
  /** Articles parsed and extracted again by the latest build; the rest came from the cache. */
  analyzed: string[]
  /** Whether the latest build selected and rendered the briefing again (false when no article of the window changed). */
  compiled: boolean
}

type Part = 'config' | 'templates' | 'content'

/** One article file as last analyzed: reused as long as its text is the same. */
interface Entry {
  value: string
  file: VFile
  articles: Article[]
}

/**
 * Builds the briefing for the preview and rebuilds only what a change touches: a changed config or
 * template folder is reloaded; in the content folder only articles whose text changed are parsed
 * and extracted again, the others come from a cache keyed by path and text. A failed build keeps
 * the last good output and reports its errors; nothing here throws.
 */
export function createRebuilder(options?: Options) {
  const settings = {...defaults, ...options}
  const cwd = settings.cwd ?? process.cwd()
  const paths = previewPaths(settings)
  let cache = new Map<string, Entry>()
  let config: Config | undefined
  let templates: Templates | undefined
  // Parts that failed to load stay dirty, so a content edit cannot hide a broken config.
  const dirty = new Set<Part>(['config', 'templates', 'content'])
  const broken = new Map<Part, BuildError>()
  const changed = new Set<string>()
  // Changed files in the content folder, absolute, until the next refresh reads them.
  const touched = new Set<string>()
  let running: Promise<State> | undefined
  const state: State = {version: 0, stale: false, errors: [], messages: [], budget, changed: [], analyzed: [], compiled: false}
  // The last good render and what it was made from: reused while none of it changes.
  let last: {config: Config; templates: Templates; window: Article[]; output: Output; notes: Message[]} | undefined

  /** The articles the window keeps, as analyzed (the same objects while their files are unchanged). */
  function windowOf(articles: Article[], config: Config) {
    const {articles: dated, inWindow} = articlesInWindow(articles, config, settings.window)
    const source = new Map(dated.map((article, index) => [article, articles[index]!]))
    return inWindow.map((article) => source.get(article)!)
  }

  /** Marks what the changed files (absolute paths) affect; the next `build()` redoes it. */
  function invalidate(files: string[]) {
    for (const file of files) {
      changed.add(path.relative(cwd, file) || file)
      if (file === paths.config) dirty.add('config')
      else if (isInside(paths.templates ?? defaultTemplatesDir, file)) dirty.add('templates')
      else {
        dirty.add('content')
        touched.add(file)
      }
    }
  }

  /** Runs until every change is built; concurrent calls share the run. */
  function build(): Promise<State> {
    running ??= (async () => {
      try {
        while (dirty.size > 0) await buildOnce()
      } finally {
        running = undefined
      }
      return state
    })()
    return running
  }

  async function buildOnce() {
    const parts = new Set([...dirty, ...broken.keys()])
    dirty.clear()
    const started = performance.now()
    const analyzed: string[] = []
    let removed = 0
    for (const part of parts) {
      try {
        if (part === 'config') config = loadConfig(paths.config, cwd)
        else if (part === 'templates') templates = await loadTemplates(paths.templates)
        else removed = await refreshArticles(analyzed)
        broken.delete(part)
      } catch (error) {
        broken.set(part, toBuildError(error, cwd))
      }
    }
    const entries = [...cache.values()]
    const messages = entries.flatMap((entry) => toMessages(entry.file))
    const articleErrors: BuildError[] = messages
      .filter((message) => message.severity === 'error')
      .map((message) => ({file: message.file, line: message.line, column: message.column, message: message.reason}))
    const failures = [...broken.values()]
    // Saving a file without changing it, or an editor's swap file, should not reload the page.
    const same = analyzed.length === 0 && removed === 0 && !parts.has('config') && !parts.has('templates') && failures.length === 0 && state.errors.length === articleErrors.length && state.output !== undefined
    if (same) {
      changed.clear()
      return
    }
    let output = state.output
    let errors = [...failures, ...articleErrors]
    let fresh = false
    let compiled = false
    let shown = messages
    // An edit that breaks its article keeps the last good render on show, with the article in it;
    // an article that was broken before (a draft) does not hold every other edit back.
    const justBroken = state.output !== undefined && articleErrors.some((error) => analyzed.includes(error.file ?? ''))
    if (failures.length === 0 && config && templates && !justBroken) {
      const articles = entries.flatMap((entry) => entry.articles)
      const window = windowOf(articles, config)
      if (last && last.config === config && last.templates === templates && sameArticles(last.window, window)) {
        // No article of the window changed (an edit outside it, a note, a draft): the briefing stands.
        output = last.output
        shown = [...messages, ...last.notes]
        fresh = true
      } else {
        try {
          const built = await compileArticles(articles, messages, config, templates, settings.window, last?.output.dropped.length)
          shown = built.messages
          output = {
            title: built.briefing.title,
            html: built.html,
            text: built.text,
            mjml: built.mjml,
            data: `${JSON.stringify(briefingData(built), null, 2)}\n`,
            htmlBytes: Buffer.byteLength(built.html),
            articles: built.briefing.articles.length,
            quotes: built.briefing.topics.reduce((sum, topic) => sum + topic.quotes.length, 0),
            figures: built.briefing.topics.reduce((sum, topic) => sum + topic.figures.length, 0),
            findings: built.findings,
            dropped: built.dropped
          }
          last = {config, templates, window, output, notes: built.messages.slice(messages.length)}
          fresh = true
          compiled = true
        } catch (error) {
          errors = [toBuildError(error, cwd), ...articleErrors]
        }
      }
    }
    Object.assign(state, {
      version: state.version + 1,
      output,
      stale: output !== undefined && !fresh,
      errors,
      messages: shown.filter((message) => message.severity !== 'error'),
      builtAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      changed: [...changed],
      analyzed,
      compiled
    })
    changed.clear()
  }

  /**
   * Re-analyzes the articles whose text changed, noting them in `analyzed`; returns how many
   * articles are gone. Edits to known articles read just those files (500 reads cost more than
   * the edit); anything else (a new file, a deletion, a first build) reads the whole folder again,
   * so the loader alone decides what counts as an article.
   */
  async function refreshArticles(analyzed: string[]) {
    const edited = [...touched]
    touched.clear()
    const next = new Map(cache)
    let files: VFile[] | undefined
    if (edited.length > 0 && edited.every((file) => cache.has(path.relative(cwd, file) || file))) {
      // A file deleted since its event makes the read fail: the whole folder settles it then.
      files = await loadArticles(edited, cwd, {root: settings.content}).catch(() => undefined)
    }
    if (!files) {
      files = await loadArticles([settings.content], cwd)
      next.clear()
    }
    for (const file of files) {
      const value = String(file.value)
      const previous = cache.get(file.path)
      if (previous && previous.value === value) {
        next.set(file.path, previous)
        continue
      }
      analyzed.push(file.path)
      next.set(file.path, {value, file, articles: analyzeArticles([file])})
    }
    const removed = [...cache.keys()].filter((key) => !next.has(key)).length
    cache = next
    return removed
  }

  return {state, build, invalidate, paths}
}

export type Rebuilder = ReturnType<typeof createRebuilder>

function sameArticles(a: Article[], b: Article[]) {
  return a.length === b.length && a.every((article, index) => article === b[index])
}

function isInside(folder: string, file: string) {
  const relative = path.relative(folder, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** A thrown error as the overlay shows it: placed when we know where, with its causes. */
function toBuildError(error: unknown, cwd: string): BuildError {
  if (!(error instanceof Error)) return {message: String(error)}
  let message = error.message
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) message += `\n  caused by: ${cause.message}`
  const place = error instanceof DigestError ? error.place : undefined
  return {
    ...(place ? {file: path.isAbsolute(place.file) && isInside(cwd, place.file) ? path.relative(cwd, place.file) : place.file, line: place.line ?? 1, column: place.column ?? 1} : {}),
    message
  }
}
