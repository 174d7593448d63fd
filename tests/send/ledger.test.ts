import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {openLedger} from '../../src/deliver/ledger.js'

test('a torn last line from a killed run is ignored and closed off before the next entry', async () => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'digest-ledger-')), 'send-ledger.jsonl')
  const sent = {status: 'sent' as const, email: 'A@example.com', messageId: '<x.1@example.org>', response: '250 OK', attempts: 1, at: '2026-01-01T00:00:00.000Z'}
  const failed = {...sent, status: 'failed' as const, email: 'b@example.com', code: '550', temporary: false}
  await writeFile(file, `${JSON.stringify(sent)}\n${JSON.stringify(failed)}\n{"status":"sent","email":"c@exa`)
  const ledger = await openLedger(file)
  expect([...ledger.sent]).toEqual(['a@example.com'])
  await ledger.append({...sent, email: 'd@example.com'})
  await ledger.close()
  const lines = (await readFile(file, 'utf8')).split('\n')
  expect(lines).toHaveLength(5)
  expect(JSON.parse(lines[3]!)).toMatchObject({email: 'd@example.com'})
  const reopened = await openLedger(file)
  expect([...reopened.sent]).toEqual(['a@example.com', 'd@example.com'])
  await reopened.close()
})

test('a second sender of the same briefing is refused while the first runs; a dead one\'s lock is taken over', async () => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'digest-ledger-')), 'send-ledger.jsonl')
  const first = await openLedger(file)
  await expect(openLedger(file)).rejects.toThrow(`process ${process.pid} is sending it`)
  await first.close()
  // A pid far above any pid_max: no such process, as after a run that was killed.
  await writeFile(`${file}.lock`, '2147483646')
  const second = await openLedger(file)
  expect(await readFile(`${file}.lock`, 'utf8')).toBe(String(process.pid))
  await second.close()
})
