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
import {layOutChronology, type Briefing} from './briefing/chronology.js'
import {loadConfig, type Config, type ConfigInput} from './config.js'
import {composeMessage, defaultSubject} from './deliver/message.js'
import {updateArchive} from './deliver/archive.js'
import {writeFilesAtomically} from './deliver/write.js'
import {EmptyBriefingError} from './errors.js'
import {loadArticles} from './load/files.js'
import {analyzeArticles} from './extract/analyze.js'
import {checkEmail, type Finding} from './render/check.js'
import {renderEmail, type Dropped} from './render/fit.js'
import {MjmlError} from './render/html.js'
import {textDirection} from './render/view.js'
import {scoreCandidates} from './briefing/score.js'
import {selectHighlights, type Selection} from './briefing/select.js'
import {deriveTopics} from './briefing/topics.js'
import {loadTemplates, type Templates} from './render/templates.js'
import type {Article, Message} from './types.js'
import {dayIn, resolveWindow, type WindowSpec} from './briefing/window.js'

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
  /** Steps done of all steps (each article, then rendering, checking and writing), with the stage under way. */
  onProgress?: OnProgress
}

export type OnProgress = (done: number, total: number, stage: string) => void

/** Steps after reading the articles: render, check, write. */
const laterSteps = 3

const defaults = {content: 'content', out: 'out'}

/** Everything a build produced, before or after it was written. */
export interface Built {
  briefing: Briefing
  selection: Selection
  articles: Article[]
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
}

export interface Written extends Built {
  /** The whole message as written to `email.eml`. */
  eml: Buffer
  dir: string
  files: {html: string; text: string; mjml: string; data: string; eml: string; web: string}
  /** `out/index.html` and `out/feed.xml`: every briefing in `out/`, newest first. */
  archive: {index: string; feed: string}
}

/** load: the config, the articles and the templates a build would use (no parsing yet). */
export async function loadInputs(options: Omit<BuildOptions, 'onProgress'> = {}) {
  const cwd = options.cwd ?? process.cwd()
  const config = loadConfig(options.config && path.resolve(cwd, options.config), cwd, options.overrides)
  // A flag wins over the config, which wins over the defaults; the config's paths are already absolute.
  const content = options.content ?? config.content ?? defaults.content
  const out = path.resolve(cwd, options.out ?? config.out ?? defaults.out)
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : config.templates
  const [files, templates] = await Promise.all([loadArticles([content], cwd), loadTemplates(templatesDir, config.helpers)])
  return {cwd, config, files, templates, out}
}

/** load → … → deliver: builds the briefing and writes it to `out/<id>/`. */
export async function build(options: BuildOptions = {}): Promise<Written> {
  const {cwd, config, files, templates, out} = await loadInputs(options)
  const settings = {...options, out}
  let built: Built
  try {
    built = await compile(files, config, templates, settings.window, settings.onProgress)
    settings.onProgress?.(files.length + 2, files.length + laterSteps, 'Writing')
  } catch (error) {
    // Keep the MJML that failed validation, so the line the error names can be looked up.
    if (error instanceof MjmlError && error.briefingId) {
      const written = await writeFilesAtomically(path.resolve(cwd, settings.out, error.briefingId), {'email.mjml': error.mjml})
      if (error.place && written[0]) error.place.file = path.relative(cwd, written[0])
    }
    throw error
  }
  // The message carries the time it was made: composed here, in deliver, not in the pure stages.
  const eml = await composeMessage({
    from: config.email.from ?? `${config.brand.name} <digest@localhost>`,
    subject: config.email.subject ?? defaultSubject(built.briefing),
    html: built.html,
    text: built.text,
    messageId: `<${built.briefing.id}@digest>`,
    ...(config.brand.logo ? {logo: {src: config.brand.logo, file: path.resolve(cwd, config.brand.logo)}} : {}),
    ...(config.brand.unsubscribeUrl ? {unsubscribeUrl: config.brand.unsubscribeUrl} : {})
  })
  const dir = path.resolve(cwd, settings.out, built.briefing.id)
  const names = {html: 'index.html', text: 'index.txt', mjml: 'email.mjml', data: 'digest.json', eml: 'email.eml', web: 'web.html'}
  await writeFilesAtomically(dir, {
    [names.html]: built.html,
    [names.text]: built.text,
    [names.mjml]: built.mjml,
    [names.data]: `${JSON.stringify(briefingData(built), null, 2)}\n`,
    [names.eml]: eml,
    [names.web]: built.webHtml
  })
  // The archive lists every briefing in out/, this one included, so out/ publishes as a site.
  const archive = await updateArchive(path.resolve(cwd, settings.out), {title: config.brand.name, lang: config.lang, ...(config.brand.webUrl ? {webUrl: config.brand.webUrl} : {})})
  settings.onProgress?.(files.length + laterSteps, files.length + laterSteps, 'Writing')
  const files_ = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, path.join(dir, name)])) as Written['files']
  return {...built, eml, dir, files: files_, archive}
}

