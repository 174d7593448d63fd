import {mkdir, mkdtemp, readFile, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {openLedger, type LedgerEntry} from '../../src/deliver/ledger.js'

const base = {messageId: '<x.1@example.org>', at: '2026-01-01T00:00:00.000Z'}
const line = (entry: LedgerEntry) => `${JSON.stringify(entry)}\n`

async function ledgerFile() {
  return path.join(await mkdtemp(path.join(tmpdir(), 'digest-ledger-')), 'send-ledger.jsonl')
}

test('a torn last line from a killed run is ignored and closed off before the next entry', async () => {
  const file = await ledgerFile()
  await writeFile(file, `${line({status: 'attempt', email: 'A@example.com', attempt: 1, ...base})}${line({status: 'sent', email: 'A@example.com', attempt: 1, response: '250 OK', ...base})}${line({status: 'suppressed', email: 'b@example.com', attempt: 1, code: '550', response: '550 No such user', ...base})}{"status":"sent","email":"c@exa`)
  const ledger = await openLedger(file)
  expect([...ledger.sent]).toEqual(['a@example.com'])
  expect([...ledger.suppressed]).toEqual(['b@example.com'])
  await ledger.append({status: 'sent', email: 'd@example.com', attempt: 1, response: '250 OK', ...base})
  await ledger.close()
  const lines = (await readFile(file, 'utf8')).split('\n')
  expect(lines).toHaveLength(6)
  expect(JSON.parse(lines[4]!)).toMatchObject({email: 'd@example.com'})
  const reopened = await openLedger(file)
  expect([...reopened.sent]).toEqual(['a@example.com', 'd@example.com'])
  await reopened.close()
})

test('an attempt with no outcome was in flight when its run stopped: uncertain, and counted toward the two', async () => {
  const file = await ledgerFile()
  await writeFile(file, [
    line({status: 'attempt', email: 'once@example.com', attempt: 1, ...base}),
    line({status: 'attempt', email: 'twice@example.com', attempt: 1, ...base}),
    line({status: 'uncertain', email: 'twice@example.com', attempt: 1, code: 'ECONNECTION', response: 'Connection closed unexpectedly', ...base}),
    line({status: 'attempt', email: 'twice@example.com', attempt: 2, ...base}),
    line({status: 'attempt', email: 'refused@example.com', attempt: 1, ...base}),
    line({status: 'failed', email: 'refused@example.com', attempt: 1, code: '451', response: '451 Try later', ...base})
  ].join(''))
  const ledger = await openLedger(file)
  expect([...ledger.interrupted].sort()).toEqual(['once@example.com', 'twice@example.com'])
  expect(Object.fromEntries(ledger.uncertain)).toEqual({'once@example.com': 1, 'twice@example.com': 2})
  expect(ledger.attempts.get('twice@example.com')).toBe(2)
  // This run's attempt for an interrupted reader is not counted twice.
  await ledger.append({status: 'attempt', email: 'once@example.com', attempt: 2, ...base})
  await ledger.append({status: 'sent', email: 'once@example.com', attempt: 2, response: '250 OK', ...base})
  expect(ledger.uncertain.has('once@example.com')).toBe(false)
  await ledger.close()
})

test('a second sender of the same briefing is refused while the first holds the lock; a killed run\'s stale lock is taken over', async () => {
  const file = await ledgerFile()
  const first = await openLedger(file, {stale: 2000})
  const started = Date.now()
  await expect(openLedger(file, {stale: 2000})).rejects.toThrow('Unexpected second `digest send` of this briefing')
  // It waited for the lock to go stale, and the live holder kept it fresh.
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
  await first.close()

  // A lock folder left by a run killed long ago: nobody refreshes it, so it is stale at once.
  await mkdir(`${file}.lock`)
  const old = new Date(Date.now() - 60_000)
  await utimes(`${file}.lock`, old, old)
  const second = await openLedger(file, {stale: 2000})
  await second.close()
}, 15_000)
