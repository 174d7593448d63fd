/**
 * Messages per second from `sendBriefing` to a local smtp-server: 1,000 recipients over the
 * pooled transport, each accepted message on disk in the ledger (fsync) before it counts, as in a
 * real run (each attempt and each outcome: two lines per message). Three rounds, each into a
 * fresh ledger; the median is the number, since fsync time varies with whatever else the disk is doing.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {createWriteStream, readFileSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {SMTPServer} from 'smtp-server'
import {sendBriefing} from '../src/deliver/send.js'
import {build} from '../src/pipeline.js'

const recipients = 1000
const connections = 5
const rounds = 3
const root = fileURLToPath(new URL('..', import.meta.url))

const cwd = await mkdtemp(path.join(tmpdir(), 'digest-bench-send-'))
const built = await build({content: path.join(root, 'tests/fixtures/send-content'), out: path.join(cwd, 'out'), cwd, overrides: {window: 'all'}})
let received = 0
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: connections * 2,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      received++
      callback()
    })
  }
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const address = server.server.address()
if (!address || typeof address === 'string') throw new Error('The bench server has no port')

const readers = Array.from({length: recipients}, (_, index) => ({email: `reader${index}@example.com`, key: `reader${index}@example.com`}))
const rates: number[] = []
for (let round = 0; round < rounds; round++) {
  await rm(path.join(built.dir, 'send-ledger.jsonl'), {force: true})
  received = 0
  const started = performance.now()
  const result = await sendBriefing({dir: built.dir, recipients: readers, smtp: `smtp://127.0.0.1:${address.port}`, from: 'Bench <bench@example.org>', maxConnections: connections})
  const seconds = (performance.now() - started) / 1000
  if (result.sent !== recipients || received !== recipients) throw new Error(`Sent ${result.sent}, server received ${received}, expected ${recipients}`)
  rates.push(recipients / seconds)
}
await new Promise<void>((resolve) => server.close(() => resolve()))

rates.sort((a, b) => a - b)
const size = (built.eml.length / 1024).toFixed(1)
console.log(`send: ${rates[Math.floor(rounds / 2)]!.toFixed(0)} messages/s (median of ${rounds}: ${rates.map((rate) => rate.toFixed(0)).join(', ')}; ${recipients} recipients, ${connections} pooled connections, ${size} KB each, ledger fsync'ed)`)

/*
 * Memory with a long list: `digest send` (the built CLI, as a child process) reads a list of
 * 10,000, 100,000 and 1,000,000 rows; when the server sees its first connection, the child's
 * peak resident memory so far (VmHWM) is read, and the child is stopped. The list is streamed,
 * so what grows with it is the set of addresses seen (to drop duplicates), not the rows.
 */
const peaks: string[] = []
for (const rows of [10_000, 100_000, 1_000_000]) {
  const folder = await mkdtemp(path.join(tmpdir(), 'digest-bench-list-'))
  const list = path.join(folder, 'list.csv')
  const out = createWriteStream(list)
  out.write('email,name\n')
  for (let index = 0; index < rows; index++) {
    if (!out.write(`reader${index}@example.com,Reader number ${index}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  const peak = await new Promise<number>((resolve, reject) => {
    let child: ChildProcess | undefined
    const listener = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        const status = child?.pid ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : ''
        const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
        child?.kill('SIGKILL')
        listener.close()
        resolve(kilobytes / 1024)
        callback(new Error('Bench over'))
      }
    })
    listener.listen(0, '127.0.0.1', () => {
      const port = (listener.server.address() as {port: number}).port
      child = spawn(process.execPath, [path.join(root, 'bin/digest.js'), 'send', '--dir', built.dir, '--list', list, '--smtp', `smtp://127.0.0.1:${port}`, '--from', 'Bench <bench@example.org>', '--json'], {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, SMTP_URL: ''}})
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => { stderr += String(chunk) })
      child.on('exit', (code) => { if (code !== null) reject(new Error(`digest send ended (${code}) before connecting: ${stderr}`)) })
    })
  })
  await rm(folder, {recursive: true, force: true})
  peaks.push(`${rows.toLocaleString('en')} rows: ${peak.toFixed(0)} MB`)
}
await rm(cwd, {recursive: true, force: true})
console.log(`send: peak memory before the first connection, ${peaks.join('; ')} (dedupe set only grows with the list)`)
