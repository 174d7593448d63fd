import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {connect, type Socket} from 'node:net'
import path from 'node:path'
import {setTimeout as delay} from 'node:timers/promises'
import nodemailer, {type Transporter} from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool'
import {DigestError} from '../errors.js'
import {openLedger, type Ledger} from './ledger.js'
import {composeForReaders, defaultSubject, type MessageParts} from './message.js'
import type {Recipient} from './recipients.js'
import {writeFilesAtomically} from './write.js'

export interface SendOptions {
  /** The briefing folder (`out/<id>/`) holding index.html, index.txt and digest.json. */
  dir: string
  /** Read as they are sent: a list of any length is never held whole in memory. */
  recipients: AsyncIterable<Recipient> | Iterable<Recipient>
  /** How many recipients there are, when known: the progress total. */
  total?: number
  /** `smtp://user:pass@host:port` or `smtps://…`; not needed for a dry run. */
  smtp?: string
  /** `Name <address>`: the From header; its domain ends every Message-ID. */
  from: string
  /** Undefined: the briefing's title and period, as `digest build` writes into email.eml. */
  subject?: string
  /** May hold `{email}`, `{name}` and `{token}`, filled per reader. */
  unsubscribeUrl?: string
  /** `brand.logo` when it is a local file, embedded as an inline image. */
  logo?: MessageParts['logo']
  /** The HMAC key for `{token}` and `{{reader.token}}`. */
  secret?: string
  /** Write `dry-run/<address>.eml` per recipient instead of connecting to anything. */
  dryRun?: boolean
  /** Send again to readers whose address an earlier run saw refused for good (5xx). */
  retryFailed?: boolean
  /** Pooled SMTP connections, and so messages in flight at once. */
  maxConnections?: number
  /** Tries per recipient in one run for refusals that may clear (4xx, no connection). */
  attempts?: number
  /** Wait before the first retry in ms; it doubles for each further one. */
  retryDelay?: number
  /**
   * Per message, in ms: a delivery the server has not confirmed by then is given up (and, if the
   * message may have reached the server, recorded as uncertain); also the limit for connecting
   * and for a socket that goes quiet.
   */
  timeout?: number
  onProgress?: (done: number, total: number) => void
}

export interface Failure {
  email: string
  /** The SMTP reply code (`550`), or nodemailer's error code (`ECONNECTION`) when there was none. */
  code: string
  /** The server's reply as it gave it (`550 No such user`), or what went wrong when it gave none. */
  response: string
  attempts: number
  temporary: boolean
  /** Refused for good (5xx): recorded as suppressed, not sent again without `retryFailed`. */
  suppressed: boolean
}

/**
 * A reader for whom a delivery's outcome is unknown: the connection ended or timed out after the
 * message may have reached the server. `sent`: a later attempt was confirmed, so they may have two
 * copies. `unconfirmed`: no attempt was, and none is made again, so they may have none or two.
 */
export interface Uncertain {
  email: string
  outcome: 'sent' | 'unconfirmed'
  /** Attempts whose outcome is unknown, in this run and earlier ones (at most two). */
  unknown: number
  /** An attempt was in flight when an earlier run stopped (killed, crashed). */
  interrupted: boolean
  /** What ended the last unknown attempt. */
  response: string
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
  /** Refused for good (5xx) in an earlier run, so not sent again without `retryFailed`. */
  suppressed: number
  failed: number
  /** Every reader with an attempt of unknown outcome, this run's and those an earlier run left. */
  uncertain: Uncertain[]
  /** The `.eml` files of a dry run. */
  files: string[]
  failures: Failure[]
}

const defaults = {dryRun: false, retryFailed: false, maxConnections: 5, attempts: 5, retryDelay: 1000, timeout: 60_000}
type Settings = typeof defaults & Pick<SendOptions, 'smtp'>

