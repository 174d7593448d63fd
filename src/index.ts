/**
 * digest from Node: the same stages the command line runs, with types.
 *
 *   import {build, compile, extract, check, send} from 'briefing-digest'
 *
 * `build` writes a briefing folder as `digest build` does; `compile` returns it without writing;
 * `extract` gives the quotes and figures of articles; `check` lints an email's HTML; `send` mails
 * a built briefing folder. Errors are `DigestError`s that say where (`error.place`).
 */
import {analyzeArticles} from './extract/analyze.js'
import {loadArticles} from './load/files.js'
import {compileArticles, loadInputs, toMessages, type BuildOptions, type Built} from './pipeline.js'
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
export type {Article, Figure, Message, Quote, Reason} from './types.js'

/** What `compile` takes: `build`'s options, less the output folder. */
export type CompileOptions = Omit<BuildOptions, 'out'>

/**
 * The briefing as `build` would write it (HTML, text, MJML, data, findings), without writing
 * anything: for a script that sends or publishes it its own way.
 */
export async function compile(options: CompileOptions = {}): Promise<Built> {
  const {config, settings, read, templates} = await loadInputs(options)
  return compileArticles(read.articles, [...read.messages, ...(templates.messages ?? [])], config, templates, settings.window, undefined, read)
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
