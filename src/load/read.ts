import {closeSync, constants, fstatSync, openSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {guardMarkdown} from './guard.js'
import {formatBytes} from './yaml.js'

declare module 'vfile' {
  interface DataMap {
    /** The file began with a byte-order mark, stripped from `value`. */
    bom: boolean
  }
}

/** Larger files are refused unread: no article is this long, and parsing one would hold the run. */
export const maxArticleBytes = 16 * 1024 * 1024

/** Signatures of common binary formats that can start with text-like bytes. */
const magic: {name: string; bytes: number[]}[] = [
  {name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47]},
  {name: 'JPEG image', bytes: [0xff, 0xd8, 0xff]},
  {name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]},
  {name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]},
  {name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d]},
  {name: 'ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04]},
  {name: 'gzip archive', bytes: [0x1f, 0x8b]},
  {name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46]},
  {name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a]},
  {name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf]}
]

/**
 * Opens without blocking and refuses anything but a regular file: a FIFO would wait for a writer
 * forever, a device never ends. `flags` join the open flags (`O_NOFOLLOW` refuses a link). Throws
 * `Error`s whose message completes "Unexpected …".
 *
 * Synchronous: an article is a few kilobytes, nearly always in the page cache, where the four
 * round trips of an asynchronous open, stat, read and close to libuv's threads cost several times
 * the reading itself. It runs in a worker, or on a thread with nothing else to do meanwhile.
 */
export function readRegularFile(absolute: string, flags = 0): Buffer {
  const descriptor = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | flags)
  try {
    const info = fstatSync(descriptor)
    if (!info.isFile()) throw new NotTextError(`Unexpected ${kindOf(info)}, expected a regular file`)
    if (info.size > maxArticleBytes) throw new NotTextError(`Unexpected file of ${formatBytes(info.size)}, expected an article of at most ${formatBytes(maxArticleBytes)}`)
    return readFileSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

/** A file that is there but cannot be an article; its message is the whole reason. */
export class NotTextError extends Error {
  override name = 'NotTextError'
}

function kindOf(info: {isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean}) {
  if (info.isFIFO()) return 'named pipe (FIFO)'
  if (info.isSocket()) return 'socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device'
  if (info.isDirectory()) return 'folder'
  return 'special file'
}

/**
 * Bytes → an article VFile, never throwing. Text is UTF-8 (or UTF-16 with its byte-order mark);
 * a binary file gets one fatal message. What is kept is made safe for every later step, always
 * one character for one so offsets into `value` are offsets into the file: a lone CR becomes LF,
 * control characters become spaces (said once in a warning), and Markdown nested too deep to
 * parse is flattened (see guard.ts).
 */
export function articleFromBytes(bytes: Uint8Array, filePath: string, cwd?: string): VFile {
  const file = new VFile({path: filePath, ...(cwd ? {cwd} : {}), value: ''})
  const binary = binaryKind(bytes)
  if (binary) {
    refuse(file, `Unexpected binary content, expected a text article (found ${binary.kind})`, binary.place)
    return file
  }
  const decoded = decode(bytes)
  let value = decoded.value
  const undecodable = decoded.undecodable
  if (undecodable !== -1) {
    const place = placeOfIndex(value, undecodable)
    if (mostlyUndecodable(value)) {
      refuse(file, 'Unexpected binary content, expected a text article (found bytes that are not text in any encoding digest reads)', place)
      return file
    }
    file.message('Unexpected bytes that are not UTF-8, expected UTF-8 text: read as �', {place, ruleId: 'encoding', source: 'digest'}).fatal = false
  }
  // micromark drops a byte-order mark and counts its offsets without it: strip it here so the
  // tree and the text agree, and remember it so offsets shown to users count it again.
  if (value.charCodeAt(0) === 0xfeff) {
    value = value.slice(1)
    file.data.bom = true
  }
  value = cleanControls(value, file)
  file.value = guardMarkdown(value, file)
  return file
}

function binaryKind(bytes: Uint8Array): {kind: string; place: {line: number; column: number}} | undefined {
  for (const {name, bytes: signature} of magic) {
    if (signature.every((byte, index) => bytes[index] === byte)) return {kind: `a ${name}`, place: {line: 1, column: 1}}
  }
  // UTF-16 text is full of NUL bytes; with its byte-order mark it is still text.
  if (isUtf16(bytes)) return undefined
  const nul = bytes.indexOf(0)
  if (nul !== -1) return {kind: 'a NUL byte', place: placeOfByte(bytes, nul)}
  return undefined
}

/** More than one character in ten of the first 4,096 could not be decoded: not a text in another encoding, not text. */
function mostlyUndecodable(value: string) {
  const head = value.slice(0, 4096)
  let bad = 0
  for (let index = 0; index < head.length; index++) if (head.charCodeAt(index) === 0xfffd) bad++
  return bad > head.length / 10
}

function isUtf16(bytes: Uint8Array) {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}

/** The text, and the index of its first undecodable character (-1 if none). */
function decode(bytes: Uint8Array): {value: string; undecodable: number} {
  if (isUtf16(bytes)) return {value: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), undecodable: -1}
  try {
    return {value: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes), undecodable: -1}
  } catch {
    const value = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
    return {value, undecodable: Math.max(0, value.indexOf('\uFFFD'))}
  }
}

// C0 controls but tab, LF, VT, FF and CR; DEL; C1 controls. They show as nothing or as terminal
// commands, and a mail client may cut a message at them.
const controls = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g

function cleanControls(value: string, file: VFile) {
  let first = -1
  const cleaned = value.replace(/\r(?!\n)/g, '\n').replace(controls, (_, offset: number) => {
    if (first === -1) first = offset
    return ' '
  })
  if (first !== -1) {
    const code = value.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0')
    file.message(`Unexpected control character U+${code}, expected text: read as a space (with any others)`, {place: placeOfIndex(value, first), ruleId: 'control-character', source: 'digest'}).fatal = false
  }
  return cleaned
}

function placeOfByte(bytes: Uint8Array, index: number) {
  let line = 1
  let lineStart = 0
  for (let at = 0; at < index; at++) {
    if (bytes[at] === 0x0a) {
      line++
      lineStart = at + 1
    }
  }
  return {line, column: index - lineStart + 1}
}

/** The place of `value[index]`, counting LF, CRLF and a lone CR as line endings (as micromark does). */
export function placeOfIndex(value: string, index: number) {
  let line = 1
  let lineStart = 0
  for (let at = 0; at < index; at++) {
    const code = value.charCodeAt(at)
    if (code === 0x0a || (code === 0x0d && value.charCodeAt(at + 1) !== 0x0a)) {
      line++
      lineStart = at + 1
    }
  }
  return {line, column: index - lineStart + 1}
}

function refuse(file: VFile, reason: string, place: {line: number; column: number}) {
  file.message(reason, {place, ruleId: 'binary', source: 'digest'}).fatal = true
}
