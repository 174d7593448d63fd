import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {simpleParser} from 'mailparser'
import {describe, expect, it} from 'vitest'
import {composeMessage} from '../../src/deliver/message.js'
import {writeFilesAtomically} from '../../src/deliver/write.js'

describe('writeFilesAtomically', () => {
  it('writes every file and leaves no temporary file behind', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'digest-write-')), 'out/2023-W47')
    await writeFilesAtomically(dir, {'index.html': '<p>hi</p>', 'index.txt': 'hi\n'})
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'index.txt'])
    expect(await readFile(path.join(dir, 'index.txt'), 'utf8')).toBe('hi\n')
  })

  it('refuses a name that climbs out of the folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'digest-write-'))
    await expect(writeFilesAtomically(dir, {'../escape.txt': 'x'})).rejects.toThrow(/outside/)
  })
})

describe('composeMessage', () => {
  it('builds multipart/alternative with both parts and the one-click unsubscribe headers', async () => {
    const eml = await composeMessage({from: 'Desk <desk@example.org>', to: 'reader@example.org', subject: 'Weekly: “talks” resume', html: '<p>Hello <b>reader</b></p>', text: 'Hello reader\n', messageId: '<2023-W47.abc@example.org>', unsubscribeUrl: 'https://example.org/u?id=1'})
    const parsed = await simpleParser(eml)
    expect(parsed.subject).toBe('Weekly: “talks” resume')
    expect(parsed.text).toBe('Hello reader\n')
    expect(parsed.html).toContain('<b>reader</b>')
    expect(parsed.messageId).toBe('<2023-W47.abc@example.org>')
    const header = (name: string) => parsed.headerLines.find((line) => line.key === name)?.line
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://example.org/u?id=1>')
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(String(eml)).toMatch(/Content-Type: multipart\/alternative/)
  })

  it('refuses a line break that would forge a header', async () => {
    await expect(composeMessage({from: 'desk@example.org', subject: 'Hi\r\nBcc: victim@example.org', html: '<p></p>', text: ''})).rejects.toThrow(/Unexpected line break in the subject header/)
  })
})
