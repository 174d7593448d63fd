import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {connect, type Socket} from 'node:net'
import path from 'node:path'
import {setTimeout as delay} from 'node:timers/promises'
import nodemailer from 'nodemailer'
import addressparser from 'nodemailer/lib/addressparser/index.js'
import {parseConnectionUrl} from 'nodemailer/lib/shared/index.js'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import {DigestError} from '../errors.js'
import {openLedger, type Ledger} from './ledger.js'
import {composeForReaders, defaultSubject} from './message.js'
import type {Recipient} from './recipients.js'
import {writeFilesAtomically} from './write.js'

export interface SendOptions {
  /** The briefing folder (`out/<id>/`) holding index.html, index.txt and digest.json. */
  dir: string
  recipients: Recipient[]
  /** `smtp://user:pass@host:port` or `smtps://…`; not needed for a dry run. */
  smtp?: string
  /** `Name <address>`: the From header; its domain ends every Message-ID. */
  from: string
  /** Undefined: the briefing's title and period, as `digest build` writes into email.eml. */
  subject?: string
  unsubscribeUrl?: string
  /** Write `dry-run/<address>.eml` per recipient instead of connecting to anything. */
  dryRun?: boolean
  /** Pooled SMTP connections, and so messages in flight at once. */
  maxConnections?: number
  /** Tries per recipient for temporary failures (4xx, dropped connection, timeout). */
  attempts?: number
  /** Wait before the first retry in ms; it doubles for each further one. */
  retryDelay?: number
  /** Socket inactivity limit in ms, so a server that stops answering counts as a temporary failure. */
  timeout?: number
  onProgress?: (done: number, total: number) => void
}

export interface Failure {
  email: string
  /** The SMTP reply code (`550`), or nodemailer's error code (`ECONNECTION`) when there was none. */
  code: string
  response: string
  attempts: number
  temporary: boolean
}

export interface SendResult {
  dir: string
  /** The ledger file; undefined on a dry run, which records nothing. */
  ledger?: string
  dryRun: boolean
  recipients: number
  sent: number
  /** Already in the ledger from an earlier run, so not sent again. */
  skipped: number
  failed: number
  /** The `.eml` files of a dry run. */
  files: string[]
  failures: Failure[]
}

const defaults = {dryRun: false, maxConnections: 5, attempts: 5, retryDelay: 1000, timeout: 60_000}

/**
 * Sends the built briefing in `dir` to each recipient once: one message per reader, with a
 * Message-ID stable per briefing and reader, over a pooled SMTP connection. Every accepted
 * recipient is appended to `dir/send-ledger.jsonl` (fsync'ed) before it counts as sent, and a
 * later run skips everyone recorded there, so a run again or after a crash resumes, not repeats.
 */
