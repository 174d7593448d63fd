import {createHmac} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import {DigestError} from '../errors.js'

/** A reader as the list gives them. */
export interface Reader {
  email: string
  name?: string
}

export interface MessageParts {
  from: string
  /** One reader: an address, or an address with a display name (quoted and encoded as needed). */
  to?: string | Reader
  subject: string
  html: string
  text: string
  /** Stable per briefing and recipient, so a resent message is recognisably the same one. */
  messageId?: string
  /** Adds `List-Unsubscribe` and RFC 8058 one-click `List-Unsubscribe-Post`. */
  unsubscribeUrl?: string
  /**
   * `brand.logo` as the templates printed it into the HTML. A local file (not http/https) is
   * attached as an inline image and the HTML points at it by Content-ID, so it shows without
   * the reader's client fetching anything.
   */
  logo?: {src: string; file: string}
  date?: Date
}

const logoCid = 'logo@digest'

/**
 * A whole RFC 5322 message, multipart/alternative (text, then HTML), as bytes: what `email.eml`
 * holds and what SMTP sends. Header values come from config, flags and content, so line breaks
 * are refused here rather than trusted to every caller.
 */
export async function composeMessage(parts: MessageParts): Promise<Buffer> {
  return build(compile(parts, await readLogo(parts.logo)))
}

/** What a reader's message needs besides the shared parts: HMAC key for `{token}` / `{{reader.token}}`. */
export interface ReaderOptions {
  secret?: string
}

/**
 * The same briefing for many readers: each call returns the message for one reader, with their
 * `To`, `Message-ID`, and the per-reader fields filled in (see `fillReader`). When the briefing
 * uses no per-reader field, the body is encoded once and shared: encoding it is most of the work
 * of composing, so a list of thousands does it once, not per reader.
 */
export async function composeForReaders(parts: Omit<MessageParts, 'to' | 'messageId'>, options: ReaderOptions = {}): Promise<(to: Reader, messageId: string) => Promise<Buffer>> {
  const logo = await readLogo(parts.logo)
  const readable = {...parts, html: withPlainBraces(parts.html)}
  if (usesReaderFields(readable)) {
    if (needsToken(readable) && !options.secret) {
      throw new DigestError('Unexpected `{token}` in a link with no secret to make it, expected the DIGEST_LINK_SECRET environment variable')
    }
    return (to, messageId) => build(compile({...readable, ...fillReader(readable, to, options.secret), to, messageId}, logo))
  }
  const root = compile({...parts, to: 'reader@invalid', messageId: '<reader@invalid>'}, logo)
  const template = await build(root)
  // Everything from the blank line on (the multipart body, its boundary fixed by the build) is shared.
  const body = template.subarray(template.indexOf('\r\n\r\n'))
  return async (to, messageId) => {
    checkLines({to: addressLine(to), messageId})
    root.setHeader('To', addressHeader(to) as unknown as string)
    root.setHeader('Message-ID', messageId)
    return Buffer.concat([Buffer.from(root.buildHeaders()), body])
  }
}

/**
 * MJML's minifier writes `{`, `}` and `=` as character references (`&#123;`); they mean nothing
 * special in HTML text or a quoted attribute, so they are read back to find the reader fields.
 */
