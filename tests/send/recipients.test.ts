import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {newTally, readRecipients, type RecipientSource} from '../../src/deliver/recipients.js'

async function list(text: string) {
  const cwd = await mkdtemp(path.join(tmpdir(), 'digest-list-'))
  await writeFile(path.join(cwd, 'list.csv'), text)
  return collect({list: 'list.csv', cwd})
}

async function collect(source: RecipientSource) {
  const tally = newTally()
  const recipients = []
  for await (const recipient of readRecipients(source, tally)) recipients.push(recipient)
  return {recipients, ...tally}
}

describe('readRecipients', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers', async () => {
    const result = await list('"Name","E-mail ignored",email\r\n"Doe, Jane",x,jane@example.com\r\n"Say ""hi""",x,hi@example.com\n"two\nlines",x,bad address\nplain,x,plain@example.com\n')
    expect(result.recipients).toEqual([
      {email: 'jane@example.com', name: 'Doe, Jane', key: 'jane@example.com'},
      {email: 'hi@example.com', name: 'Say "hi"', key: 'hi@example.com'},
      {email: 'plain@example.com', name: 'plain', key: 'plain@example.com'}
    ])
    expect(result.messages).toEqual([{file: 'list.csv', line: 5, column: 10, severity: 'warning', reason: 'Unexpected address "bad address", expected an address without spaces, line breaks, brackets or quotes', ruleId: 'recipient'}])
  })

  test('sends to duplicates once, comparing addresses without case', async () => {
    const result = await list('email\nA@Example.com\na@example.com\n\nb@example.com\n')
    expect(result.recipients.map((recipient) => recipient.email)).toEqual(['A@Example.com', 'b@example.com'])
    expect(result).toMatchObject({duplicates: 1, invalid: 0, count: 2})
  })

  test('an unterminated quote is an error at the line it opens, not rows swallowed into one field', async () => {
    await expect(list('email,name\na@example.com,"Ann\nb@example.com,Bob\nc@example.com,Cy\n')).rejects.toMatchObject({
      message: expect.stringContaining('Unexpected end of the list inside a quoted field, expected a closing `"`'),
      place: {file: 'list.csv', line: 2, column: 1}
    })
    const many = Array.from({length: 500}, (_, index) => `r${index}@example.com,R`).join('\n')
    await expect(list(`email,name\n${many}\nlast@example.com,"Ann\nb@example.com,Bob\n`)).rejects.toMatchObject({place: {line: 502}})
    // Text after a closing quote is kept in the field, as spreadsheets read it: that row is reported, the next one still read.
    const stray = await list('email,name\na@example.com,Ann\n"b@example.com" x,Bob\nc@example.com,Cy\n')
    expect(stray.recipients.map((recipient) => recipient.email)).toEqual(['a@example.com', 'c@example.com'])
    expect(stray.messages).toMatchObject([{line: 3, column: 1}])
  })

  test('CR, LF and CRLF rows in one file, a BOM, and blank lines', async () => {
    const result = await list('\uFEFFemail\r\na@example.com\rb@example.com\n\n\r\nc@example.com')
    expect(result.recipients.map((recipient) => recipient.email)).toEqual(['a@example.com', 'b@example.com', 'c@example.com'])
  })

  test('a missing list file is an error naming it', async () => {
    await expect(collect({list: 'nowhere.csv', cwd: tmpdir()})).rejects.toThrow('Cannot read recipient list nowhere.csv')
  })

  test('accepts localhost and international domains, refuses the rest', async () => {
    const result = await collect({to: ['ops@localhost,zoë@bücher.de', 'a@b,<a@example.com>,a@-x.com,.a@example.com']})
    expect(result.recipients.map((recipient) => recipient.email)).toEqual(['ops@localhost', 'zoë@bücher.de'])
    expect(result.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.reason}`)).toEqual([
      '--to:1:1 Unexpected address "a@b", expected a domain after the @ such as example.org',
      '--to:1:5 Unexpected address "<a@example.com>", expected an address without spaces, line breaks, brackets or quotes',
      '--to:1:21 Unexpected address "a@-x.com", expected a domain after the @ such as example.org',
      '--to:1:30 Unexpected address ".a@example.com", expected a local part before the @ such as name'
    ])
  })

  test('a list without an email column is refused at line 1', async () => {
    await expect(list('name,mail\nJane,jane@example.com\n')).rejects.toMatchObject({
      message: expect.stringContaining('expected a header row with an `email` column'),
      place: {file: 'list.csv', line: 1, column: 1}
    })
  })
})