export async function sendBriefing(options: SendOptions): Promise<SendResult> {
  const settings = {...defaults, ...options}
  const briefing = await readBriefing(settings.dir)
  const from = parseSender(settings.from)
  const subject = settings.subject ?? defaultSubject(briefing)
  const idOf = (recipient: Recipient) => messageId(briefing.id, recipient.key, from.domain)
  const personal = await composeForReaders({
    from: settings.from,
    subject,
    html: briefing.html,
    text: briefing.text,
    ...(settings.unsubscribeUrl ? {unsubscribeUrl: settings.unsubscribeUrl} : {})
  })
  const compose = (recipient: Recipient) => personal(recipient.name ? {name: recipient.name, address: recipient.email} : recipient.email, idOf(recipient))
  const result: SendResult = {dir: settings.dir, dryRun: settings.dryRun, recipients: settings.recipients.length, sent: 0, skipped: 0, failed: 0, files: [], failures: []}

  if (settings.dryRun) {
    const folder = path.join(settings.dir, 'dry-run')
    // Written in batches so a long list never holds every message in memory at once.
    for (let start = 0; start < settings.recipients.length; start += 50) {
      const batch = settings.recipients.slice(start, start + 50)
      const files: Record<string, Buffer> = {}
      for (const recipient of batch) files[emlName(recipient.key)] = compose(recipient)
      result.files.push(...(await writeFilesAtomically(folder, files)))
      settings.onProgress?.(result.files.length, settings.recipients.length)
    }
    return result
  }

  if (!settings.smtp) throw new DigestError('Unexpected missing SMTP server, expected --smtp URL or the SMTP_URL environment variable')
  const ledger = await openLedger(path.join(settings.dir, 'send-ledger.jsonl'))
  result.ledger = ledger.file
  const pending = settings.recipients.filter((recipient) => !ledger.sent.has(recipient.key))
  result.skipped = settings.recipients.length - pending.length
  if (pending.length === 0) {
    await ledger.close()
    return result
  }

  const transport = nodemailer.createTransport(transportOptions(settings.smtp, settings))
  try {
    try {
      await transport.verify()
    } catch (error) {
      throw new DigestError(`Cannot connect to the SMTP server ${redact(settings.smtp)}: ${describeError(error).response}`, {cause: error})
    }
    let next = 0
    let stopped: unknown
    const deliverNext = async () => {
      while (stopped === undefined && next < pending.length) {
        const recipient = pending[next++]!
        try {
          const failure = await deliver(recipient, {raw: compose(recipient), id: idOf(recipient)}, transport, ledger, from.address, settings)
          if (failure) {
            result.failed++
            result.failures.push(failure)
          } else {
            result.sent++
          }
        } catch (error) {
          // The ledger cannot be written (or a message cannot be composed): going on would send
          // messages nobody records, so every worker stops after its current message.
          stopped ??= error
        }
        settings.onProgress?.(result.sent + result.failed, pending.length)
      }
    }
    // Twice as many workers as connections, so a connection never waits for the next message.
    await Promise.all(Array.from({length: Math.min(pending.length, settings.maxConnections * 2)}, deliverNext))
    if (stopped !== undefined) throw stopped
  } finally {
    transport.close()
    await ledger.close()
  }
  return result
}

/** Sends one message with retries; resolves to the failure, or undefined once it is recorded as sent. */
async function deliver(recipient: Recipient, {raw, id}: {raw: Buffer; id: string}, transport: nodemailer.Transporter<SMTPPool.SentMessageInfo>, ledger: Ledger, envelopeFrom: string, settings: typeof defaults): Promise<Failure | undefined> {
  for (let attempt = 1; ; attempt++) {
    let info: SMTPPool.SentMessageInfo
    try {
      info = await transport.sendMail({envelope: {from: envelopeFrom, to: [recipient.email]}, raw})
    } catch (error) {
      const described = describeError(error)
      if (described.temporary && attempt < settings.attempts) {
        await delay(settings.retryDelay * 2 ** (attempt - 1))
        continue
      }
      const failure: Failure = {email: recipient.email, code: described.code, response: described.response, attempts: attempt, temporary: described.temporary}
      await ledger.append({status: 'failed', email: recipient.email, messageId: id, code: failure.code, response: failure.response, attempts: attempt, temporary: failure.temporary, at: new Date().toISOString()})
      return failure
    }
    // The server has the message now. Until this line is on disk a crash would send it again on
    // the next run: the one at-least-once window, which the stable Message-ID lets receivers close.
    await ledger.append({status: 'sent', email: recipient.email, messageId: id, response: String(info.response ?? ''), attempts: attempt, at: new Date().toISOString()})
    return undefined
  }
}

/**
 * Temporary: a 4xx reply, or no reply at all (dropped connection, timeout, refused connection).
 * Permanent: a 5xx reply, and errors that sending again cannot mend (authentication, TLS, a
 * message or address nodemailer refuses).
 */
function describeError(error: unknown): {code: string; response: string; temporary: boolean} {
  const smtp = error as {responseCode?: number; code?: string; response?: string; message?: string}
  const response = (smtp.response ?? smtp.message ?? String(error)).replace(/\s+/g, ' ').trim()
  if (typeof smtp.responseCode === 'number') {
    return {code: String(smtp.responseCode), response, temporary: smtp.responseCode >= 400 && smtp.responseCode < 500}
  }
  const code = smtp.code ?? 'ECONNECTION'
  return {code, response, temporary: !['EAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS', 'EDNS'].includes(code)}
}