function withPlainBraces(html: string): string {
  return html.replace(/&#(?:123|x7b);|&lbrace;|&lcub;/gi, '{').replace(/&#(?:125|x7d);|&rbrace;|&rcub;/gi, '}').replace(/&#(?:61|x3d);|&equals;/gi, '=')
}

const readerField = /\{\{\s*reader\.(email|name|token)\s*\}\}/g
const urlField = /\{(email|name|token)\}/g
const hasReaderField = new RegExp(readerField.source)
const hasUrlField = new RegExp(urlField.source)

function usesReaderFields(parts: Pick<MessageParts, 'html' | 'text' | 'unsubscribeUrl'>): boolean {
  return hasReaderField.test(parts.html) || hasReaderField.test(parts.text) || hasUrlField.test(parts.unsubscribeUrl ?? '')
}

function needsToken(parts: Pick<MessageParts, 'html' | 'text' | 'unsubscribeUrl'>): boolean {
  return /\{\{\s*reader\.token\s*\}\}/.test(parts.html) || /\{\{\s*reader\.token\s*\}\}/.test(parts.text) || (parts.unsubscribeUrl ?? '').includes('{token}')
}

/**
 * The reader's own HTML, text and unsubscribe URL. `{{reader.email}}`, `{{reader.name}}` and
 * `{{reader.token}}` (left in the built files by the templates) become the reader's values,
 * HTML-escaped in the HTML; `{email}`, `{name}` and `{token}` in the unsubscribe URL become the
 * values URL-encoded, wherever that URL stands (the footer link, the text part, the header).
 * The token is the address's HMAC-SHA256 under the secret, base64url: a link can name the
 * reader without showing their address, and the unsubscribe endpoint checks it with the same key.
 */
function fillReader(parts: Pick<MessageParts, 'html' | 'text' | 'unsubscribeUrl'>, reader: Reader, secret?: string): {html: string; text: string; unsubscribeUrl?: string} {
  const values = {
    email: reader.email,
    name: reader.name ?? '',
    token: () => {
      if (!secret) throw new DigestError('Unexpected `{token}` in a link with no secret to make it, expected the DIGEST_LINK_SECRET environment variable')
      return createHmac('sha256', secret).update(reader.email.toLowerCase()).digest('base64url')
    }
  }
  const value = (field: string) => (field === 'token' ? values.token() : values[field as 'email' | 'name'])
  let {html, text} = parts
  let unsubscribeUrl = parts.unsubscribeUrl
  if (parts.unsubscribeUrl && hasUrlField.test(parts.unsubscribeUrl)) {
    const template = parts.unsubscribeUrl
    unsubscribeUrl = template.replace(urlField, (_match, field: string) => encodeURIComponent(value(field)))
    // The URL as it stands in an attribute (its `&` escaped, or not), and as it is in the text part.
    html = html.replaceAll(template.replaceAll('&', '&amp;'), escapeHtml(unsubscribeUrl)).replaceAll(template, escapeHtml(unsubscribeUrl))
    text = text.replaceAll(template, unsubscribeUrl)
  }
  html = html.replace(readerField, (_match, field: string) => escapeHtml(value(field)))
  text = text.replace(readerField, (_match, field: string) => value(field))
  return {html, text, ...(unsubscribeUrl ? {unsubscribeUrl} : {})}
}

/** As Handlebars escapes a value, so a filled field can never open a tag or leave an attribute. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (character) => htmlEntities[character]!)
}

const htmlEntities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;'}

/** `brand.logo` when it is a local file: its bytes, to attach inline. A URL stays a URL. */
async function readLogo(logo: MessageParts['logo']): Promise<{src: string; name: string; content: Buffer} | undefined> {
  if (!logo || /^https?:/i.test(logo.src)) return undefined
  try {
    return {src: logo.src, name: path.basename(logo.file), content: await readFile(logo.file)}
  } catch (error) {
    throw new DigestError(`Cannot read the logo ${logo.file}, expected an image file (brand.logo)`, {cause: error, place: {file: logo.file}})
  }
}

function compile(parts: MessageParts, logo?: {src: string; name: string; content: Buffer}) {
  checkLines({from: parts.from, to: parts.to && addressLine(parts.to), subject: parts.subject, messageId: parts.messageId, unsubscribeUrl: parts.unsubscribeUrl})
  const headers: Record<string, string> = {}
  if (parts.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${parts.unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  const html = logo ? parts.html.replaceAll(`src="${escapeHtml(logo.src)}"`, `src="cid:${logoCid}"`).replaceAll(`src="${logo.src}"`, `src="cid:${logoCid}"`) : parts.html
  return new MailComposer({
    from: parts.from,
    ...(parts.to ? {to: addressHeader(parts.to)} : {}),
    subject: parts.subject,
    text: parts.text,
    html,
    headers,
    ...(logo ? {attachments: [{filename: logo.name, content: logo.content, cid: logoCid, contentDisposition: 'inline' as const}]} : {}),
    ...(parts.messageId ? {messageId: parts.messageId} : {}),
    date: parts.date ?? new Date(),
    textEncoding: 'quoted-printable'
  }).compile()
}

async function build(root: ReturnType<typeof compile>): Promise<Buffer> {
  try {
    return await root.build()
  } catch (error) {
    throw new DigestError('Having trouble composing the email message', {cause: error})
  }
}

function checkLines(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && /[\r\n]/.test(value)) throw new DigestError(`Unexpected line break in the ${name} header, expected one line`)
  }
}

function addressLine(to: NonNullable<MessageParts['to']>): string {
  return typeof to === 'string' ? to : `${to.name ?? ''} ${to.email}`
}

function addressHeader(to: NonNullable<MessageParts['to']>) {
  return typeof to === 'string' ? to : {name: to.name ?? '', address: to.email}
}

/** The subject when the config and flags set none: the title and the period, as the build and every send use it. */
export function defaultSubject(briefing: {title: string; period: {start: string; end: string}}): string {
  const {start, end} = briefing.period
  return `${briefing.title} · ${start === end ? start : `${start} – ${end}`}`
}
