import path from 'node:path'
import type {Command} from 'commander'
import type {z as zod} from 'zod'
import {readRecipients, tallyRecipients} from '../deliver/recipients.js'
import {newestBriefing} from './newest.js'
import {DigestError, UsageError} from '../errors.js'
import type {Io} from '../io.js'
import {formatMessage} from '../report.js'
import {listIssues} from '../validate.js'

const oneLine = (z: typeof zod, what: string) => z.string().min(1).refine((value) => !/[\r\n]/.test(value), `expected ${what} on one line`)

/** Built on use: `digest --help` does not load zod. */
const sendFlags = (z: typeof zod) => z.object({
  dir: z.string().min(1).optional(),
  to: z.array(oneLine(z, 'addresses')).optional(),
  list: z.string().min(1).optional(),
  smtp: z.url({protocol: /^smtps?$/, error: 'expected smtp://user:pass@host:port or smtps://…'}).optional(),
  // One address, optionally with a display name: `Desk <desk@example.org>`.
  from: oneLine(z, 'a sender').refine((value) => /^(?:[^<>@]*<)?[^\s<>@]+@[^\s<>@]+(?:>)?$/.test(value.trim()), 'expected one address such as "Desk <desk@example.org>"').optional(),
  subject: oneLine(z, 'a subject').optional(),
  config: z.string().min(1).optional(),
  connections: z.coerce.number().int().min(1).max(50).optional(),
  timeout: z.coerce.number().positive().max(3600, 'expected seconds, at most 3600').optional(),
  retryFailed: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional()
}).superRefine((flags, context) => {
  if (Boolean(flags.to) === Boolean(flags.list)) context.addIssue({code: 'custom', path: ['to'], message: 'expected either --to ADDR[,ADDR…] or --list FILE.csv'})
})

type SendFlags = {dir?: string; to?: string[]; list?: string; smtp?: string; from?: string; subject?: string; config?: string; connections?: string; timeout?: string; retryFailed?: boolean; dryRun?: boolean; json?: boolean}

