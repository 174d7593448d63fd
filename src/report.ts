import type {VFile} from 'vfile'
import type {Io} from './io.js'
import type {Message} from './types.js'

/** `content/a.md:3:7  error  Unexpected …  date`: the shape editors and CI annotate from. */
export function formatMessage(message: Message): string {
  return [`${message.file}:${message.line}:${message.column}`, message.severity, message.reason, message.ruleId].filter(Boolean).join('  ')
}

/**
 * Messages as people and machines read them. A person at a terminal gets the unified collective's
 * report (vfile-reporter: grouped by file, coloured); logs, pipes and CI get one
 * `file:line:column  severity  reason  rule` line per message, which editors and CI annotate from.
 */
export async function reportMessages(messages: Message[], io: Io): Promise<string> {
  if (messages.length === 0) return ''
  if (!io.stderrIsTTY || isCI(io.env)) return messages.map((message) => `${formatMessage(message)}\n`).join('')
  // Loaded here, not at start-up: `digest --help` and runs without a terminal never need them.
  const [{VFile}, {reporter}] = await Promise.all([import('vfile'), import('vfile-reporter')])
  const files = new Map<string, VFile>()
  for (const message of messages) {
    const file = files.get(message.file) ?? new VFile({path: message.file})
    files.set(message.file, file)
    const place = {line: message.line, column: message.column}
    const options = {place, ...(message.ruleId ? {ruleId: message.ruleId} : {}), source: 'digest'}
    if (message.severity === 'error') {
      // `fail` throws by design: the message is what is wanted, not the throw.
      try {
        file.fail(message.reason, options)
      } catch {}
    } else if (message.severity === 'warning') file.message(message.reason, options)
    else file.info(message.reason, options)
  }
  return `${reporter([...files.values()], {color: useColor(io)})}\n`
}

/** `NO_COLOR` (any value) turns colour off, `FORCE_COLOR` (but `0`) on; else colour on a terminal. */
export function useColor(io: Pick<Io, 'env' | 'stderrIsTTY'>): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false'
  return io.stderrIsTTY
}

/** CI services set `CI`; `CI=false` or `CI=0` (as some shells and tools write it) means not CI. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}
