import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Command} from 'commander'
import {UsageError} from '../errors.js'
import type {IngestLine, Source} from '../ingest/ingest.js'
import type {Io} from '../io.js'
import {packageRoot} from '../paths.js'

export interface IngestFlags {
  content: string
  json?: boolean
  ignoreRobots?: boolean
}

/** `digest add SOURCE... [--content DIR] [--json]` (CONTRACT.md). */
export function registerAdd(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('add')
    .description('Add web pages and feeds (URLs, or local .html/.htm/.xml/.json files) as Markdown articles')
    .argument('<source...>', 'http(s) URLs of pages or feeds (RSS, Atom, JSON Feed), or local files')
    .option('--content <dir>', 'folder the articles are written into', 'content')
    .option('--ignore-robots', 'fetch pages even where robots.txt disallows them')
    .option('--json', 'one JSON object per page or feed item (JSON Lines)')
    .action((locations: string[], flags: IngestFlags) => run(() => runIngest(io, locations.map((location) => ({location})), flags)))
}

/** Shared by `digest add` and `digest fetch`: runs the ingest and prints one line per page or item. */
export async function runIngest(io: Io, sources: Source[], flags: IngestFlags): Promise<number> {
  const http = httpSettings(io.env)
  // Loaded on use so that `digest --help` does not pay for Readability, linkedom and unified.
  const [{ingest}, {HttpClient}, {createProgress}] = await Promise.all([import('../ingest/ingest.js'), import('../ingest/http.js'), import('../progress.js')])
  const progress = createProgress(io, 'Adding', {json: flags.json})
  const contentDir = path.resolve(io.cwd, flags.content)
  let result
  try {
    result = await ingest(sources, {
      contentDir,
      cwd: io.cwd,
      http: new HttpClient({userAgent: userAgent(), ignoreRobots: Boolean(flags.ignoreRobots), ...http}),
      onSourceDone: progress.update,
      onLine: (line, failed) => {
        const shown = {...line, file: line.file === null ? null : path.relative(io.cwd, line.file) || line.file}
        if (failed) io.stderr.write(`${line.from}  error  ${line.reason ?? 'failed'}\n`)
        if (flags.json) io.stdout.write(`${JSON.stringify(shown)}\n`)
        else if (!failed) io.stdout.write(`${formatLine(shown)}\n`)
      }
    })
  } finally {
    progress.stop()
  }
  return result.failed ? 1 : 0
}

function formatLine(line: IngestLine): string {
  const what = line.status === 'skipped' ? `(${line.reason})` : `${line.date ?? ''}  ${line.title ?? ''}`
  return `${line.status.padEnd(9)}  ${line.file ?? line.from}  ${what}`.trimEnd()
}

/** The User-Agent every request of `digest add` and `digest fetch` names the tool by. */
export function userAgent() {
  const {version} = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}
  return `digest/${version} (newsletter digest generator; fetches pages and feeds its user asked for)`
}

/** Overrides the tests use to keep failures fast; each must be a positive number of milliseconds or bytes. */
function httpSettings(env: NodeJS.ProcessEnv) {
  const number = (name: string) => {
    const value = env[name]
    if (value === undefined || value === '') return undefined
    if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`Unexpected ${name} value ${JSON.stringify(value)}, expected a positive whole number`)
    return Number(value)
  }
  const timeoutMs = number('DIGEST_FETCH_TIMEOUT')
  const retryDelayMs = number('DIGEST_FETCH_RETRY_DELAY')
  const maxBytes = number('DIGEST_FETCH_MAX_BYTES')
  return {...(timeoutMs ? {timeoutMs} : {}), ...(retryDelayMs ? {retryDelayMs} : {}), ...(maxBytes ? {maxBytes} : {})}
}
