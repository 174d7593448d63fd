import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {LineCounter, parseDocument} from 'yaml'
import {z} from 'zod'
import {DigestError} from './errors.js'
import {listIssues, yamlLocator, type Locate} from './validate.js'

/** The names a config file may have in the project root, in the order they are looked for. */
export const configFileNames = ['digest.config.yaml', 'digest.config.yml', 'digest.config.json']

const topicSchema = z.strictObject({
  name: z.string().min(1),
  /** Words or phrases, matched on word boundaries and simple plurals. */
  keywords: z.array(z.string().trim().min(1, 'Unexpected empty keyword, expected a word or phrase')).min(1, 'Unexpected empty list, expected at least one keyword'),
  /** Multiplies the topic points of items in this topic. @default 1 */
  weight: z.number().positive().default(1)
})

const windowSchema = z.union([
  z.literal('all'),
  z.literal('week'),
  z.strictObject({days: z.number().int().positive()})
], {error: 'Unexpected window, expected `all`, `week` or `{days: N}`'})

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #rrggbb')
const httpUrl = z.url({protocol: /^https?$/})

export const configSchema = z.strictObject({
  /** Folder of articles, relative to the config file. @default "content" */
  content: z.string().min(1).optional(),
  /** Folder the briefings and the archive are written into, relative to the config file. @default "out" */
  out: z.string().min(1).optional(),
  /** Folder whose templates override the defaults file by file, relative to the config file. */
  templates: z.string().min(1).optional(),
  /** A JavaScript module of Handlebars helpers (relative to the config file), loaded only when named here. */
  helpers: z.string().min(1).optional(),
  /** The briefing's headline. @default "Weekly briefing" */
  title: z.string().min(1).default('Weekly briefing'),
  /** Which articles go in when no --week/--since/--until is given. @default "week" */
  window: windowSchema.default('week'),
  /** IANA time zone in which weeks start and end. @default "UTC" */
  timezone: z.string().refine(isTimeZone, 'Expected an IANA time zone such as Europe/London').default('UTC'),
  /** Language of the briefing (the HTML `lang`). @default "en" */
  lang: z.string().min(2).default('en'),
  /** Topics; when empty they are derived from the articles. @default [] */
  topics: z.array(topicSchema).superRefine((topics, context) => {
    const seen = new Set<string>()
    for (const [index, topic] of topics.entries()) {
      // Items are placed by topic name, so two topics of one name would share their places.
      if (seen.has(topic.name)) context.addIssue({code: 'custom', path: [index, 'name'], message: `Unexpected second topic named \`${topic.name}\`, expected unique names`})
      seen.add(topic.name)
    }
  }).default([]),
  limits: z.strictObject({
    quotesPerTopic: z.number().int().min(0).default(3),
    figuresPerTopic: z.number().int().min(0).default(3),
    articles: z.number().int().positive().default(50)
  }).prefault({}),
  brand: z.strictObject({
    name: z.string().min(1).default('digest'),
    color: colorSchema.default('#1a4d8f'),
    // A URL, or a local image embedded in each message as an inline (cid:) part.
    logo: z.union([httpUrl, z.string().regex(/^(?![a-z][a-z\d+.-]*:)[^\r\n]+\.(?:png|jpe?g|gif)$/i)], {error: 'expected an http(s) URL or a local .png, .jpg or .gif file'}).optional(),
    footer: z.string().default('You receive this briefing because you subscribed to it.'),
    unsubscribeUrl: httpUrl.optional(),
    webUrl: httpUrl.optional()
  }).prefault({}),
  email: z.strictObject({
    from: z.string().min(3).optional(),
    subject: z.string().min(1).optional()
  }).prefault({})
})

export type Config = z.infer<typeof configSchema>
export type ConfigInput = z.input<typeof configSchema>

/**
 * Reads and validates the config: flags > file > defaults, arrays replaced, not merged.
 * `file` undefined means "look in `root` for one of `configFileNames`"; none there means defaults.
 */
export function loadConfig(file: string | undefined, root: string, overrides: ConfigInput = {}): Config {
  const found = file ?? configFileNames.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate))
  let fromFile: Record<string, unknown> = {}
  let locate: Locate | undefined
  if (found) {
    let text: string
    try {
      text = readFileSync(found, 'utf8')
    } catch (error) {
      throw new DigestError(`Cannot read config file ${found}`, {cause: error, place: {file: found}})
    }
    const lineCounter = new LineCounter()
    const document = parseDocument(text, {lineCounter})
    const yamlError = document.errors[0]
    if (yamlError) {
      const [line, column] = yamlError.linePos?.[0] ? [yamlError.linePos[0].line, yamlError.linePos[0].col] : [1, 1]
      throw new DigestError(`Unexpected YAML in config: ${yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, {place: {file: found, line, column}})
    }
    const value: unknown = document.toJS() ?? {}
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new DigestError('Unexpected config content, expected a mapping of keys', {place: {file: found, line: 1, column: 1}})
    }
    fromFile = value as Record<string, unknown>
    locate = yamlLocator(document, lineCounter)
    const parsedFile = configSchema.safeParse(fromFile)
    if (!parsedFile.success) throw configError(parsedFile.error, found, locate)
  }
  const merged = mergeConfig(fromFile, overrides as Record<string, unknown>)
  const parsed = configSchema.safeParse(merged)
  if (!parsed.success) throw configError(parsed.error, found ?? 'flags', locate)
  return found ? resolvePaths(parsed.data, path.dirname(path.resolve(root, found))) : parsed.data
}

/** The config's folders and files are relative to the config file, so a briefing folder can be built from anywhere. */
function resolvePaths(config: Config, folder: string): Config {
  const resolved = {...config}
  for (const key of ['content', 'out', 'templates', 'helpers'] as const) {
    const value = config[key]
    if (value !== undefined) resolved[key] = path.resolve(folder, value)
  }
  return resolved
}

/** Objects merge key by key; arrays and scalars from `over` replace those in `base`. */
function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {...base}
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    const previous = result[key]
    result[key] = isPlainObject(value) && isPlainObject(previous) ? mergeConfig(previous, value) : value
  }
  return result
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function configError(error: z.ZodError, file: string, locate?: Locate) {
  const issues = listIssues(error, locate)
  const lines = issues.map((issue) => `${issue.line ? `${file}:${issue.line}:${issue.column}  ` : ''}${issue.keyPath}: ${issue.message}`)
  return new DigestError(`Unexpected config (${issues.length} issue${issues.length === 1 ? '' : 's'}), expected the keys documented in the README:\n${lines.join('\n')}`, {
    place: {file, line: issues[0]?.line, column: issues[0]?.column}
  })
}

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', {timeZone: zone})
    return true
  } catch {
    return false
  }
}