/**
 * Sends the built briefing in `dir` to each recipient once: one message per reader, with a
 * Message-ID stable per briefing and reader, over a pooled SMTP connection. The ledger
 * (`dir/send-ledger.jsonl`, each line fsync'ed) records every attempt before it starts and its
 * outcome after, so a run again or after a crash resumes, not repeats: readers with a confirmed
 * delivery are skipped, and a reader whose attempt may have arrived unconfirmed (dropped
 * connection, timeout, a run killed mid-send) is tried once more at most: never more than two
 * copies, and every such reader named in the result.
 */
export async function sendBriefing(options: SendOptions): Promise<SendResult> {
  const settings: Settings = {...defaults, ...options}
  const briefing = await readBriefing(options.dir)
  const from = parseSender(options.from)
  const subject = options.subject ?? defaultSubject(briefing)
  const idOf = (recipient: Recipient) => messageId(briefing.id, recipient.key, from.domain)
  const personal = await composeForReaders({
    from: options.from,
    subject,
    html: briefing.html,
    text: briefing.text,
    ...(options.unsubscribeUrl ? {unsubscribeUrl: options.unsubscribeUrl} : {}),
    ...(options.logo ? {logo: options.logo} : {})
  }, options.secret ? {secret: options.secret} : {})
  const compose = (recipient: Recipient) => personal({email: recipient.email, ...(recipient.name ? {name: recipient.name} : {})}, idOf(recipient))
  const result: SendResult = {dir: options.dir, dryRun: settings.dryRun, recipients: 0, sent: 0, skipped: 0, suppressed: 0, failed: 0, uncertain: [], files: [], failures: []}
  const progress = () => options.onProgress?.(result.recipients, Math.max(options.total ?? 0, result.recipients))

  if (settings.dryRun) {
    // Written in batches so a long list never holds every message in memory at once.
    const folder = path.join(options.dir, 'dry-run')
    let batch: Record<string, Buffer> = {}
    const flush = async () => {
      result.files.push(...(await writeFilesAtomically(folder, batch)))
      batch = {}
      progress()
    }
    for await (const recipient of options.recipients) {
      result.recipients++
      batch[emlName(recipient.key)] = await compose(recipient)
      if (Object.keys(batch).length === 50) await flush()
    }
    await flush()
    return result
  }

  if (!settings.smtp) throw new DigestError('Unexpected missing SMTP server, expected --smtp URL or the SMTP_URL environment variable')
  let stopped: unknown
  const ledger = await openLedger(path.join(options.dir, 'send-ledger.jsonl'), {onLockLost: (error) => { stopped ??= error }})
  result.ledger = ledger.file
  const transport = nodemailer.createTransport(transportOptions(settings.smtp, settings))
  // Connected (and logged in) once, when the first reader needs a message: a run with nothing
  // left to send connects to nothing.
  let ready: Promise<void> | undefined
  const connected = () => (ready ??= transport.verify().then(() => undefined, (error: unknown) => {
    throw new DigestError(`Cannot connect to the SMTP server ${redact(settings.smtp ?? '')}: ${describeError(error).response}`, {cause: error})
  }))
  const gate = semaphore(settings.maxConnections)
  const iterator = (Symbol.asyncIterator in options.recipients ? options.recipients[Symbol.asyncIterator]() : options.recipients[Symbol.iterator]()) as AsyncIterator<Recipient> | Iterator<Recipient>
  try {
    const worker = async () => {
      while (stopped === undefined) {
        const next = await iterator.next()
        if (next.done) return
        const recipient = next.value
        result.recipients++
        try {
          await handle(recipient)
        } catch (error) {
          // The ledger cannot be written, the server refuses us, or a message cannot be composed:
          // going on would send messages nobody records, so every worker stops after its current one.
          stopped ??= error
        }
        progress()
      }
    }
    const handle = async (recipient: Recipient) => {
      const {key} = recipient
      if (ledger.sent.has(key)) {
        result.skipped++
        return
      }
      if (ledger.suppressed.has(key) && !settings.retryFailed) {
        result.suppressed++
        return
      }
      const interrupted = ledger.interrupted.has(key)
      const earlier = ledger.uncertain.get(key) ?? 0
      if (earlier >= 2) {
        result.uncertain.push({email: recipient.email, outcome: 'unconfirmed', unknown: earlier, interrupted, response: 'not sent again: two attempts of unknown outcome already'})
        return
      }
      await connected()
      const outcome = await deliver(recipient, {raw: await compose(recipient), id: idOf(recipient)}, gate, transport, ledger, from.address, settings)
      if (outcome.failure) {
        result.failed++
        result.failures.push(outcome.failure)
      } else {
        result.sent++
      }
      const unknown = ledger.uncertain.get(key) ?? 0
      if (outcome.unknown > 0 || earlier > 0) {
        result.uncertain.push({email: recipient.email, outcome: outcome.failure ? 'unconfirmed' : 'sent', unknown: outcome.failure ? unknown : earlier + outcome.unknown, interrupted, response: outcome.lastUnknown ?? (interrupted ? 'in flight when an earlier run stopped' : 'connection ended before the server confirmed')})
      }
    }
    // Twice as many workers as connections, so the next messages' attempts are on disk while
    // these are sent; the gate lets one message per connection to the pool, so none waits in its
    // queue and a message's timeout runs only while it is being delivered.
    await Promise.all(Array.from({length: settings.maxConnections * 2}, worker))
    if (stopped !== undefined) throw stopped
  } finally {
    transport.close()
    await ledger.close()
  }
  return result
}

