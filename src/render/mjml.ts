import Handlebars from 'handlebars'
import type {Briefing} from '../briefing/chronology.js'
import {DigestError} from '../errors.js'
import type {Templates} from './templates.js'
import {buildView, Raw, type View, type ViewOptions} from './view.js'

export type {ViewOptions} from './view.js'

/** The MJML and, for each of its lines, the template file that wrote it (for MJML errors). */
export interface RenderedMjml {
  mjml: string
  /** `lineSources[n - 1]` is the template file that produced line `n` of `mjml`. */
  lineSources: string[]
}

// Private-use characters mark where each partial's output starts and ends; they are removed from
// the data first, so only the renderer can write them.
const open = '\uE000'
const close = '\uE001'
const markers = /[\uE000-\uE002]/g

/**
 * Handlebars → MJML. Every value the templates see is escaped once here, before rendering,
 * braces included: article text such as `<mj-text>`, `<script>` or `{{x}}` stays text through
 * MJML and its minifier, and is never evaluated. Templates are compiled with `noEscape` so
 * nothing is escaped twice. A template error names the template file, line and column.
 */
export function renderMjml(briefing: Briefing, templates: Templates, options: ViewOptions): RenderedMjml {
  return mjmlOfView(buildView(briefing, options), templates)
}

/** `renderMjml` from a view already built: auto-fit builds one for both the MJML and the text. */
export function mjmlOfView(view: View, templates: Templates): RenderedMjml {
  const layout = compiledLayout(templates)
  const context = escapeView(view)
  let output: string
  try {
    output = layout(context)
  } catch (error) {
    throw runtimeError(error, templates.layout.file)
  }
  return attribute(output, templates.layout.file)
}

// Auto-fit renders the same templates several times per build, and the preview on every save:
// each set of templates is compiled once. A changed template is loaded as a new `Templates`.
const compiled = new WeakMap<Templates, HandlebarsTemplateDelegate>()

function compiledLayout(templates: Templates): HandlebarsTemplateDelegate {
  const known = compiled.get(templates)
  if (known) return known
  const handlebars = Handlebars.create()
  for (const [name, helper] of Object.entries(templates.helpers ?? {})) handlebars.registerHelper(name, helper)
  handlebars.registerHelper('helperMissing', missingHelper)
  for (const [name, source] of Object.entries(templates.partials)) {
    const template = compile(handlebars, source.text, source.file)
    handlebars.registerPartial(name, (context: unknown, partialOptions?: Handlebars.RuntimeOptions) => {
      let output: string
      try {
        output = template(context, partialOptions)
      } catch (error) {
        throw runtimeError(error, source.file)
      }
      return `${open}${source.file}${close}${output}${open}${close}`
    })
  }
  const layout = compile(handlebars, templates.layout.text, templates.layout.file)
  compiled.set(templates, layout)
  return layout
}

function compile(handlebars: typeof Handlebars, text: string, file: string) {
  try {
    // Parse now, not on first use, so a syntax error is reported against its own file.
    handlebars.parse(text)
    return handlebars.compile(text, {noEscape: true, strict: false})
  } catch (error) {
    const message = (error as Error).message
    const {line, column} = syntaxPlace(error as Error & {lineNumber?: number; column?: number}, text)
    const lines = message.split('\n')
    const got = /got '(\w+)'/.exec(lines.at(-1) ?? '')?.[1]
    const summary = `${(lines[0] ?? '').replace(/ on line \d+:$/, '')}${got ? ` (unexpected ${got})` : ''}`
    throw new DigestError(`Unexpected template syntax in ${file}: ${summary}`, {cause: error, place: {file, line, column}})
  }
}

/**
 * Handlebars gives a line and column for a mismatched block, but for a parse error only the line
 * and an excerpt with a caret under the error; the column is where that excerpt ends in the line.
 */
function syntaxPlace(error: Error & {lineNumber?: number; column?: number}, text: string) {
  if (error.lineNumber !== undefined) return {line: error.lineNumber, column: (error.column ?? 0) + 1}
  const [, lineText, excerpt, caret] = /line (\d+):\n(.*)\n(-*)\^/.exec(error.message) ?? []
  const line = Number(lineText ?? 1)
  const source = text.split('\n')[line - 1] ?? ''
  const before = (excerpt ?? '').slice(0, caret?.length ?? 0).replace(/^\.\.\./, '')
  for (let length = before.length; length > 0; length--) {
    const at = source.indexOf(before.slice(-length))
    if (at !== -1) return {line, column: at + length + 1}
  }
  return {line, column: 1}
}