function transportOptions(url: string, settings: typeof defaults): SMTPPool.Options & {maxRequeues: number} {
  const parsed = parseConnectionUrl(url)
  // Credentials never cross the network in the clear: smtp:// with a password must upgrade with
  // STARTTLS (opportunistic otherwise), unless the server is this machine or the URL says
  // `?requireTLS=false` on purpose.
  const loopback = parsed.host === 'localhost' || parsed.host === '::1' || parsed.host?.startsWith('127.')
  const requireTLS = parsed.requireTLS ?? Boolean(parsed.auth && !parsed.secure && !loopback)
  return {
    ...parsed,
    requireTLS,
    pool: true,
    maxConnections: settings.maxConnections,
    maxMessages: Infinity,
    // nodemailer would otherwise requeue a message on a dropped connection forever, out of sight
    // of our backoff and attempt count.
    maxRequeues: 0,
    connectionTimeout: settings.timeout,
    greetingTimeout: settings.timeout,
    socketTimeout: settings.timeout,
    getSocket: (options, callback) => connectWithoutDelay(options.host ?? 'localhost', options.port ?? (options.secure ? 465 : 587), settings.timeout, callback)
  }
}

/**
 * A connected TCP socket with Nagle's algorithm off, for nodemailer to speak SMTP (and TLS) over.
 * nodemailer leaves it on, so the short `.` that ends each message waits for the server's delayed
 * ACK: about 40 ms per message per connection, whatever the network.
 */
function connectWithoutDelay(host: string, port: number, timeout: number, callback: (error: Error | null, socketOptions?: {connection: Socket}) => void) {
  const socket = connect({host, port})
  const fail = (error: Error) => {
    socket.destroy()
    callback(Object.assign(error, {code: 'ECONNECTION'}))
  }
  socket.setTimeout(timeout, () => fail(new Error(`Connection to ${host}:${port} timed out`)))
  socket.once('error', fail)
  socket.once('connect', () => {
    socket.removeListener('error', fail)
    // nodemailer attaches its own handler on the next tick; until then an error must not crash us.
    socket.on('error', () => {})
    socket.setTimeout(0)
    socket.setNoDelay(true)
    callback(null, {connection: socket})
  })
}

/** The URL with its password replaced, fit for an error message. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '****'
    return parsed.toString()
  } catch {
    return '(unreadable URL)'
  }
}

interface BriefingFiles {
  id: string
  title: string
  period: {start: string; end: string}
  html: string
  text: string
}

async function readBriefing(dir: string): Promise<BriefingFiles> {
  const read = async (name: string) => {
    const file = path.join(dir, name)
    try {
      return await readFile(file, 'utf8')
    } catch (error) {
      throw new DigestError(`Cannot read ${file}, expected a briefing folder written by \`digest build\``, {cause: error, place: {file}})
    }
  }
  const [data, html, text] = await Promise.all([read('digest.json'), read('index.html'), read('index.txt')])
  let parsed: {id?: unknown; title?: unknown; period?: {start?: unknown; end?: unknown}}
  try {
    parsed = JSON.parse(data) as typeof parsed
  } catch (error) {
    throw new DigestError('Unexpected content in digest.json, expected JSON', {cause: error, place: {file: path.join(dir, 'digest.json')}})
  }
  const {id, title, period} = parsed
  if (typeof id !== 'string' || typeof title !== 'string' || typeof period?.start !== 'string' || typeof period.end !== 'string') {
    throw new DigestError('Unexpected digest.json, expected `id`, `title` and `period.start`/`period.end` strings', {place: {file: path.join(dir, 'digest.json')}})
  }
  return {id, title, period: {start: period.start, end: period.end}, html, text}
}

function parseSender(from: string): {address: string; domain: string} {
  const [first, ...rest] = addressparser(from, {flatten: true})
  const address = first?.address ?? ''
  const domain = address.split('@')[1] ?? ''
  if (rest.length > 0 || /[\r\n]/.test(from) || address.split('@').length !== 2 || domain === '') {
    throw new DigestError(`Unexpected sender ${JSON.stringify(from)}, expected one address such as "Newsroom <briefing@example.org>"`)
  }
  return {address, domain}
}

/** `<briefingId.hash@domain>`: the same for a reader on every run, different for every reader. */
function messageId(briefingId: string, key: string, domain: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16)
  return `<${briefingId.replace(/[^\w.-]/g, '_')}.${hash}@${domain}>`
}

/** A file name for a dry-run message: the address when it is safe as a name, else with a hash. */
function emlName(key: string): string {
  const safe = key.replace(/[^a-z0-9@._+-]/g, '_')
  return safe === key ? `${safe}.eml` : `${safe}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}.eml`
}
