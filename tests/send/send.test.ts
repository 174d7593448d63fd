import {createHash, createHmac} from 'node:crypto'
import {mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {simpleParser} from 'mailparser'
import {afterEach, describe, expect, test} from 'vitest'
import {cli, counts, ledgerLines, parse, project, root, spawnCli, startServer, writeList, type TestServer} from './helpers.js'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function server(...args: Parameters<typeof startServer>) {
  const started = await startServer(...args)
  servers.push(started)
  return started
}

const readers = (count: number) => Array.from({length: count}, (_, index) => `reader${index + 1}@example.com`)

describe('digest send', () => {
  test('sends each reader one multipart/alternative message with unsubscribe headers and a stable Message-ID', async () => {
    const {cwd, dir} = await project()
    const smtp = await server()
    const list = path.join(cwd, 'list.csv')
    await writeFile(list, 'name,email\n"Doe, Jane",jane@example.com\nBob "the builder",bob@example.net\n')
    const run = await cli(['send', '--list', 'list.csv', '--smtp', `smtp://127.0.0.1:${smtp.port}`], cwd)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Sent 2, skipped 0 \(already sent\), failed 0 of 2 recipients .*ledger out\/.+\/send-ledger\.jsonl\n$/)
    expect(counts(smtp.received)).toEqual({'jane@example.com': 1, 'bob@example.net': 1})

    const id = JSON.parse(await readFile(path.join(dir, 'digest.json'), 'utf8')).id as string
    const jane = await parse(smtp.received.find((message) => message.rcpt === 'jane@example.com')!)
    expect(jane.headers.get('content-type')).toMatchObject({value: 'multipart/alternative'})
    expect(jane.text).toContain('Hamas silent as mediators')
    expect(jane.html).toContain('Hamas silent as mediators')
    expect(jane.subject).toBe('The week in hostage talks')
    expect(jane.from?.value).toEqual([{name: 'Test Desk', address: 'desk@example.org'}])
    expect(jane.to).toMatchObject({value: [{name: 'Doe, Jane', address: 'jane@example.com'}]})
    expect(jane.headerLines.filter((header) => header.key.startsWith('list-')).map((header) => header.line)).toEqual([
      'List-Unsubscribe: <https://example.org/unsubscribe?list=weekly>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click'
    ])
    const hash = createHash('sha256').update('jane@example.com').digest('hex').slice(0, 16)
    expect(jane.messageId).toBe(`<${id}.${hash}@example.org>`)
    const bob = await parse(smtp.received.find((message) => message.rcpt === 'bob@example.net')!)
    expect(bob.messageId).not.toBe(jane.messageId)
    expect(bob.to).toMatchObject({value: [{name: 'Bob "the builder"', address: 'bob@example.net'}]})

    // Each attempt is on disk before it starts, its outcome after.
    const ledger = await ledgerLines(dir)
    expect(ledger.map((entry) => [entry.status, entry.email, entry.messageId]).sort()).toEqual([
      ['attempt', 'bob@example.net', bob.messageId],
      ['attempt', 'jane@example.com', jane.messageId],
      ['sent', 'bob@example.net', bob.messageId],
      ['sent', 'jane@example.com', jane.messageId]
    ])
    const janeLines = ledger.filter((entry) => entry.email === 'jane@example.com').map((entry) => entry.status)
    expect(janeLines).toEqual(['attempt', 'sent'])
  })

  test('a second run skips everyone in the ledger, and new readers on the list get theirs', async () => {
    const {cwd, dir} = await project()
    const smtp = await server()
    const url = `smtp://127.0.0.1:${smtp.port}`
    await writeList(cwd, readers(3))
    expect((await cli(['send', '--list', 'list.csv', '--smtp', url], cwd)).code).toBe(0)
    const again = await cli(['send', '--list', 'list.csv', '--smtp', url, '--json'], cwd)
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({sent: 0, skipped: 3, failed: 0, recipients: 3})
    await writeList(cwd, [...readers(3), 'late@example.com'])
    const more = await cli(['send', '--list', 'list.csv', '--json'], cwd, {SMTP_URL: url})
    expect(JSON.parse(more.stdout)).toMatchObject({sent: 1, skipped: 3, failed: 0, dir})
    expect(counts(smtp.received)).toEqual({'reader1@example.com': 1, 'reader2@example.com': 1, 'reader3@example.com': 1, 'late@example.com': 1})
    expect((await ledgerLines(dir)).filter((entry) => entry.status === 'sent')).toHaveLength(4)
  })

  test('550 is recorded as suppressed and not tried again unless --retry-failed; 451 is retried; the run exits 1', async () => {
    const {cwd, dir} = await project()
    const smtp = await server({reject: ['reader2@example.com'], deferOnce: ['reader3@example.com', 'reader5@example.com']})
    await writeList(cwd, readers(6))
    const url = `smtp://127.0.0.1:${smtp.port}`
    const run = await cli(['send', '--list', 'list.csv', '--smtp', url, '--json'], cwd)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({sent: 5, skipped: 0, failed: 1, uncertain: 0, suppressed: 0, failures: [{email: 'reader2@example.com', code: '550', attempts: 1, temporary: false}]})
    // The reply once, with its code once.
    expect(summary.failures[0].response).toMatch(/^550 No such mailbox here$/)
    expect(counts(smtp.received)).toEqual(Object.fromEntries(readers(6).filter((email) => email !== 'reader2@example.com').map((email) => [email, 1])))
    expect(smtp.attempts.filter((email) => email === 'reader3@example.com')).toHaveLength(2)
    const ledger = await ledgerLines(dir)
    expect(ledger.filter((entry) => entry.email === 'reader2@example.com').map((entry) => entry.status)).toEqual(['attempt', 'suppressed'])
    expect(ledger.find((entry) => entry.email === 'reader2@example.com' && entry.status === 'suppressed')).toMatchObject({code: '550', response: '550 No such mailbox here'})
    expect(ledger.filter((entry) => entry.email === 'reader3@example.com').map((entry) => entry.status)).toEqual(['attempt', 'failed', 'attempt', 'sent'])

    // The next run leaves the refused address alone, and says so.
    const again = await cli(['send', '--list', 'list.csv', '--smtp', url], cwd)
    expect(again.code).toBe(0)
    expect(again.stderr).toBe('')
    expect(again.stdout).toMatch(/^Sent 0, skipped 5 \(already sent\), failed 0 of 6 recipients .*; 1 suppressed \(refused for good before; --retry-failed sends again\)/)
    expect(smtp.attempts.filter((email) => email === 'reader2@example.com')).toHaveLength(1)

    // Asked to, it tries again; the error reads as the server said it.
    const retried = await cli(['send', '--list', 'list.csv', '--smtp', url, '--retry-failed'], cwd)
    expect(retried.code).toBe(1)
    expect(retried.stderr).toBe('reader2@example.com  error  550 No such mailbox here (permanent: not sent again without --retry-failed)\n')
    expect(smtp.attempts.filter((email) => email === 'reader2@example.com')).toHaveLength(2)
  })

  test('a connection dropped mid-message is retried once on a new one, and that reader is named as uncertain', async () => {
    const {cwd, dir} = await project()
    const smtp = await server({dropAfter: 3})
    await writeList(cwd, readers(10))
    const run = await cli(['send', '--list', 'list.csv', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--connections', '1', '--json'], cwd)
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({sent: 10, failed: 0, uncertain: 1, uncertainDeliveries: [{email: 'reader4@example.com', outcome: 'sent', unknown: 1, interrupted: false}]})
    expect(counts(smtp.received)).toEqual(Object.fromEntries(readers(10).map((email) => [email, 1])))
    const ledger = await ledgerLines(dir)
    expect(ledger.filter((entry) => entry.status === 'sent')).toHaveLength(10)
    expect(ledger.filter((entry) => entry.email === 'reader4@example.com').map((entry) => entry.status)).toEqual(['attempt', 'uncertain', 'attempt', 'sent'])
  })

  test('temporary failures that never clear end as failed after the capped attempts', async () => {
    const {cwd, dir} = await project()
    const smtp = await server({options: {onRcptTo(_address, _session, callback) { callback(Object.assign(new Error('Greylisted'), {responseCode: 450})) }}})
    const run = await cli(['send', '--to', 'a@example.com', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--json'], cwd)
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({sent: 0, failed: 1, uncertain: 0, failures: [{email: 'a@example.com', code: '450', attempts: 5, temporary: true}]})
    const ledger = await ledgerLines(dir)
    expect(ledger.map((entry) => entry.status)).toEqual(Array.from({length: 5}, () => ['attempt', 'failed']).flat())
    expect(ledger.at(-1)).toMatchObject({email: 'a@example.com', code: '450', attempt: 5, response: '450 Greylisted'})
  })

  test('authenticates with the user and password from the URL', async () => {
    const {cwd} = await project()
    const smtp = await server({options: {
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'news@example.org' && auth.password === 'p@ss:w/rd') return callback(null, {user: auth.username})
        callback(new Error('Invalid username or password'))
      }
    }})
    const run = await cli(['send', '--to', 'a@example.com', '--smtp', `smtp://news%40example.org:p%40ss%3Aw%2Frd@127.0.0.1:${smtp.port}`], cwd)
    expect(run.code).toBe(0)
    expect(smtp.received).toMatchObject([{rcpt: 'a@example.com', user: 'news@example.org'}])

    const wrong = await cli(['send', '--to', 'b@example.com', '--smtp', `smtp://news%40example.org:secret-guess@127.0.0.1:${smtp.port}`], cwd)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('Cannot connect to the SMTP server')
    expect(wrong.stderr).not.toContain('secret-guess')
    expect(smtp.received).toHaveLength(1)
  })

  test('smtp:// upgrades with STARTTLS when the server offers it, smtps:// starts in TLS', async () => {
    const {cwd} = await project()
    const auth = {onAuth(_auth: unknown, _session: unknown, callback: (error: Error | null, response?: {user: string}) => void) { callback(null, {user: 'news'}) }}
    // smtp-server's bundled self-signed certificate, hence `tls.rejectUnauthorized=false`.
    const starttls = await server({options: {...auth, authOptional: false, disabledCommands: []}})
    const run = await cli(['send', '--to', 'a@example.com', '--smtp', `smtp://news:pw@127.0.0.1:${starttls.port}/?tls.rejectUnauthorized=false`], cwd)
    expect(run.code).toBe(0)
    expect(starttls.received).toMatchObject([{rcpt: 'a@example.com', secure: true, user: 'news'}])

    const implicit = await server({options: {...auth, authOptional: false, secure: true}})
    const secure = await cli(['send', '--to', 'b@example.com', '--smtp', `smtps://news:pw@127.0.0.1:${implicit.port}/?tls.rejectUnauthorized=false`], cwd)
    expect(secure.code).toBe(0)
    expect(implicit.received).toMatchObject([{rcpt: 'b@example.com', secure: true}])

    // A server that offers no STARTTLS never sees the password when the URL requires TLS.
    const plain = await server({options: {...auth, authOptional: false, allowInsecureAuth: true}})
    const refused = await cli(['send', '--to', 'c@example.com', '--smtp', `smtp://news:pw@127.0.0.1:${plain.port}/?requireTLS=true`], cwd)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Cannot connect to the SMTP server smtp://news:****@127.0.0.1')
    expect(plain.received).toHaveLength(0)
  })

  test('kill -9 mid-run: the rerun names the messages that were in flight, sends each of them once more, and no reader is lost or gets a third copy', async () => {
    const {cwd, dir} = await project()
    // Each message waits a moment for its 250, so the kill lands with messages in every state.
    const smtp = await server({dataDelay: 40})
    await writeList(cwd, readers(60))
    const args = ['send', '--list', 'list.csv', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--connections', '3', '--json']
    const first = spawnCli(args, cwd)
    await smtp.waitFor(15)
    first.child.kill('SIGKILL')
    expect((await first.done).signal).toBe('SIGKILL')
    const beforeRerun = await ledgerLines(dir)
    const confirmed = new Set(beforeRerun.filter((entry) => entry.status === 'sent').map((entry) => entry.email))
    const inFlight = new Set(beforeRerun.filter((entry) => entry.status === 'attempt').map((entry) => entry.email as string).filter((email) => !confirmed.has(email)))
    expect(inFlight.size).toBeGreaterThan(0)
    expect(confirmed.size).toBeLessThan(60)

    const second = await spawnCli(args, cwd).done
    expect(second.code).toBe(0)
    const summary = JSON.parse(second.stdout)
    expect(summary).toMatchObject({recipients: 60, skipped: confirmed.size, sent: 60 - confirmed.size, failed: 0})
    // Every message that was in flight is named, as in flight when the run stopped, and now sent.
    expect(summary.uncertainDeliveries.map((entry: {email: string}) => entry.email).sort()).toEqual([...inFlight].sort())
    for (const entry of summary.uncertainDeliveries) expect(entry).toMatchObject({outcome: 'sent', interrupted: true, unknown: 1})
    const copies = counts(smtp.received)
    expect(Object.keys(copies).sort()).toEqual(readers(60).sort())
    for (const [email, count] of Object.entries(copies)) {
      expect(count).toBeLessThanOrEqual(2)
      // A second copy only ever goes to a reader the rerun named.
      if (count === 2) expect(inFlight.has(email)).toBe(true)
    }
    // And the ledger says it too: each in-flight attempt got an `uncertain` line.
    const ledger = await ledgerLines(dir)
    for (const email of inFlight) {
      expect(ledger.find((entry) => entry.email === email && entry.status === 'uncertain')).toMatchObject({code: 'EINTERRUPTED', attempt: 1})
    }
    expect(ledger.filter((entry) => entry.status === 'sent')).toHaveLength(60)
  }, 60_000)

  test('a server that takes the whole message and then drops the connection: one retry, at most two copies, every such reader named', async () => {
    const {cwd, dir} = await project()
    // reader1 and reader2 lose the connection on their first copy only; reader3 on every copy.
    const smtp = await server({dropAfterData: (rcpt, copies) => (rcpt === 'reader3@example.com' || (copies === 1 && ['reader1@example.com', 'reader2@example.com'].includes(rcpt)))})
    await writeList(cwd, readers(6))
    const url = `smtp://127.0.0.1:${smtp.port}`
    const run = await cli(['send', '--list', 'list.csv', '--smtp', url, '--json'], cwd)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({sent: 5, failed: 1, uncertain: 3})
    const byEmail = Object.fromEntries(summary.uncertainDeliveries.map((entry: {email: string}) => [entry.email, entry]))
    expect(byEmail['reader1@example.com']).toMatchObject({outcome: 'sent', unknown: 1})
    expect(byEmail['reader2@example.com']).toMatchObject({outcome: 'sent', unknown: 1})
    expect(byEmail['reader3@example.com']).toMatchObject({outcome: 'unconfirmed', unknown: 2})
    expect(counts(smtp.received)).toEqual({'reader1@example.com': 2, 'reader2@example.com': 2, 'reader3@example.com': 2, 'reader4@example.com': 1, 'reader5@example.com': 1, 'reader6@example.com': 1})
    const ledger = await ledgerLines(dir)
    expect(ledger.filter((entry) => entry.email === 'reader3@example.com').map((entry) => entry.status)).toEqual(['attempt', 'uncertain', 'attempt', 'uncertain'])

    // A rerun sends no third copy, and still names the reader it cannot confirm.
    const again = await cli(['send', '--list', 'list.csv', '--smtp', url, '--retry-failed'], cwd)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^reader3@example\.com {2}warning {2}Uncertain delivery: .*never confirmed: may have none, one or two copies; not sent again\n$/)
    expect(again.stdout).toMatch(/^Sent 0, skipped 5 \(already sent\), failed 0 of 6 recipients .*; 1 uncertain \(named above\)/)
    expect(counts(smtp.received)['reader3@example.com']).toBe(2)
  })

  test('a server that never answers the end of DATA: --timeout gives up per message, one retry, two copies at most', async () => {
    const {cwd, dir} = await project()
    const smtp = await server({hangAfterData: true})
    await writeList(cwd, readers(2))
    const run = await cli(['send', '--list', 'list.csv', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--timeout', '0.5', '--connections', '2', '--json'], cwd)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({sent: 0, failed: 2, uncertain: 2})
    for (const entry of summary.uncertainDeliveries) expect(entry).toMatchObject({outcome: 'unconfirmed', unknown: 2})
    expect(summary.uncertainDeliveries[0].response).toContain('per-message timeout')
    expect(counts(smtp.received)).toEqual({'reader1@example.com': 2, 'reader2@example.com': 2})
    expect((await ledgerLines(dir)).filter((entry) => entry.status === 'uncertain')).toHaveLength(4)
  }, 30_000)

  test('--dry-run writes one .eml per reader, with the same Message-ID a real send uses, and connects to nothing', async () => {
    const {cwd, dir} = await project()
    const smtp = await server()
    const run = await cli(['send', '--to', 'jane@example.com, Bob@Example.net,bob@example.net', '--dry-run', '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--json'], cwd)
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({dryRun: true, sent: 0, recipients: 2, duplicates: 1, ledger: null})
    expect((await readdir(path.join(dir, 'dry-run'))).sort()).toEqual(['bob@example.net.eml', 'jane@example.com.eml'])
    expect(smtp.attempts).toEqual([])
    expect(await ledgerLines(dir)).toEqual([])
    const dry = await simpleParser(await readFile(path.join(dir, 'dry-run', 'jane@example.com.eml')))
    expect(dry.headerLines.map((header) => header.line)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')

    await cli(['send', '--to', 'jane@example.com', '--smtp', `smtp://127.0.0.1:${smtp.port}`], cwd)
    expect((await parse(smtp.received[0]!)).messageId).toBe(dry.messageId)
  })

  test('picks the newest briefing in out/ when --dir is not given', async () => {
    const {cwd, dir} = await project()
    const run = await cli(['send', '--to', 'a@example.com', '--dry-run', '--json'], cwd)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).dir).toBe(dir)
  })

  test('invalid addresses are reported at their line and column and skipped; the rest go out', async () => {
    const {cwd} = await project()
    const smtp = await server()
    await writeFile(path.join(cwd, 'list.csv'), 'email,name\nok@example.com,Ok\n  not-an-address,Bad\n"two@@example.com",Two\nnodot@domain,X\n"forged@example.com\r\nBcc: evil@example.com",Y\n')
    const run = await cli(['send', '--list', 'list.csv', '--smtp', `smtp://127.0.0.1:${smtp.port}`], cwd)
    expect(run.code).toBe(0)
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'list.csv:3:3  warning  Unexpected address "not-an-address", expected exactly one @  recipient',
      'list.csv:4:1  warning  Unexpected address "two@@example.com", expected exactly one @  recipient',
      'list.csv:5:1  warning  Unexpected address "nodot@domain", expected a domain after the @ such as example.org  recipient',
      'list.csv:6:1  warning  Unexpected address "forged@example.com\\r\\nBcc: evil@example.com", expected an address without spaces, line breaks, brackets or quotes  recipient'
    ])
    expect(run.stdout).toContain('(4 invalid, 0 duplicates left out)')
    expect(counts(smtp.received)).toEqual({'ok@example.com': 1})
  })

  test('no line break reaches a header from flags or config', async () => {
    const {cwd} = await project()
    const smtp = await server()
    const url = `smtp://127.0.0.1:${smtp.port}`
    const subject = await cli(['send', '--to', 'a@example.com', '--smtp', url, '--subject', 'Hi\r\nBcc: evil@example.com'], cwd)
    expect(subject.code).toBe(2)
    expect(subject.stderr).toContain('Unexpected --subject value, expected a subject on one line')
    const from = await cli(['send', '--to', 'a@example.com', '--smtp', url, '--from', 'a@example.org\nBcc: evil@example.com'], cwd)
    expect(from.code).toBe(2)
    await writeFile(path.join(cwd, 'digest.config.yaml'), 'window: all\nemail:\n  from: desk@example.org\n  subject: "Hi\\r\\nBcc: evil@example.com"\n')
    const config = await cli(['send', '--to', 'a@example.com', '--smtp', url], cwd)
    expect(config.code).toBe(1)
    expect(config.stderr).toContain('Unexpected line break in the subject header')
    expect(smtp.attempts).toEqual([])
  })

  test('wrong usage exits 2', async () => {
    const {cwd} = await project()
    const both = await cli(['send', '--to', 'a@example.com', '--list', 'list.csv', '--dry-run'], cwd)
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('expected either --to ADDR[,ADDR…] or --list FILE.csv')
    expect((await cli(['send', '--dry-run'], cwd)).code).toBe(2)
    const noServer = await cli(['send', '--to', 'a@example.com'], cwd)
    expect(noServer.code).toBe(2)
    expect(noServer.stderr).toContain('Unexpected missing SMTP server, expected `--smtp smtp://user:pass@host:port` (or smtps://…), or the same URL in the SMTP_URL environment variable; or --dry-run')
    expect((await cli(['send', '--to', 'a@example.com', '--dry-run', '--timeout', '0'], cwd)).code).toBe(2)
    expect((await cli(['send', '--to', 'a@example.com', '--smtp', 'http://example.org'], cwd)).code).toBe(2)
    expect((await cli(['send', '--to', 'a@example.com', '--dry-run', '--connections', '0'], cwd)).code).toBe(2)
  })
})

describe('per-reader fields and the inline logo', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

  test('each reader gets their own unsubscribe link (header, HTML, text) and template fields, escaped; a local logo goes inline by Content-ID', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'digest-send-reader-'))
    await writeFile(path.join(cwd, 'logo.png'), png)
    await mkdir(path.join(cwd, 'templates/partials'), {recursive: true})
    const footer = await readFile(path.join(root, 'templates/partials/footer.hbs'), 'utf8')
    await writeFile(path.join(cwd, 'templates/partials/footer.hbs'), footer.replace('{{brand.footer}}', '{{brand.footer}} Sent to {{reader.name}} at <a href="mailto:{{reader.email}}">{{reader.email}}</a> ({{reader.token}}).'))
    await writeFile(path.join(cwd, 'digest.config.yaml'), 'window: all\nbrand:\n  logo: logo.png\n  unsubscribeUrl: https://example.org/u?who={email}&t={token}\nemail:\n  from: Desk <desk@example.org>\n')
    const built = await cli(['build', '--content', path.join(root, 'tests/fixtures/send-content'), '--templates', 'templates', '--json'], cwd)
    expect(built.code).toBe(0)
    // The build's own email.eml carries the logo inline too.
    const eml = await simpleParser(await readFile(JSON.parse(built.stdout).eml))
    expect(eml.attachments.map((attachment) => attachment.contentId)).toEqual(['<logo@digest>'])

    const smtp = await server()
    await writeFile(path.join(cwd, 'list.csv'), 'email,name\nzoe+news@example.com,"Zoë <b>&</b> Co"\nbob@example.net,Bob\n')
    const url = `smtp://127.0.0.1:${smtp.port}`
    const refused = await cli(['send', '--list', 'list.csv', '--smtp', url], cwd)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('expected the DIGEST_LINK_SECRET environment variable')
    expect(smtp.attempts).toEqual([])

    const run = await cli(['send', '--list', 'list.csv', '--smtp', url], cwd, {DIGEST_LINK_SECRET: 'test-secret'})
    expect(run.code).toBe(0)
    const token = (email: string) => createHmac('sha256', 'test-secret').update(email).digest('base64url')
    const zoe = smtp.received.find((message) => message.rcpt === 'zoe+news@example.com')!
    const mail = await parse(zoe)
    const link = `https://example.org/u?who=zoe%2Bnews%40example.com&t=${token('zoe+news@example.com')}`
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' ')).toBe(`List-Unsubscribe: <${link}>`)
    expect(mail.text).toContain(`Unsubscribe: ${link}`)
    const html = String(mail.html)
    expect(html).toContain(`href="${link.replaceAll('&', '&amp;').replaceAll('=', '&#x3D;')}"`)
    expect(html).toContain(`Sent to Zoë &lt;b&gt;&amp;&lt;/b&gt; Co at <a href="mailto:zoe+news@example.com">zoe+news@example.com</a> (${token('zoe+news@example.com')}).`)
    expect(zoe.raw.toString('latin1').replace(/=\r\n/g, '')).toContain('src=3D"cid:logo@digest"')
    expect(mail.attachments).toMatchObject([{contentId: '<logo@digest>', contentType: 'image/png', size: png.length}])
    const bob = await parse(smtp.received.find((message) => message.rcpt === 'bob@example.net')!)
    expect(bob.text).toContain(`Unsubscribe: https://example.org/u?who=bob%40example.net&t=${token('bob@example.net')}`)
    expect(bob.text).not.toContain('zoe')
  }, 60_000)
})
