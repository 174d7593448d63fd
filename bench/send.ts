/**
 * Messages per second from `sendBriefing` to a local smtp-server: 1,000 recipients over the
 * pooled transport, each accepted message on disk in the ledger (fsync) before it counts, as in a
 * real run. Three rounds, each into a fresh ledger; the median is the number, since fsync time
 * varies with whatever else the disk is doing.
 */
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

const list = Array.from({length: recipients}, (_, index) => ({email: `reader${index}@example.com`, key: `reader${index}@example.com`}))
const rates: number[] = []
for (let round = 0; round < rounds; round++) {
  await rm(path.join(built.dir, 'send-ledger.jsonl'), {force: true})
  received = 0
  const started = performance.now()
  const result = await sendBriefing({dir: built.dir, recipients: list, smtp: `smtp://127.0.0.1:${address.port}`, from: 'Bench <bench@example.org>', maxConnections: connections})
  const seconds = (performance.now() - started) / 1000
  if (result.sent !== recipients || received !== recipients) throw new Error(`Sent ${result.sent}, server received ${received}, expected ${recipients}`)
  rates.push(recipients / seconds)
}
await new Promise<void>((resolve) => server.close(() => resolve()))
await rm(cwd, {recursive: true, force: true})

rates.sort((a, b) => a - b)
const size = (built.eml.length / 1024).toFixed(1)
console.log(`send: ${rates[Math.floor(rounds / 2)]!.toFixed(0)} messages/s (median of ${rounds}: ${rates.map((rate) => rate.toFixed(0)).join(', ')}; ${recipients} recipients, ${connections} pooled connections, ${size} KB each, ledger fsync'ed)`)