/** `digest send`: see CONTRACT.md. Resolves to 1 when any recipient failed or has no confirmed delivery. */
export function registerSend(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('send')
    .description('Send the built briefing to each recipient once, over SMTP (or write .eml files with --dry-run)')
    .option('--dir <dir>', 'briefing folder (default: the newest one in out/)')
    .option('--to <addr,...>', 'recipient addresses, separated by commas', (value: string, previous: string[] = []) => [...previous, value])
    .option('--list <file.csv>', 'CSV of recipients: an `email` column, optionally `name`')
    .option('--smtp <url>', 'smtp://user:pass@host:port or smtps://… (default: the SMTP_URL environment variable)')
    .option('--from <addr>', 'sender, e.g. "Newsroom <briefing@example.org>" (default: email.from in the config)')
    .option('--subject <text>', 'subject (default: email.subject in the config, else title and period)')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--connections <n>', 'pooled SMTP connections (default: 5)')
    .option('--timeout <seconds>', 'per message: give up on a delivery the server has not confirmed by then (default: 60)')
    .option('--retry-failed', 'send again to addresses an earlier run saw refused for good (5xx)')
    .option('--dry-run', 'connect to nothing; write each message as .eml into <dir>/dry-run/')
    .option('--json', 'print the summary as one JSON object')
    .action((given: SendFlags) => run(async () => {
      const [{z}, {loadConfig}] = await Promise.all([import('zod'), import('../config.js')])
      const parsed = sendFlags(z).safeParse({...given, smtp: given.smtp ?? (io.env.SMTP_URL || undefined)})
      if (!parsed.success) {
        throw new UsageError(listIssues(parsed.error).map((issue) => `Unexpected --${flagName(issue.keyPath)} value, ${issue.message}`).join('\n'))
      }
      const flags = parsed.data
      if (!flags.dryRun && !flags.smtp) {
        throw new UsageError('Unexpected missing SMTP server, expected `--smtp smtp://user:pass@host:port` (or smtps://…), or the same URL in the SMTP_URL environment variable; or --dry-run to write .eml files instead')
      }
      const config = loadConfig(flags.config && path.resolve(io.cwd, flags.config), io.cwd)
      const from = flags.from ?? config.email.from
      if (!from) throw new UsageError('Unexpected missing sender, expected --from ADDR or `email.from` in the config')
      const dir = flags.dir ? path.resolve(io.cwd, flags.dir) : await newestBriefing(path.resolve(io.cwd, 'out'))
      const source = {cwd: io.cwd, ...(flags.list ? {list: flags.list} : {to: flags.to ?? []})}
      // Read once to report every bad row before anything is sent; read again, streaming, to send.
      const list = await tallyRecipients(source)
      if (!flags.json) for (const message of list.messages) io.stderr.write(`${formatMessage(message)}\n`)
      if (list.count === 0) throw new DigestError(`No valid recipients in ${flags.list ?? '--to'}: nothing to send`)

      const retryDelay = Number(io.env.DIGEST_SEND_RETRY_DELAY)
      // nodemailer and the progress bar load only when a send runs, to keep `digest --help` quick.
      const [{sendBriefing}, {createProgress}] = await Promise.all([import('../deliver/send.js'), import('../progress.js')])
      const progress = list.count > 5 ? createProgress(io, flags.dryRun ? 'Writing' : 'Sending', {json: flags.json}) : {update() {}, stop() {}}
      const logo = config.brand.logo
      let result
      try {
        result = await sendBriefing({
          dir,
          recipients: readRecipients(source),
          total: list.count,
          from,
          onProgress: progress.update,
          ...(flags.smtp ? {smtp: flags.smtp} : {}),
          ...(flags.subject ?? config.email.subject ? {subject: flags.subject ?? config.email.subject} : {}),
          ...(config.brand.unsubscribeUrl ? {unsubscribeUrl: config.brand.unsubscribeUrl} : {}),
          ...(logo ? {logo: {src: logo, file: path.resolve(io.cwd, logo)}} : {}),
          ...(io.env.DIGEST_LINK_SECRET ? {secret: io.env.DIGEST_LINK_SECRET} : {}),
          ...(flags.dryRun ? {dryRun: true} : {}),
          ...(flags.retryFailed ? {retryFailed: true} : {}),
          ...(flags.connections ? {maxConnections: flags.connections} : {}),
          ...(flags.timeout ? {timeout: flags.timeout * 1000} : {}),
          ...(retryDelay >= 0 && io.env.DIGEST_SEND_RETRY_DELAY ? {retryDelay} : {})
        })
      } finally {
        progress.stop()
      }

      const relative = (file: string) => path.relative(io.cwd, file) || file
      const unconfirmed = result.uncertain.filter((entry) => entry.outcome === 'unconfirmed').length
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({
          dir: result.dir,
          dryRun: result.dryRun,
          ledger: result.ledger ?? null,
          recipients: result.recipients,
          sent: result.sent,
          skipped: result.skipped,
          failed: result.failed,
          uncertain: result.uncertain.length,
          suppressed: result.suppressed,
          invalid: list.invalid,
          duplicates: list.duplicates,
          files: result.files,
          failures: result.failures,
          uncertainDeliveries: result.uncertain,
          messages: list.messages
        })}\n`)
      } else if (result.dryRun) {
        io.stdout.write(`Dry run: wrote ${result.files.length} message${result.files.length === 1 ? '' : 's'} to ${relative(path.join(result.dir, 'dry-run'))}; sent 0, skipped 0 (already sent), failed 0 (${list.invalid} invalid, ${plural(list.duplicates, 'duplicate')} left out)\n`)
      } else {
        for (const failure of result.failures) {
          io.stderr.write(`${failure.email}  error  ${failure.response} (${failure.temporary ? `temporary, gave up after ${plural(failure.attempts, 'attempt')}` : failure.suppressed ? 'permanent: not sent again without --retry-failed' : 'permanent for this run'})\n`)
        }
        for (const entry of result.uncertain) {
          const why = entry.interrupted ? 'an attempt was in flight when an earlier run stopped' : entry.response
          const outcome = entry.outcome === 'sent' ? 'then confirmed: may have two copies' : 'never confirmed: may have none, one or two copies; not sent again'
          io.stderr.write(`${entry.email}  warning  Uncertain delivery: ${why}; ${outcome}\n`)
        }
        const extra = [result.uncertain.length > 0 ? `${result.uncertain.length} uncertain (named above)` : '', result.suppressed > 0 ? `${result.suppressed} suppressed (refused for good before; --retry-failed sends again)` : ''].filter(Boolean).join(', ')
        io.stdout.write(`Sent ${result.sent}, skipped ${result.skipped} (already sent), failed ${result.failed} of ${plural(result.recipients, 'recipient')} (${list.invalid} invalid, ${plural(list.duplicates, 'duplicate')} left out)${extra ? `; ${extra}` : ''}; ledger ${relative(result.ledger ?? '')}\n`)
      }
      return result.failed > 0 || unconfirmed > 0 ? 1 : 0
    }))
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function flagName(keyPath: string): string {
  return keyPath.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/\..*$/, '')
}