/** The pure middle of the pipeline: loaded files, config and templates in; a rendered briefing out. */
export async function compile(files: VFile[], config: Config, templates: Templates, window?: WindowSpec, onProgress?: OnProgress): Promise<Built> {
  const total = files.length + laterSteps
  const articles = analyzeArticles(files, onProgress ? {onProgress: (done) => onProgress(done, total, 'Reading articles')} : {})
  return compileArticles(articles, [...files.flatMap(toMessages), ...(templates.messages ?? [])], config, templates, window, undefined, onProgress && ((step, stage) => onProgress(files.length + step, total, stage)))
}

/**
 * `compile` from step 4 on, for articles already parsed and extracted: the preview keeps them per
 * file and re-analyzes only the one that changed. `messages` are the files' own, passed through.
 * `lastDropped`, how many items the previous fit left out, lets auto-fit start from that cut.
 */
export async function compileArticles(analyzed: Article[], fileMessages: Message[], config: Config, templates: Templates, window?: WindowSpec, lastDropped?: number, onStep?: (step: number, stage: string) => void): Promise<Built> {
  const messages = [...fileMessages]
  const {period, articles, inWindow} = articlesInWindow(analyzed, config, window)
  if (inWindow.length === 0) {
    const dates = articles.map((article) => article.date).sort()
    const read = articles.length === 0 ? 'no article was read' : `the ${articles.length} article${articles.length === 1 ? '' : 's'} read run from ${dates[0]} to ${dates.at(-1)}`
    throw new EmptyBriefingError(`No articles between ${period.start || '…'} and ${period.end || '…'}: nothing to send (${read})`)
  }
  const topicsDerived = config.topics.length === 0
  const topics = topicsDerived ? deriveTopics(inWindow) : config.topics
  if (topicsDerived) {
    messages.push({
      file: path.dirname(inWindow[0]?.file ?? '.'),
      line: 1,
      column: 1,
      severity: 'info',
      reason: `No topics configured: derived ${topics.length} from the ${inWindow.length} articles of the window (${topics.map((topic) => topic.name).join('; ') || 'none'})`,
      ruleId: 'topics'
    })
  }
  const candidates = scoreCandidates(inWindow, topics)
  const selection = selectHighlights(candidates, topics, config.limits)
  const briefing = layOutChronology(selection, inWindow, period, config.title, {topics, topicsDerived})
  onStep?.(0, 'Rendering the email')
  let email
  try {
    email = await renderEmail(briefing, templates, {lang: config.lang, dir: textDirection(config.lang), brand: config.brand, ...(lastDropped === undefined ? {} : {lastDropped})})
  } catch (error) {
    if (error instanceof MjmlError) error.briefingId = briefing.id
    throw error
  }
  // The text part shows the items the HTML shows: auto-fit drops from both alike.
  const {html, dropped, text} = email
  onStep?.(1, 'Checking the email')
  // Findings name the template line (or `email.mjml` line) that made them, not minified HTML.
  const findings = checkEmail({html, text, templates: [templates.layout, ...Object.values(templates.partials)], mjml: {file: 'email.mjml', text: email.mjml.mjml}})
  return {briefing, selection, articles: inWindow, mjml: email.mjml.mjml, html, webHtml: email.webHtml, dropped, text, messages, findings}
}

/** The window's period and the articles it keeps, newest first, at most `limits.articles`. */
export function articlesInWindow(analyzed: Article[], config: Config, window?: WindowSpec) {
  // Weeks and days are the configured zone's: an article timed 02:30 UTC on a Monday is still a
  // Sunday article in New York.
  const articles = analyzed.map((article) => (article.published ? {...article, date: dayIn(article.published, config.timezone)} : article))
  const spec: WindowSpec = window ?? (typeof config.window === 'string' ? {kind: config.window} : {kind: 'days', days: config.window.days})
  const period = resolveWindow(spec, articles.map((article) => article.date))
  const inWindow = articles
    .filter((article) => article.date >= period.start && article.date <= period.end)
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, config.limits.articles)
  return {period, articles, inWindow}
}

/** `digest.json`: the briefing as the contract shapes it, plus every decision for `--explain`. */
export function briefingData(built: Built) {
  return {...built.briefing, explain: built.selection.decisions}
}

/** A VFile's messages in the contract's shape (`file`, `line`, `column`, `severity`, `reason`). */
export function toMessages(file: VFile): Message[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    ...(message.ruleId ? {ruleId: message.ruleId} : {})
  }))
}