/**
 * `{{name}}` with no arguments is a value the data lacks: empty, as Handlebars has it. With
 * arguments it can only be a helper, and one that is not there is an error at its line.
 */
function missingHelper(...args: unknown[]) {
  const options = args.at(-1) as Handlebars.HelperOptions & {name: string; loc?: {start: {line: number; column: number}}}
  if (args.length === 1) return undefined
  const error = new Error(`Unexpected missing helper \`${options.name}\`, expected one of Handlebars' or one exported by the module the config's \`helpers\` names`) as Error & {lineNumber?: number; column?: number}
  if (options.loc) {
    error.lineNumber = options.loc.start.line
    error.column = options.loc.start.column
  }
  throw error
}

function runtimeError(error: unknown, file: string) {
  if (error instanceof DigestError) return error
  const {lineNumber, column} = error as {lineNumber?: number; column?: number}
  const message = (error as Error).message.split('\n')[0] ?? ''
  // Our own "Unexpected …" (a missing helper) says all there is; a foreign error is kept as the cause.
  const ours = message.startsWith('Unexpected')
  return new DigestError(ours ? message : `Having trouble rendering ${file}: ${message}`, {
    ...(ours ? {} : {cause: error}),
    place: {file, ...(lineNumber ? {line: lineNumber, column: (column ?? 0) + 1} : {})}
  })
}

/**
 * Strips the partial markers, noting for each output line the innermost template that wrote it:
 * the one that wrote its first visible character, else the one open at its end. The text between
 * markers is copied in slices: the web version is megabytes, and a string grown a character at a
 * time held hundreds of megabytes of rope until it was flattened.
 */
function attribute(output: string, layoutFile: string): RenderedMjml {
  const stack = [layoutFile]
  const lineSources: string[] = []
  const pieces: string[] = []
  let lineOwner: string | undefined
  const text = (from: number, to: number) => {
    const owner = stack.at(-1)
    for (let start = from; start < to; ) {
      const newline = output.indexOf('\n', start)
      const end = newline === -1 || newline >= to ? to : newline
      if (lineOwner === undefined && visible.test(output.slice(start, end))) lineOwner = owner
      if (end === to) break
      lineSources.push(lineOwner ?? owner ?? layoutFile)
      lineOwner = undefined
      start = end + 1
    }
    pieces.push(output.slice(from, to))
  }
  let index = 0
  for (let marker = output.indexOf(open); marker !== -1; marker = output.indexOf(open, index)) {
    text(index, marker)
    const end = output.indexOf(close, marker + 1)
    const name = output.slice(marker + 1, end)
    if (name) stack.push(name)
    else stack.pop()
    index = end + 1
  }
  text(index, output.length)
  lineSources.push(lineOwner ?? stack.at(-1) ?? layoutFile)
  return {mjml: pieces.join(''), lineSources}
}

// What `String#trim` keeps: a line's owner is whoever wrote its first character that is not white space.
const visible = /\S/

/**
 * `escapeDeep` of the view, but its raw `briefing` is escaped only when a template first reads it:
 * our templates never do, and at 10,000 articles it is the largest part of the view.
 */
function escapeView(view: View): Record<string, unknown> {
  const context: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(view)) {
    if (key === 'briefing') {
      let escaped: unknown
      Object.defineProperty(context, key, {enumerable: true, get: () => (escaped ??= escapeDeep(value))})
    } else {
      context[key] = escapeDeep(value)
    }
  }
  return context
}

/** HTML-escapes every string in the view (braces too); `Raw` values pass through as they are. */
function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value)
  if (value instanceof Raw) return value.html
  if (Array.isArray(value)) return value.map(escapeDeep)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, escapeDeep(entry)]))
  return value
}

const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;', '{': '&#123;', '}': '&#125;'}

// Most strings need neither: one test spares copying them twice over.
const escapable = /[\uE000-\uE002&<>"'`={}]/

function escapeText(text: string) {
  if (!escapable.test(text)) return text
  return text.replace(markers, '').replace(/[&<>"'`={}]/g, (char) => entities[char] ?? char)
}
