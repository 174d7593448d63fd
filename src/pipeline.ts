/**
 * The build pipeline, stage by stage; each stage is a folder of `src/`. Only the first and the
 * last touch the disk or network.
 *
 * 0. ingest      pages, feeds → content/*.md       (ingest/: `digest add`, `digest fetch`)
 * 1. load        paths → VFile[] + front matter     (load/; config.ts and render/templates.ts read theirs)
 * 2. extract     VFile → mdast → Quote[], Figure[]  (extract/: analyze.ts runs unified + remark-parse
 *                and the extract plugins, which put what they find on `file.data`)
 *                → Article: plain data, no tree survives this step
 * 3. briefing    Article[] → Briefing               (briefing/: window, topics, score, select,
 *                series and merging, chronology)
 * 4. render      Briefing → MJML (Handlebars) → HTML (MJML), text     (render/)
 * 5. deliver     files in out/<id>/, preview server, SMTP             (deliver/)
 *    commands    the CLI over all of it; only cli.ts sets the exit code (commands/, cli.ts)
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Briefing} from './briefing/chronology.js'
import {loadConfig, type Config, type ConfigInput} from './config.js'
import {composeMessage, defaultSubject} from './deliver/message.js'
import {updateArchive} from './deliver/archive.js'
import {builtFromStored, holdsStoredFiles, readResult, resultKey, storedNames, storeResult, summaryOf} from './deliver/stored-result.js'
import {replaceFolder, writeFilesAtomically} from './deliver/write.js'
import {EmptyBriefingError} from './errors.js'
import {messagesOf} from './load/messages.js'
import {cacheFolder} from './extract/cache.js'
import {openWindow, readWindow, type OpenWindow, type WindowRead} from './extract/window-read.js'
import type {Finding} from './render/check.js'
import type {Dropped} from './render/fit.js'
import {MjmlError} from './render/mjml-error.js'
import {textDirection} from './render/view.js'
import {planBriefing, type Plan} from './briefing/plan.js'
import type {Selection} from './briefing/select.js'
import {loadTemplates, type Templates} from './render/templates.js'
import type {Article, Message, Omitted} from './types.js'
import {applyWindow, dayIn, windowSpec, type Period, type WindowSpec} from './briefing/window.js'

export interface BuildOptions {
  /** Folder of articles, relative to `cwd`. @default the config's `content`, else "content" */
  content?: string
  /** Folder the briefing is written into, relative to `cwd`. @default the config's `out`, else "out" */
  out?: string
  /** A config file; undefined looks for `digest.config.yaml` in `cwd`. */
  config?: string
  /** Folder of template overrides, relative to `cwd`. @default the config's `templates` */
  templates?: string
  /** From `--week` or `--since/--until`; undefined uses the config's `window`. */
  window?: WindowSpec
  /** Flags that override the config file. */
  overrides?: ConfigInput
  cwd?: string
  /** Progress of the stage under way (reading the articles, then rendering, checking and writing), with its name. */
  onProgress?: OnProgress
  /** Read and keep parsed articles in `.digest-cache/` beside `out/` (`--no-cache`: false). @default true */
  cache?: boolean
  /** Worker threads for read, parse and extract; 0 keeps them in this thread. Default: one per core, when there is enough to do. */
  workers?: number
}

export type OnProgress = (done: number, total: number, stage: string) => void

const defaults = {content: 'content', out: 'out'}

/** Everything a build produced, before or after it was written. */
export interface Built {
  briefing: Briefing
  selection: Selection
  mjml: string
  /** The email HTML, fitted to the budget. */
  html: string
  /** Every item, no budget: the web version (`web.html`). */
  webHtml: string
  /** What auto-fit left out of the email to stay under the budget, lowest score first. */
  dropped: Dropped[]
  text: string
  /** The files' own messages, then the build's (such as derived topics). */
  messages: Message[]
  /** `digest check` findings on the email; `digest build` prints them as warnings. */
  findings: Finding[]
  /** Articles read and left out of the briefing, with why (`digest.json` → `omitted`). */
  omitted: Omitted[]
  /** What the briefing shows: its articles, quotes, and figures with series. */
  counts: {articles: number; quotes: number; figures: number}
}

export interface Written extends Built {
  /** The whole message as written to `email.eml`. */
  eml: Buffer
  dir: string
  files: {html: string; text: string; mjml: string; data: string; eml: string; web: string}
  /** `out/index.html` and `out/feed.xml`: every briefing in `out/`, newest first. */
  archive: {index: string; feed: string}
}

