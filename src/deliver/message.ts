import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import {DigestError} from '../errors.js'

export interface MessageParts {
  from: string
  /** One reader: an address, or an address with a display name (quoted and encoded as needed). */
  to?: string | {name?: string; address: string}
  subject: string
  html: string
  text: string
  /** Stable per briefing and recipient, so a resent message is recognisably the same one. */
  messageId?: string
  /** Adds `List-Unsubscribe` and RFC 8058 one-click `List-Unsubscribe-Post`. */
  unsubscribeUrl?: string
  date?: Date
}

/**
 * A whole RFC 5322 message, multipart/alternative (text, then HTML), as bytes: what `email.eml`
 * holds and what SMTP sends. Header values come from config, flags and content, so line breaks
 * are refused here rather than trusted to every caller.
 */
export async function composeMessage(parts: MessageParts): Promise<Buffer> {
  const to = typeof parts.to === 'object' ? `${parts.to.name ?? ''} ${parts.to.address}` : parts.to
  for (const [name, value] of Object.entries({from: parts.from, to, subject: parts.subject, messageId: parts.messageId, unsubscribeUrl: parts.unsubscribeUrl})) {
    if (value !== undefined && /[\r\n]/.test(value)) throw new DigestError(`Unexpected line break in the ${name} header, expected one line`)
  }
  const headers: Record<string, string> = {}
  if (parts.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${parts.unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  const composer = new MailComposer({
    from: parts.from,
    ...(parts.to ? {to: typeof parts.to === 'string' ? parts.to : {name: parts.to.name ?? '', address: parts.to.address}} : {}),
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    headers,
    ...(parts.messageId ? {messageId: parts.messageId} : {}),
    date: parts.date ?? new Date(),
    textEncoding: 'quoted-printable'
  })
  try {
    return await composer.compile().build()
  } catch (error) {
    throw new DigestError('Having trouble composing the email message', {cause: error})
  }
}
