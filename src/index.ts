/**
 * digest from Node: the same stages the command line runs, with types.
 *
 *   import {build, compile, extract, check, send, add} from 'briefing-digest'
 *
 * `build` writes a briefing folder as `digest build` does; `compile` returns it without writing;
 * `extract` gives the quotes and figures of articles; `check` lints an email's HTML; `send` mails
 * a built briefing folder; `add` turns pages and feeds into articles. Errors are `DigestError`s that say where (`error.place`).
 */
import path from 'node:path'
import {analyzeArticles} from './extract/analyze.js'
import type {IngestLine} from './ingest/ingest.js'
import {loadArticles} from './load/files.js'
import {compileRead, loadInputs, toMessages, type BuildOptions, type Built} from './pipeline.js'
import type {Article, Message} from './types.js'

export {build, type BuildOptions, type Built, type Written} from './pipeline.js'
export {checkEmail as check, type CheckInput, type Finding} from './render/check.js'
export {sendBriefing as send, type SendOptions, type SendResult, type Failure} from './deliver/send.js'
export {readRecipients, type Recipient, type RecipientSource} from './deliver/recipients.js'
export {loadConfig, configSchema, type Config, type ConfigInput} from './config.js'
export {DigestError, EmptyBriefingError, UsageError} from './errors.js'
export {initFolder as init, type InitOptions, type InitResult} from './commands/init.js'
export type {Briefing} from './briefing/chronology.js'
export type {WindowSpec} from './briefing/window.js'
export type {IngestLine} from './ingest/ingest.js'
export type {Article, Figure, Message, Quote, Reason} from './types.js'

/** What `compile` takes: `build`'s options, less the output folder. */
export type CompileOptions = Omit<BuildOptions, 'out'>

/**
 * The briefing as `build` would write it (HTML, text, MJML, data, findings), without writing
 * anything: for a script that sends or publishes it its own way.
 */
export async function compile(options: CompileOptions = {}): Promise<Built> {
  const {config, settings, read, templates} = await loadInputs(options)
  return compileRead(read, config, templates, settings.window, {})
}

export interface ExtractOptions {
  /** Paths are relative to it. @default process.cwd() */
  cwd?: string
  /** Leave out articles without a date, as a build does. @default false */
  requireDate?: boolean
}

/**
 * The quotes and figures of articles (files or folders), as `digest extract --json` prints them,
 * with each file's messages (`file:line:column`, `reason`).
 */
export async function extract(paths: string | string[], options: ExtractOptions = {}): Promise<{articles: Article[]; messages: Message[]}> {
  const files = await loadArticles(Array.isArray(paths) ? paths : [paths], options.cwd ?? process.cwd())
  const articles = analyzeArticles(files, {requireDate: options.requireDate ?? false})
  return {articles, messages: files.flatMap(toMessages)}
}

export interface AddOptions {
  /** The folder articles are written into. @default 'content' */
  content?: string
  cwd?: string
  /** Fetch pages even where robots.txt disallows them. @default false */
  ignoreRobots?: boolean
}

/**
 * `digest add` from a script: each source (an http(s) URL of a page or feed, or a local file)
 * becomes articles in the content folder. Resolves to one line per page or feed item, as
 * `digest add --json` prints them; a source that failed has `status: 'skipped'` and a `reason`.
 */
export async function add(sources: string | string[], options: AddOptions = {}): Promise<IngestLine[]> {
  const [{ingest}, {HttpClient}, {userAgent}] = await Promise.all([import('./ingest/ingest.js'), import('./ingest/http.js'), import('./commands/add.js')])
  const cwd = options.cwd ?? process.cwd()
  const lines: IngestLine[] = []
  await ingest((Array.isArray(sources) ? sources : [sources]).map((location) => ({location})), {
    contentDir: path.resolve(cwd, options.content ?? 'content'),
    cwd,
    http: new HttpClient({userAgent: userAgent(), ignoreRobots: options.ignoreRobots ?? false}),
    onLine: (line) => lines.push(line)
  })
  return lines
}
