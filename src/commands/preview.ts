import type {Command} from 'commander'
import type {z as zod} from 'zod'
import {UsageError} from '../errors.js'
import type {Io} from '../io.js'
import {listIssues} from '../validate.js'
import {windowFromFlags} from './flags.js'

/** Built on use: `digest --help` does not load zod. */
const flagsSchema = (z: typeof zod) => z.object({
  port: z.string().regex(/^\d+$/, 'expected a whole number from 0 to 65535 (0 picks a free port)').transform(Number).pipe(z.number().max(65535, 'expected a whole number from 0 to 65535 (0 picks a free port)')),
  host: z.string().min(1, 'expected a host name or IP address such as 127.0.0.1'),
  content: z.string().min(1),
  config: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  week: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional()
})

/** `digest preview`: see CONTRACT.md. Serves until SIGINT or SIGTERM, then resolves to 0. */
export function registerPreview(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('preview')
    .description('Build, serve and watch the briefing: a page with the email, its text, MJML, data, size and findings that reloads on every save')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '4000')
    .option('--host <host>', 'address to bind; anything but loopback exposes the preview to your network', '127.0.0.1')
    .option('--content <dir>', 'folder of articles (.md, .markdown, .txt)', 'content')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--templates <dir>', 'folder whose templates override the defaults, file by file')
    .option('--week <YYYY-Www>', 'only articles of this ISO week')
    .option('--since <YYYY-MM-DD>', 'only articles on or after this day')
    .option('--until <YYYY-MM-DD>', 'only articles on or before this day')
    .action((given: Record<string, string | undefined>) => run(async () => {
      const parsed = flagsSchema((await import('zod')).z).safeParse(given)
      if (!parsed.success) {
        throw new UsageError(listIssues(parsed.error).map((issue) => `Unexpected --${issue.keyPath} value, ${issue.message}`).join('\n'))
      }
      const flags = parsed.data
      const window = windowFromFlags(flags)
      // Loaded on use so that `digest --help` does not pay for MJML, unified and the watcher.
      const {startPreview} = await import('../deliver/preview.js')
      const preview = await startPreview({
        cwd: io.cwd,
        host: flags.host,
        port: flags.port,
        content: flags.content,
        ...(flags.config ? {config: flags.config} : {}),
        ...(flags.templates ? {templates: flags.templates} : {}),
        ...(window ? {window} : {}),
        onWarning: (text) => io.stderr.write(`${text}\n`),
        onBuild: (state) => {
          const place = (error: {file?: string; line?: number; column?: number}) => (error.file ? `${error.file}:${error.line ?? 1}:${error.column ?? 1}  ` : '')
          for (const error of state.errors) io.stderr.write(`${place(error)}error  ${error.message}\n`)
          const cause = state.changed.length > 0 ? `${state.changed.join(', ')} changed; ` : ''
          const took = `in ${state.durationMs ?? 0} ms`
          // A failed build rendered nothing: the size of an older email would pass for this one's.
          if (state.stale || !state.output) io.stderr.write(`${cause}build failed ${took}${state.output ? '; the preview keeps the last good email' : ''}\n`)
          else {
            const left = state.errors.length > 0 ? ` without ${state.errors.length === 1 ? 'the article' : 'the articles'} above` : ''
            io.stderr.write(`${cause}built ${took}${left}, email ${(state.output.htmlBytes / 1000).toFixed(1)} kB of ${(state.budget / 1000).toFixed(1)} kB\n`)
          }
        }
      })
      io.stdout.write(`${preview.url}\n`)
      io.stderr.write(`Previewing ${flags.content} at ${preview.url} (Ctrl+C stops)\n`)
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          resolve()
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
      await preview.close()
      return 0
    }))
}
