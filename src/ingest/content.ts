import {TextDecoder} from 'node:util'
import {DigestError} from '../errors.js'
import {looksLikeFeed} from './feed.js'

export type Kind = 'page' | 'feed'

/**
 * Bytes to text in the charset the response or the document declares (HTTP header, then
 * `<meta charset>` or the XML declaration), UTF-8 when none does.
 */
export function decode(body: Buffer, contentType: string): string {
  const head = body.subarray(0, 2048).toString('latin1')
  const label = /charset=["']?([\w-]+)/i.exec(contentType)?.[1]
    ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]
    ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1]
    ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label)
  } catch {
    decoder = new TextDecoder('utf-8')
  }
  return decoder.decode(body)
}

/**
 * A page or a feed, from the declared type when it says, else from the content itself.
 * Anything else (an image, a PDF, a zip) is refused, naming what was found.
 */
export function classify(body: Buffer, contentType: string, from: string): Kind {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (body.subarray(0, 1024).includes(0)) {
    throw new DigestError(`Unexpected binary content${type ? ` (${type})` : ''} at ${from}, expected an HTML page or a feed`)
  }
  const start = body.subarray(0, 4096).toString('utf8')
  if (looksLikeFeed(start)) return 'feed'
  if (type === 'text/html' || type === 'application/xhtml+xml' || /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<body)/i.test(start.replace(/^\uFEFF/, ''))) return 'page'
  throw new DigestError(`Unexpected content${type ? ` of type ${type}` : ''} at ${from}, expected an HTML page or an RSS, Atom or JSON feed`)
}

/** The kind a local file's extension promises, or a refusal listing the ones accepted. */
export function kindOfFile(file: string): Kind {
  if (/\.html?$/i.test(file)) return 'page'
  if (/\.(xml|json|rss|atom)$/i.test(file)) return 'feed'
  throw new DigestError(`Unexpected file type of ${file}, expected .html, .htm, .xml or .json`, {place: {file}})
}
