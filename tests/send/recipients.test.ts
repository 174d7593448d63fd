import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {readRecipients} from '../../src/deliver/recipients.js'

async function list(text: string) {
  const cwd = await mkdtemp(path.join(tmpdir(), 'digest-list-'))
  await writeFile(path.join(cwd, 'list.csv'), text)
  return readRecipients({list: 'list.csv', cwd})
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
    expect(result).toMatchObject({duplicates: 1, invalid: 0})
  })

  test('accepts localhost and international domains, refuses the rest', async () => {
    const result = await readRecipients({to: ['ops@localhost,zoë@bücher.de', 'a@b,<a@example.com>,a@-x.com,.a@example.com']})
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