/** The config and the options it settles: a flag wins over the config, which wins over the defaults. */
function settle(options: BuildOptions) {
  const cwd = options.cwd ?? process.cwd()
  const config = loadConfig(options.config && path.resolve(cwd, options.config), cwd, options.overrides)
  // The config's paths are already absolute.
  const settings = {
    ...options,
    content: options.content ?? config.content ?? defaults.content,
    out: options.out ?? config.out ?? defaults.out,
    templates: options.templates ?? config.templates
  }
  const progress = settings.onProgress
  const reading = {cwd, out: path.resolve(cwd, settings.out), cache: settings.cache ?? true, workers: settings.workers, onProgress: progress && ((done: number, total: number) => progress(done, total, 'Reading articles'))}
  return {cwd, config, settings, reading}
}

/** load: the config, then the window's articles (read, parsed and extracted) and the templates. */
export async function loadInputs(options: BuildOptions = {}) {
  const {cwd, config, settings, reading} = settle(options)
  const [read, templates] = await Promise.all([
    readWindow(settings.content, config, settings.window, reading),
    loadTemplates(settings.templates && path.resolve(cwd, settings.templates), config.helpers)
  ])
  return {cwd, config, settings, read, templates}
}

/** Render, check, write: the steps after reading, for the progress bar. */
const laterSteps = 3

/** load → … → deliver: builds the briefing and writes it to `out/<id>/`. */
export async function build(options: BuildOptions = {}): Promise<Written> {
  const {cwd, config, settings, reading} = settle(options)
  const progress = settings.onProgress
  const [window, templates] = await Promise.all([
    openWindow(settings.content, config, settings.window, reading),
    loadTemplates(settings.templates && path.resolve(cwd, settings.templates), config.helpers)
  ])
  let built: Built
  // Nothing a build reads changed since the last one (every file's date and the bytes of those
  // the window keeps, the config, the templates, digest itself): its result is in the cache, and
  // no article is read. Custom helpers are code the key cannot see.
  const cache = window.files && !config.helpers ? {folder: cacheFolder(reading.out), key: await resultKey({config, window: settings.window ?? null, templates: {layout: templates.layout, partials: templates.partials, messages: templates.messages ?? []}, files: window.files})} : undefined
  const stored = cache && readResult(cache.folder, cache.key)
  try {
    if (stored) built = builtFromStored(stored)
    else {
      // The renderer and the email checks load while the workers parse, when this thread is idle.
      // A failure to load is reported where they are used.
      const loading = Promise.all([import('./render/fit.js'), import('./render/check.js')]).catch(() => undefined)
      // What was read is never named here, so the articles are let go once planned (see compileArticles).
      built = await compileRead(await readThenClose(window, loading), config, templates, settings.window, progress ? {onStep: (step, stage) => progress(step, laterSteps, stage)} : {})
    }
    progress?.(2, laterSteps, 'Writing')
  } catch (error) {
    // Keep the MJML that failed validation, so the line the error names can be looked up: beside
    // the briefing folder, never in it, so the last good briefing stays whole.
    if (error instanceof MjmlError && error.briefingId) {
      const written = await writeFilesAtomically(path.resolve(cwd, settings.out), {[`${error.briefingId}.failed.mjml`]: error.mjml})
      if (error.place && written[0]) error.place.file = path.relative(cwd, written[0])
    }
    throw error
  } finally {
    await window.close()
  }
  const summary = stored?.summary ?? summaryOf(built)
  // The message carries the time it was made: composed here, in deliver, not in the pure stages.
  const eml = await composeMessage({
    from: config.email.from ?? `${config.brand.name} <digest@localhost>`,
    subject: config.email.subject ?? defaultSubject(summary.briefing),
    html: built.html,
    text: built.text,
    messageId: `<${summary.briefing.id}@digest>`,
    ...(config.brand.logo ? {logo: {src: config.brand.logo, file: path.resolve(cwd, config.brand.logo)}} : {}),
    ...(config.brand.unsubscribeUrl ? {unsubscribeUrl: config.brand.unsubscribeUrl} : {})
  })
  const dir = path.resolve(cwd, settings.out, summary.briefing.id)
  const names = {...storedNames, eml: 'email.eml'}
  if (stored && holdsStoredFiles(dir, stored)) await writeFilesAtomically(dir, {[names.eml]: eml})
  else {
    const contents = stored?.files ?? {html: built.html, text: built.text, mjml: built.mjml, data: briefingJsonParts(built), web: built.webHtml}
    await replaceFolder(dir, {
      [names.html]: contents.html,
      [names.text]: contents.text,
      [names.mjml]: contents.mjml,
      [names.data]: contents.data,
      [names.eml]: eml,
      [names.web]: contents.web
    })
    if (cache) storeResult(cache.folder, cache.key, dir, summary)
  }
  // The archive lists every briefing in out/, this one included, so out/ publishes as a site.
  const {briefing: head, counts} = summary
  const archive = await updateArchive(path.resolve(cwd, settings.out), {title: config.brand.name, lang: config.lang, ...(config.brand.webUrl ? {webUrl: config.brand.webUrl} : {})}, {...head, ...counts})
  progress?.(laterSteps, laterSteps, 'Writing')
  const files = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, path.join(dir, name)])) as Written['files']
  // Assigned, not spread: a stored result decodes its large parts only when they are read.
  return Object.assign(built, {eml, dir, files, archive})
}

