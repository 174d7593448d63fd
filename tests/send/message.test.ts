import {simpleParser} from 'mailparser'
import {expect, test} from 'vitest'
import {composeForReaders, composeMessage} from '../../src/deliver/message.js'

const parts = {
  from: 'Rédaction <desk@example.org>',
  subject: 'Brief · “quotes” and figures',
  text: 'Plain part, with a long line that quoted-printable has to wrap somewhere past seventy-six characters.\n',
  html: '<p>HTML part — <b>bold</b></p>\n',
  unsubscribeUrl: 'https://example.org/u?list=weekly',
  date: new Date('2026-01-05T08:00:00Z')
}

test('a message per reader reads exactly like composeMessage for that reader', async () => {
  const personal = await composeForReaders(parts)
  for (const to of [{email: 'plain@example.com'}, {name: 'Zoë "Z" Müller, PhD', email: 'zoe@example.com'}]) {
    const id = `<b1.${to.name ? 2 : 1}@example.org>`
    const [fast, whole] = await Promise.all([simpleParser(await personal(to, id)), simpleParser(await composeMessage({...parts, to, messageId: id}))])
    for (const mail of [fast, whole]) expect(mail.messageId).toBe(id)
    expect(fast.to).toEqual(whole.to)
    expect({text: fast.text, html: fast.html, subject: fast.subject, from: fast.from, date: fast.date}).toEqual({text: whole.text, html: whole.html, subject: whole.subject, from: whole.from, date: whole.date})
    expect(fast.headerLines.map((header) => header.key)).toEqual(whole.headerLines.map((header) => header.key))
  }
  const zoe = await simpleParser(await personal({name: 'Zoë "Z" Müller, PhD', email: 'zoe@example.com'}, '<b1.2@example.org>'))
  expect(zoe.to).toMatchObject({value: [{name: 'Zoë "Z" Müller, PhD', address: 'zoe@example.com'}]})
})

test('no line break reaches a header, for the whole message or a reader\'s part', async () => {
  await expect(composeMessage({...parts, subject: 'Hi\nBcc: evil@example.com'})).rejects.toThrow('Unexpected line break in the subject header')
  const personal = await composeForReaders(parts)
  await expect(personal({name: 'Eve\r\nBcc: evil@example.com', email: 'eve@example.com'}, '<x@example.org>')).rejects.toThrow('Unexpected line break in the to header')
  await expect(personal({email: 'eve@example.com'}, '<x@example.org>\r\nBcc: evil@example.com')).rejects.toThrow('Unexpected line break in the messageId header')
})
