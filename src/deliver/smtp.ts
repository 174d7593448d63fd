/** The SMTP side of sending: nodemailer's pooled transport as digest sets it up, and what its errors say about a message. */
import {connect, type Socket} from 'node:net'
import type SMTPPool from 'nodemailer/lib/smtp-pool'

export type Semaphore = () => Promise<() => void>

/** At most `size` holders at once; each `await gate()` resolves to its release. */
export function semaphore(size: number): Semaphore {
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
export function describeError(error: unknown): {kind: 'temporary' | 'rejected' | 'failed' | 'unknown'; code: string; response: string} {
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
  const notConnected = smtp.command === 'CONN' && (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(smtp.originalCode ?? '') || ['CONNECT_TIMEOUT', 'GREETING_TIMEOUT'].includes(smtp.timeoutType ?? ''))
  if (notConnected) return {kind: 'temporary', code, response: text}
  return {kind: 'unknown', code, response: code === 'EABORT' ? `No confirmation within the per-message timeout (${text})` : text}
}

/** The URL's own options (user, password, TLS) win; ours fill what it does not say. */
export function transportOptions(url: string, settings: {maxConnections: number; timeout: number}): SMTPPool.Options {
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
  // Marked as nodemailer marks a failure to connect, so it reads as "nothing was sent".
  const fail = (error: NodeJS.ErrnoException, timeoutType?: string) => {
    socket.destroy()
    callback(Object.assign(error, {code: 'ECONNECTION', originalCode: error.code, command: 'CONN', ...(timeoutType ? {timeoutType} : {})}))
  }
  socket.setTimeout(timeout, () => fail(new Error(`Connection to ${host}:${port} timed out`), 'CONNECT_TIMEOUT'))
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
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '****'
    return parsed.toString()
  } catch {
    return '(unreadable URL)'
  }
}