/** The pure middle of the pipeline: loaded files, config and templates in; a rendered briefing out. */
export async function compile(files: VFile[], config: Config, templates: Templates, window?: WindowSpec, onProgress?: OnProgress): Promise<Built> {
  // Loaded here, not with this module: a build whose result is cached parses, renders and checks nothing.
  const {analyzeArticles} = await import('./extract/analyze.js')
  const articles = analyzeArticles(files, onProgress ? {onProgress: (done, total) => onProgress(done, total, 'Reading articles')} : {})
  return compileArticles(articles, [...files.flatMap(toMessages), ...(templates.messages ?? [])], config, templates, window, {read: {omitted: unreadable(files)}, ...(onProgress ? {onStep: (step: number, stage: string) => onProgress(step, laterSteps, stage)} : {})})
}

/**
 * `compile` from step 4 on, for articles already parsed and extracted: the preview keeps them per
 * file and re-analyzes only the one that changed. `messages` are the files' own, passed through.
 * The preview passes how many items its previous fit left out (`lastDropped`), so auto-fit starts
 * from that cut, and checks the email itself once it is on show (`check: false` leaves `findings`
 * empty). `read`, from `readWindow`, brings the period and what was left out before parsing.
 * Not async: the articles are planned before it returns, so a caller that does not keep them lets
 * them go while the email renders (an async function holds its arguments until it ends).
 */
export function compileArticles(analyzed: Article[], fileMessages: Message[], config: Config, templates: Templates, window?: WindowSpec, options: CompileSteps & {read?: Partial<Pick<WindowRead, 'period' | 'omitted' | 'readDates'>>} = {}): Promise<Built> {
  const {lastDropped, check, onStep} = options
  try {
    return renderPlanned(planArticles(analyzed, fileMessages, config, window, options.read), templates, config, {lastDropped, check, onStep})
  } catch (error) {
    return Promise.reject(error)
  }
}

/** `compileArticles` over what `readWindow` read, with the templates' own messages. */
export function compileRead(read: WindowRead, config: Config, templates: Templates, window: WindowSpec | undefined, steps: CompileSteps): Promise<Built> {
  return compileArticles(read.articles, [...read.messages, ...(templates.messages ?? [])], config, templates, window, {...steps, read})
}

/**
 * The window's articles, with the workers stopped (their heaps, 100 to 200 MB each, are let go
 * before the briefing is planned) and the renderer loaded.
 */
async function readThenClose(window: OpenWindow, loading: Promise<unknown>): Promise<WindowRead> {
  try {
    return await window.read()
  } finally {
    await window.close()
    await loading
  }
}

interface CompileSteps {
  lastDropped?: number
  check?: boolean
  onStep?: (step: number, stage: string) => void
}

/** The briefing stage's result and the messages so far: no article, as an article holds every candidate of its text. */
interface Planned {
  plan: Omit<Plan, 'articles'>
  messages: Message[]
}

/** step 3, briefing, over articles read. */
function planArticles(analyzed: Article[], fileMessages: Message[], config: Config, window: WindowSpec | undefined, read: Partial<Pick<WindowRead, 'period' | 'omitted' | 'readDates'>> | undefined): Planned {
  const messages = [...fileMessages]
  const chosen = windowOf(analyzed, config, window, read?.period)
  const {period, articles, kept} = chosen
  const left = [
    ...(read?.omitted ?? []),
    ...chosen.outside.map((article) => omission(article, 'outside the window')),
    ...chosen.over.map((article) => omission(article, 'over limits.articles'))
  ]
  if (kept.length === 0) {
    const dates = [...(read?.readDates ?? articles.map((article) => article.date))].sort()
    const read_ = dates.length === 0 ? 'no article was read' : `the ${dates.length} article${dates.length === 1 ? '' : 's'} read run from ${dates[0]} to ${dates.at(-1)}`
    throw new EmptyBriefingError(`No articles between ${period.start || '…'} and ${period.end || '…'}: nothing to send (${read_})`, {messages})
  }
  const spec = windowSpec(window, config)
  // The briefing stage adds what it leaves out itself (the same article twice) to `left`.
  const plan = planBriefing({articles: kept, omitted: left, period, window: spec, title: config.title, topics: config.topics, limits: config.limits})
  const {articles: inWindow, ...planned} = plan
  if (plan.topicsDerived) {
    messages.push({
      file: path.dirname(inWindow[0]?.file ?? '.'),
      line: 1,
      column: 1,
      severity: 'info',
      reason: `No topics configured: derived ${plan.topics.length} from the ${inWindow.length} articles of the window (${plan.topics.map((topic) => topic.name).join('; ') || 'none'})`,
      ruleId: 'topics'
    })
  }
  return {plan: planned, messages}
}