/**
 * Sends one message, retrying what may clear: a temporary refusal (4xx, no connection) up to
 * `attempts` times; an attempt of unknown outcome only while this reader has fewer than two of
 * them (this run's and earlier runs'). Each attempt is on disk before it starts, its outcome after.
 */
async function deliver(recipient: Recipient, {raw, id}: {raw: Buffer; id: string}, gate: Semaphore, transport: Transporter<SMTPPool.SentMessageInfo>, ledger: Ledger, envelopeFrom: string, settings: Settings): Promise<{failure?: Failure; unknown: number; lastUnknown?: string}> {
  const base = {email: recipient.email, messageId: id}
  let unknown = 0
  let lastUnknown: string | undefined
  for (let tries = 1; ; tries++) {
    const attempt = (ledger.attempts.get(recipient.key) ?? 0) + 1
    const at = () => new Date().toISOString()
    await ledger.append({status: 'attempt', ...base, attempt, at: at()})
    let info: SMTPPool.SentMessageInfo
    const release = await gate()
    try {
      info = await transport.sendMail({envelope: {from: envelopeFrom, to: [recipient.email]}, raw, signal: AbortSignal.timeout(settings.timeout)})
    } catch (error) {
      release()
      const described = describeError(error)
      if (described.kind === 'unknown') {
        unknown++
        lastUnknown = described.response
        await ledger.append({status: 'uncertain', ...base, attempt, code: described.code, response: described.response, at: at()})
        if ((ledger.uncertain.get(recipient.key) ?? 0) < 2 && tries < settings.attempts) {
          await delay(settings.retryDelay)
          continue
        }
        return {failure: {email: recipient.email, code: described.code, response: described.response, attempts: tries, temporary: true, suppressed: false}, unknown, lastUnknown}
      }
      const suppress = described.kind === 'rejected'
      await ledger.append({status: suppress ? 'suppressed' : 'failed', ...base, attempt, code: described.code, response: described.response, at: at()})
      if (described.kind === 'temporary' && tries < settings.attempts) {
        await delay(settings.retryDelay * 2 ** (tries - 1))
        continue
      }
      return {failure: {email: recipient.email, code: described.code, response: described.response, attempts: tries, temporary: described.kind === 'temporary', suppressed: suppress}, unknown, ...(lastUnknown ? {lastUnknown} : {})}
    }
    release()
    await ledger.append({status: 'sent', ...base, attempt, response: String(info.response ?? ''), at: at()})
    return {unknown, ...(lastUnknown ? {lastUnknown} : {})}
  }
}

