import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {simpleParser, type ParsedMail} from 'mailparser'
import {SMTPServer, type SMTPServerOptions} from 'smtp-server'
import {runCli} from '../../src/cli.js'

export const root = fileURLToPath(new URL('../..', import.meta.url))
const fixtureContent = path.join(root, 'tests/fixtures/send-content')

export const config = `title: Send test briefing
window: all
brand:
  unsubscribeUrl: https://example.org/unsubscribe?list=weekly
email:
  from: Test Desk <desk@example.org>
  subject: The week in hostage talks
`

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real CLI in this process with `cwd` as its folder; output is captured. */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const sink = (write: (text: string) => void) => new Writable({write(chunk, _encoding, done) { write(String(chunk)); done() }})
  const code = await runCli(args, {
    stdout: sink((text) => { stdout += text }),
    stderr: sink((text) => { stderr += text }),
    stderrIsTTY: false,
    env: {DIGEST_SEND_RETRY_DELAY: '5', ...env},
    cwd
  })
  return {code, stdout, stderr}
}

let built: Promise<string> | undefined

/** A project folder with a config and a briefing built by `digest build` from the fixture articles; a fresh copy per call. */
export async function project(): Promise<{cwd: string; dir: string}> {
  built ??= (async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'digest-send-build-'))
    await writeFile(path.join(cwd, 'digest.config.yaml'), config)
    const result = await cli(['build', '--content', fixtureContent, '--json'], cwd)
    if (result.code !== 0) throw new Error(`digest build failed: ${result.stderr}`)
    return (JSON.parse(result.stdout) as {dir: string}).dir
  })()
  const source = await built
  const cwd = await mkdtemp(path.join(tmpdir(), 'digest-send-'))
  await writeFile(path.join(cwd, 'digest.config.yaml'), config)
  const dir = path.join(cwd, 'out', path.basename(source))
  await cp(source, dir, {recursive: true})
  return {cwd, dir}
}

export interface Received {
  /** The envelope recipient. */
  rcpt: string
  raw: Buffer
  /** Whether the message came over TLS (smtps or STARTTLS). */
  secure: boolean
  user?: string
}

export interface Behaviour {
  /** Addresses answered 550 at RCPT TO, every time. */
  reject?: string[]
  /** Addresses answered 451 at RCPT TO the first time only. */
  deferOnce?: string[]
  /** After this many accepted messages, the next MAIL FROM gets no answer: the socket is destroyed. */
  dropAfter?: number
  /** After this many accepted messages, every further MAIL FROM waits forever. */
  pauseAfter?: number
  /**
   * Whether to drop the connection once the whole message is in, instead of answering the end of
   * DATA: the server has the message (it is counted), the sender never hears so. `copies`: how
   * many this recipient has now.
   */
  dropAfterData?: (rcpt: string, copies: number) => boolean
  /** Never answer the end of DATA (the message is counted as received). */
  hangAfterData?: boolean
  /** Wait this long (ms) before answering the end of DATA. */
  dataDelay?: number
  options?: Partial<SMTPServerOptions>
}

export interface TestServer {
  port: number
  received: Received[]
  /** RCPT TO commands seen, in order, including rejected ones. */
  attempts: string[]
  /** Resolves once `count` messages were accepted. */
  waitFor(count: number): Promise<void>
  close(): Promise<void>
}

/** A real SMTP server on 127.0.0.1, port 0, that keeps every accepted message. */
export async function startServer(behaviour: Behaviour = {}): Promise<TestServer> {
  const received: Received[] = []
  const attempts: string[] = []
  const deferred = new Set<string>()
  const waiters: Array<{count: number; resolve: () => void}> = []
  let dropped = false
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, session, callback) {
      if (behaviour.pauseAfter !== undefined && received.length >= behaviour.pauseAfter) return
      if (behaviour.dropAfter !== undefined && received.length >= behaviour.dropAfter && !dropped) {
        dropped = true
        const connection = [...server.connections].find((candidate) => candidate.id === session.id) as unknown as {_socket: {destroy(): void}}
        connection._socket.destroy()
        return
      }
      callback()
    },
    onRcptTo(address, _session, callback) {
      const email = address.address.toLowerCase()
      attempts.push(email)
      if (behaviour.reject?.includes(email)) return callback(Object.assign(new Error('No such mailbox here'), {responseCode: 550}))
      if (behaviour.deferOnce?.includes(email) && !deferred.has(email)) {
        deferred.add(email)
        return callback(Object.assign(new Error('Mailbox busy, try again later'), {responseCode: 451}))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) received.push({rcpt: rcpt.address.toLowerCase(), raw: Buffer.concat(chunks), secure: session.secure, ...(typeof session.user === 'string' ? {user: session.user} : {})})
        for (const waiter of waiters.filter((candidate) => received.length >= candidate.count)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
        const rcpt = session.envelope.rcptTo[0]?.address.toLowerCase() ?? ''
        if (behaviour.hangAfterData) return
        if (behaviour.dropAfterData?.(rcpt, received.filter((message) => message.rcpt === rcpt).length)) {
          const connection = [...server.connections].find((candidate) => candidate.id === session.id) as unknown as {_socket: {destroy(): void}}
          connection._socket.destroy()
          return
        }
        if (behaviour.dataDelay) setTimeout(() => callback(), behaviour.dataDelay)
        else callback()
      })
    },
    ...behaviour.options
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    port: address.port,
    received,
    attempts,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve()
      return new Promise((resolve) => waiters.push({count, resolve}))
    },
    close() {
      for (const connection of server.connections) (connection as unknown as {_socket: {destroy(): void}})._socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

export function parse(message: Received): Promise<ParsedMail> {
  return simpleParser(message.raw)
}

/** How many accepted messages each envelope recipient got. */
export function counts(received: Received[]): Record<string, number> {
  const result: Record<string, number> = {}
  for (const message of received) result[message.rcpt] = (result[message.rcpt] ?? 0) + 1
  return result
}

export async function ledgerLines(dir: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path.join(dir, 'send-ledger.jsonl'), 'utf8').catch(() => '')
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
}

export async function writeList(cwd: string, emails: string[], name = 'list.csv'): Promise<string> {
  await writeFile(path.join(cwd, name), `email,name\n${emails.map((email, index) => `${email},Reader ${index + 1}`).join('\n')}\n`)
  return name
}

/** `node bin/digest.js …` as a child process (run `npm run build` first: it loads dist/). */
export function spawnCli(args: string[], cwd: string) {
  const child = spawn(process.execPath, [path.join(root, 'bin/digest.js'), ...args], {cwd, env: {...process.env, DIGEST_SEND_RETRY_DELAY: '5', SMTP_URL: ''}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += String(chunk) })
  child.stderr.on('data', (chunk: Buffer) => { stderr += String(chunk) })
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}>((resolve) => {
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
  return {child, done}
}