/** steps 4 (render) and the email's checks, over a plan. */
async function renderPlanned({plan, messages}: Planned, templates: Templates, config: Config, {lastDropped, check = true, onStep}: CompileSteps): Promise<Built> {
  const {briefing, selection} = plan
  const omitted = briefing.omitted
  onStep?.(0, 'Rendering the email')
  let email
  try {
    const {renderEmail} = await import('./render/fit.js')
    email = await renderEmail(briefing, templates, {lang: config.lang, dir: textDirection(config.lang), brand: config.brand, ...(lastDropped === undefined ? {} : {lastDropped})})
  } catch (error) {
    if (error instanceof MjmlError) error.briefingId = briefing.id
    throw error
  }
  // The text part shows the items the HTML shows: auto-fit drops from both alike.
  const {html, dropped, text} = email
  onStep?.(1, 'Checking the email')
  const findings = check ? await findingsOf({html, text, mjml: email.mjml.mjml}, templates) : []
  const counts = {
    articles: briefing.articles.length,
    quotes: briefing.topics.reduce((sum, topic) => sum + topic.quotes.length, 0),
    figures: briefing.topics.reduce((sum, topic) => sum + topic.figures.length + topic.series.length, 0)
  }
  return {briefing, selection, mjml: email.mjml.mjml, html, webHtml: email.webHtml, dropped, text, messages, findings, omitted, counts}
}

/** `digest check` on a rendered email. Findings name the template line (or `email.mjml` line) that made them, not minified HTML. */
export async function findingsOf(email: {html: string; text: string; mjml: string}, templates: Templates): Promise<Finding[]> {
  const {checkEmail} = await import('./render/check.js')
  return checkEmail({html: email.html, text: email.text, templates: [templates.layout, ...Object.values(templates.partials)], mjml: {file: 'email.mjml', text: email.mjml}})
}

/**
 * `applyWindow` over articles, their days taken in the configured zone: an article timed 02:30
 * UTC on a Monday is still a Sunday article in New York.
 */
function windowOf(analyzed: Article[], config: Config, window?: WindowSpec, period?: Period) {
  const articles = analyzed.map((article) => (article.published ? {...article, date: dayIn(article.published, config.timezone)} : article))
  return {articles, ...applyWindow(articles, windowSpec(window, config), config.limits.articles, period)}
}

/**
 * `digest.json`: the briefing as the contract shapes it, indented, then every decision for
 * `--explain` (`explain`, last), one decision a line. A week of thousands of articles has tens of
 * thousands of decisions: indenting each of their reasons doubled the file, and with `explain`
 * last the archive reads the briefing without them.
 */
export function briefingJson(built: Built): string {
  return [...briefingJsonParts(built)].join('')
}

/**
 * `briefingJson` in parts, for writing without ever holding the whole text: a week of ten thousand
 * articles makes a hundred megabytes of decisions.
 */
function* briefingJsonParts(built: Pick<Built, 'briefing' | 'selection'>): Generator<string> {
  yield `${JSON.stringify(built.briefing, null, 2).slice(0, -2)},\n  "explain": [`
  const {decisions} = built.selection
  const perPart = 1_000
  for (let from = 0; from < decisions.length; from += perPart) {
    const lines = decisions.slice(from, from + perPart).map((decision) => `    ${JSON.stringify(decision)}`)
    yield `${from === 0 ? '\n' : ',\n'}${lines.join(',\n')}`
  }
  yield `${decisions.length > 0 ? '\n  ' : ''}]\n}\n`
}

/** Files read that could not be used (a fatal message), as `omitted` entries. */
function unreadable(files: VFile[]): Omitted[] {
  return files
    .filter((file) => file.messages.some((message) => message.fatal))
    .map((file) => ({id: file.data.id ?? path.basename(file.path).replace(/\.[^.]+$/, ''), why: `unreadable: ${file.messages.find((message) => message.fatal)?.reason ?? 'a fatal message'}`}))
}

/** A VFile's messages in the contract's shape (`file`, `line`, `column`, `severity`, `reason`). */
export const toMessages = messagesOf

function omission(article: Article, why: string): Omitted {
  return {id: article.id, title: article.title, date: article.date, why}
}
