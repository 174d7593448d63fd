import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import type {Finding} from '../render/check.js'
import {loadConfig, type Config} from '../config.js'
import {DigestError} from '../errors.js'
import {briefingJson, compileArticles, findingsOf} from '../pipeline.js'
import type {WindowSpec} from '../briefing/window.js'
import {defaultTemplatesDir} from '../paths.js'
import {loadTemplates, type Templates} from '../render/templates.js'
import type {Dropped} from '../render/fit.js'
import type {Article, Message} from '../types.js'
import {budget, previewPaths, type PreviewFiles} from './preview-files.js'
import {createReader, type Read, type Reader} from './preview-read.js'

export interface Options extends PreviewFiles {
  /** From `--week` or `--since/--until`; undefined uses the config's `window`. */
  window?: WindowSpec
  /** Worker threads for reading and parsing, as for `digest build`; undefined decides by the work. */
  workers?: number
}


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
  /** The folders the latest build read, absolute: the config may have moved them. */
  folders: {content: string; templates: string | undefined}
  /** Articles parsed and extracted again by the latest build; the rest came from the cache. */
  analyzed: string[]
  /** Whether the latest build selected and rendered the briefing again (false when no article of the window changed). */
  compiled: boolean
  /** True until `check()` has filled the findings of a new render. */
  checking: boolean
}

type Part = 'config' | 'templates' | 'content'

/**
 * Builds the briefing for the preview and rebuilds only what a change touches: a changed config or
 * template folder is reloaded; in the content folder only the saved files are read again, and of
 * those only the ones the window keeps and whose text changed are parsed and extracted again
 * (preview-read.ts). A failed build keeps the last good output and reports its errors; nothing
 * here throws.
 */