type Semaphore = () => Promise<() => void>

/** At most `size` holders at once; each `await gate()` resolves to its release. */
function semaphore(size: number): Semaphore {
  let free = size
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else free++
  }
  return () => {
    if (free > 0) {
      free--
      return Promise.resolve(release)
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)))
  }
}

/**
 * What an error says about the message:
 * - `temporary`: not delivered, and may be on a later try (a 4xx reply, 503, no connection made);
 * - `rejected`: the server refused this reader for good (a 5xx reply to RCPT TO or the data);
 * - `failed`: not delivered, and trying again cannot mend it (authentication, TLS, a 5xx to our
 *   own sender): the reader is not at fault, so the next run tries them again;
 * - `unknown`: no reply after the connection was made (it dropped, went quiet, or hit the
 *   per-message timeout): the message may have reached the server.
 * The response reads as the server gave it, its code once: "550 No such user".
 */
function describeError(error: unknown): {kind: 'temporary' | 'rejected' | 'failed' | 'unknown'; code: string; response: string} {
  const smtp = error as {responseCode?: number; code?: string; command?: string; response?: string; message?: string; permanent?: boolean; originalCode?: string; timeoutType?: string}
  const text = (smtp.response ?? smtp.message ?? String(error)).replace(/\s+/g, ' ').trim()
  if (typeof smtp.responseCode === 'number') {
    const code = String(smtp.responseCode)
    const response = text.startsWith(code) ? text : `${code} ${text}`
    const permanent = smtp.permanent ?? (smtp.responseCode >= 500 && smtp.responseCode !== 503)
    if (!permanent) return {kind: 'temporary', code, response}
    return {kind: smtp.command === 'MAIL FROM' ? 'failed' : 'rejected', code, response}
  }
  const code = smtp.code ?? 'ECONNECTION'
  if (['EAUTH', 'ENOAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS', 'EDNS', 'ECONFIG'].includes(code)) return {kind: 'failed', code, response: text}
  // Never connected, so nothing was sent.
  const notConnected = smtp.command === 'CONN' && (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(smtp.originalCode ?? '') || ['CONNECT_TIMEOUT', 'GREETING_TIMEOUT'].includes(smtp.timeoutType ?? ''))
  if (notConnected) return {kind: 'temporary', code, response: text}
  return {kind: 'unknown', code, response: code === 'EABORT' ? `No confirmation within the per-message timeout (${text})` : text}
}

/** The URL's own options (user, password, TLS) win; ours fill what it does not say. */
function transportOptions(url: string, settings: Settings): SMTPPool.Options {
  const parsed = new URL(url)
  // Credentials never cross the network in the clear: smtp:// with a password must upgrade with
  // STARTTLS (opportunistic otherwise), unless the server is this machine or the URL says
  // `?requireTLS=false` on purpose.
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.')
  const requireTLS = Boolean(parsed.username && parsed.protocol === 'smtp:' && !loopback)
  return {
    url,
    requireTLS,
    pool: true,
    maxConnections: settings.maxConnections,
    maxMessages: Infinity,
    // nodemailer would otherwise send a message again on a new connection when one drops:
    // a resend that our ledger never sees, and a reader's second or third copy.
    maxRequeues: 0,
    connectionTimeout: settings.timeout,
    greetingTimeout: settings.timeout,
    socketTimeout: settings.timeout,
    getSocket: (options, callback) => connectWithoutDelay(options.host ?? 'localhost', Number(options.port ?? (options.secure ? 465 : 587)), settings.timeout, callback)
  } as SMTPPool.Options
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
  const match = /^\s*(?:[^<>]*<\s*([^\s<>,]+)\s*>|([^\s<>,]+))\s*$/.exec(from)
  const address = match?.[1] ?? match?.[2] ?? ''
  const domain = address.split('@')[1] ?? ''
  if (/[\r\n]/.test(from) || address.split('@').length !== 2 || domain === '') {
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
