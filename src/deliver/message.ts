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
  const root = compile(parts)
  try {
    return await root.build()
  } catch (error) {
    throw new DigestError('Having trouble composing the email message', {cause: error})
  }
}

/**
 * The same message for many readers: the body is encoded once, and each call returns it with that
 * reader's `To` and `Message-ID` (encoded, folded and checked like every other header). Encoding
 * the body is most of the work of composing, so a list of thousands does it once, not per reader.
 */
export async function composeForReaders(parts: Omit<MessageParts, 'to' | 'messageId'>): Promise<(to: NonNullable<MessageParts['to']>, messageId: string) => Buffer> {
  const root = compile({...parts, to: 'reader@invalid', messageId: '<reader@invalid>'})
  let template: Buffer
  try {
    template = await root.build()
  } catch (error) {
    throw new DigestError('Having trouble composing the email message', {cause: error})
  }
  // Everything from the blank line on (the multipart body, its boundary fixed by the build) is shared.
  const body = template.subarray(template.indexOf('\r\n\r\n'))
  return (to, messageId) => {
    checkLines({to: addressLine(to), messageId})
    root.setHeader('To', addressHeader(to) as unknown as string)
    root.setHeader('Message-ID', messageId)
    return Buffer.concat([Buffer.from(root.buildHeaders()), body])
  }
}

function compile(parts: MessageParts) {
  checkLines({from: parts.from, to: parts.to && addressLine(parts.to), subject: parts.subject, messageId: parts.messageId, unsubscribeUrl: parts.unsubscribeUrl})
  const headers: Record<string, string> = {}
  if (parts.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${parts.unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  return new MailComposer({
    from: parts.from,
    ...(parts.to ? {to: addressHeader(parts.to)} : {}),
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    headers,
    ...(parts.messageId ? {messageId: parts.messageId} : {}),
    date: parts.date ?? new Date(),
    textEncoding: 'quoted-printable'
  }).compile()
}

function checkLines(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && /[\r\n]/.test(value)) throw new DigestError(`Unexpected line break in the ${name} header, expected one line`)
  }
}

function addressLine(to: NonNullable<MessageParts['to']>): string {
  return typeof to === 'string' ? to : `${to.name ?? ''} ${to.address}`
}

function addressHeader(to: NonNullable<MessageParts['to']>) {
  return typeof to === 'string' ? to : {name: to.name ?? '', address: to.address}
}

/** The subject when the config and flags set none: the title and the period, as the build and every send use it. */
export function defaultSubject(briefing: {title: string; period: {start: string; end: string}}): string {
  const {start, end} = briefing.period
  return `${briefing.title} · ${start === end ? start : `${start} – ${end}`}`
}