export function createRebuilder(options?: Options) {
  const settings = {...options}
  const cwd = settings.cwd ?? process.cwd()
  const paths = previewPaths(settings)
  let reader: {out: string; reader: Reader} | undefined
  let read: Read | undefined
  let config: Config | undefined
  let templates: Templates | undefined
  // Parts that failed to load stay dirty, so a content edit cannot hide a broken config.
  const dirty = new Set<Part>(['config', 'templates', 'content'])
  const broken = new Map<Part, BuildError>()
  const changed = new Set<string>()
  // Changed files in the content folder, absolute, until the next read takes them in.
  const touched = new Set<string>()
  // The whole folder is read again after a failed read, or when the config moved it.
  let whole = true
  let running: Promise<State> | undefined
  const state: State = {version: 0, stale: false, errors: [], messages: [], budget, changed: [], folders: {content: paths.content, templates: paths.templates}, analyzed: [], compiled: false, checking: false}
  // The last good render and what it was made from: reused while none of it changes.
  let last: {config: Config; templates: Templates; read: Read; output: Output; notes: Message[]} | undefined
  let checking: {output: Output; done: Promise<void>} | undefined

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

  /** The config may move the content or templates folder: read the new one on the next pass. */
  function follow(next: ReturnType<typeof previewPaths>) {
    if (next.content !== paths.content) {
      paths.content = next.content
      whole = true
      dirty.add('content')
    }
    if (next.templates !== paths.templates) {
      paths.templates = next.templates
      dirty.add('templates')
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

  /** Reads the articles again, as the config has them windowed: only the touched files, unless the whole folder is due. */
  async function readContent(current: Config) {
    const out = path.resolve(cwd, current.out ?? 'out')
    if (reader?.out !== out) reader = {out, reader: createReader({cwd, out, ...(settings.workers === undefined ? {} : {workers: settings.workers})})}
    const files = [...touched]
    touched.clear()
    try {
      const next = await reader.reader.read(paths.content, current, settings.window, whole ? undefined : files)
      whole = false
      return next
    } catch (error) {
      whole = true
      throw error
    }
  }

  async function buildOnce() {
    const parts = new Set([...dirty, ...broken.keys()])
    dirty.clear()
    const started = performance.now()
    let reread: Read | undefined
    for (const part of ['config', 'templates', 'content'] as const) {
      if (!parts.has(part)) continue
      try {
        if (part === 'config') {
          config = loadConfig(paths.config, cwd)
          follow(previewPaths(settings, config))
        }
        else if (part === 'templates') templates = await loadTemplates(paths.templates)
        broken.delete(part)
      } catch (error) {
        broken.set(part, toBuildError(error, cwd))
      }
    }
    // The window, and so which articles are parsed, depends on the config.
    if (config && (parts.has('content') || parts.has('config'))) {
      try {
        read = reread = await readContent(config)
        broken.delete('content')
      } catch (error) {
        broken.set('content', toBuildError(error, cwd))
      }
    }
    const messages = read?.messages ?? []
    const articleErrors: BuildError[] = messages
      .filter((message) => message.severity === 'error')
      .map((message) => ({file: message.file, line: message.line, column: message.column, message: message.reason}))
    const failures = [...broken.values()]
    const altered = reread?.changed ?? []
    // Saving a file without changing it, or an editor's swap file, should not reload the page.
    const same = reread !== undefined && altered.length === 0 && !parts.has('config') && !parts.has('templates') && failures.length === 0 && state.errors.length === articleErrors.length && state.output !== undefined
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
    const justBroken = state.output !== undefined && articleErrors.some((error) => altered.includes(error.file ?? ''))
    if (failures.length === 0 && config && templates && read && !justBroken) {
      if (last && last.config === config && last.templates === templates && sameArticles(last.read.articles, read.articles) && isDeepStrictEqual(last.read.period, read.period)) {
        // No article of the window changed (an edit outside it, a note, a draft): the briefing stands.
        output = last.output
        shown = [...messages, ...(templates.messages ?? []), ...last.notes]
        fresh = true
        state.checking = false
      } else {
        try {
          const fileMessages = [...messages, ...(templates.messages ?? [])]
          // Checking the email takes as long as rendering it twice: `check()` does it once it is on show.
          const built = await compileArticles(read.articles, fileMessages, config, templates, settings.window, {check: false, read, ...(last ? {lastDropped: last.output.dropped.length} : {})})
          shown = built.messages
          output = {
            title: built.briefing.title,
            html: built.html,
            text: built.text,
            mjml: built.mjml,
            data: briefingJson(built),
            htmlBytes: Buffer.byteLength(built.html),
            articles: built.briefing.articles.length,
            quotes: built.briefing.topics.reduce((sum, topic) => sum + topic.quotes.length, 0),
            figures: built.briefing.topics.reduce((sum, topic) => sum + topic.figures.length, 0),
            findings: built.findings,
            dropped: built.dropped
          }
          last = {config, templates, read, output, notes: built.messages.slice(fileMessages.length)}
          fresh = true
          compiled = true
          state.checking = true
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
      folders: {content: paths.content, templates: paths.templates},
      analyzed: reread?.parsed ?? [],
      compiled
    })
    changed.clear()
  }

  /**
   * Finds what `digest check` finds in the email on show, if a build rendered it since the last
   * check: with `find` (the preview runs it on a thread of its own) or here. A build that ends
   * meanwhile has an email of its own to check, and this one's findings are dropped.
   */
  function check(find: Finder = findingsOf): Promise<void> {
    if (!state.checking || !state.output || !last) return Promise.resolve()
    // Two requests that shared a build share its check.
    if (checking?.output === state.output) return checking.done
    const output = state.output
    const templates = last.templates
    const done = (async () => {
      const findings = await find(output, templates)
      if (state.output !== output) return
      output.findings = findings
      state.checking = false
    })()
    checking = {output, done}
    return done
  }

  return {state, build, check, invalidate, paths}
}

export type Rebuilder = ReturnType<typeof createRebuilder>

/** `findingsOf`, here or elsewhere. */
export type Finder = (email: {html: string; text: string; mjml: string}, templates: Pick<Templates, 'layout' | 'partials'>) => Finding[] | Promise<Finding[]>

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
