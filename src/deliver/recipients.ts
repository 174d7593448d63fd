import {createReadStream} from 'node:fs'
import path from 'node:path'
import {parse, type CsvError} from 'csv-parse'
import {DigestError} from '../errors.js'
import type {Message} from '../types.js'

export interface Recipient {
  /** The address as given, trimmed; what goes into `To` and the SMTP envelope. */
  email: string
  name?: string
  /** Lower-cased address: duplicates, the ledger and the Message-ID hash compare on it. */
  key: string
}

export interface RecipientSource {
  /** `--to`: addresses separated by commas. */
  to?: string[]
  /** `--list`: a CSV file with an `email` column and an optional `name` column. */
  list?: string
  cwd?: string
}

/** What one pass over the list found besides the recipients themselves. */
export interface RecipientTally {
  /** Valid, distinct recipients. */
  count: number
  /** One warning per invalid address, at its file, line and column. */
  messages: Message[]
  invalid: number
  duplicates: number
}

/**
 * The recipients of `--to` or `--list`, each once, in the order given, read as a stream: memory
 * holds the set of addresses seen (to drop duplicates), never the list. Invalid addresses are
 * reported in `tally` at their line and column and left out; the run goes on with the rest. A
 * CSV that cannot be read whole (an unterminated quote, a stray quote) is an error at its line,
 * so no row after it is silently taken into a field: read the list once with this before sending.
 */
export async function* readRecipients(source: RecipientSource, tally: RecipientTally = newTally()): AsyncGenerator<Recipient> {
  const cwd = source.cwd ?? process.cwd()
  const entries = source.list ? readList(source.list, cwd) : fromFlag(source.to ?? [])
  const seen = new Set<string>()
  for await (const entry of entries) {
    const problem = addressProblem(entry.email) ?? (entry.name !== undefined && /[\r\n]/.test(entry.name) ? 'a name on one line' : undefined)
    if (problem) {
      tally.invalid++
      tally.messages.push({file: entry.file, line: entry.line, column: entry.column, severity: 'warning', reason: `Unexpected address ${JSON.stringify(entry.email)}, expected ${problem}`, ruleId: 'recipient'})
      continue
    }
    const key = entry.email.toLowerCase()
    if (seen.has(key)) {
      tally.duplicates++
      continue
    }
    seen.add(key)
    tally.count++
    yield {email: entry.email, key, ...(entry.name ? {name: entry.name} : {})}
  }
}

export function newTally(): RecipientTally {
  return {count: 0, messages: [], invalid: 0, duplicates: 0}
}

/** Reads the whole list once without keeping it: the warnings and counts, or the error that makes it unusable. */
export async function tallyRecipients(source: RecipientSource): Promise<RecipientTally> {
  const tally = newTally()
  for await (const _recipient of readRecipients(source, tally)) {
    // Only the tally is wanted here; the recipients are read again, as a stream, when sending.
  }
  return tally
}

interface Entry {
  email: string
  name?: string
  file: string
  line: number
  column: number
}

/**
 * What is wrong with an address, or undefined when it will do: one `@`, a local part and a
 * domain of letters, digits, dots and hyphens with at least one dot (or `localhost`). Deliberately
 * narrower than RFC 5321 (no quoted local parts, no IP literals): a list of readers never needs
 * them, and anything with a line break, space or angle bracket could forge a header or a command.
 */
function addressProblem(email: string): string | undefined {
  if (email === '') return 'an address such as name@example.org'
  if (/[\s<>(),;:"\\[\]]/.test(email) || /[\u0000-\u001f\u007f]/.test(email)) return 'an address without spaces, line breaks, brackets or quotes'
  const parts = email.split('@')
  if (parts.length !== 2) return 'exactly one @'
  const [local = '', domain = ''] = parts
  if (local === '' || local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'a local part before the @ such as name'
  const labels = domain.split('.')
  const labelsValid = labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label))
  if (!labelsValid || domain.length > 253 || (labels.length < 2 && domain.toLowerCase() !== 'localhost')) return 'a domain after the @ such as example.org'
  return undefined
}

function* fromFlag(values: string[]): Generator<Entry> {
  for (const value of values) {
    let column = 1
    for (const part of value.split(',')) {
      const leading = part.length - part.trimStart().length
      if (part.trim() !== '') yield {email: part.trim(), file: '--to', line: 1, column: column + leading}
      column += part.length + 1
    }
  }
}

/** The rows of a recipient CSV, through csv-parse, each with the line and column of its email cell. */
async function* readList(file: string, cwd: string): AsyncGenerator<Entry> {
  const absolute = path.resolve(cwd, file)
  const shown = path.relative(cwd, absolute) || absolute
  // Where the last whole row ended, tracked as the parser goes (before the rows are handed on),
  // so a row that fails to parse is placed at the line it starts on.
  let linesParsed = 0
  const parser = parse({
    bom: true,
    raw: true,
    relax_column_count: true,
    // `Bob "the builder"` as spreadsheets write it: quotes inside a field that does not start with one.
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (record, context) => {
      linesParsed += lineBreaks((context as {raw?: string}).raw ?? '\n')
      return record
    }
  })
  const input = createReadStream(absolute)
  input.on('error', (error) => parser.destroy(error))
  input.pipe(parser)
  let emailIndex = -1
  let nameIndex = -1
  let nextLine = 1
  try {
    for await (const {record, raw} of parser as AsyncIterable<{record: string[]; raw: string}>) {
      const line = nextLine
      nextLine += lineBreaks(raw)
      if (emailIndex === -1) {
        const names = record.map((field) => field.trim().toLowerCase())
        emailIndex = names.indexOf('email')
        nameIndex = names.indexOf('name')
        if (emailIndex === -1) {
          throw new DigestError(`Unexpected header row ${JSON.stringify(record.join(','))}, expected a header row with an \`email\` column (and optionally \`name\`)`, {place: {file: shown, line: 1, column: 1}})
        }
        continue
      }
      if (record.every((field) => field.trim() === '')) continue
      const cell = record[emailIndex] ?? ''
      const name = nameIndex === -1 ? undefined : record[nameIndex]?.trim()
      const start = fieldStart(raw, record, Math.min(emailIndex, record.length))
      yield {email: cell.trim(), ...(name ? {name} : {}), file: shown, line: line + start.lines, column: start.column + (cell.length - cell.trimStart().length)}
    }
  } catch (error) {
    if (error instanceof DigestError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new DigestError(`Cannot read recipient list ${shown}`, {cause: error, place: {file: shown}})
    throw csvProblem(error as CsvError, shown, linesParsed + 1)
  } finally {
    input.destroy()
    parser.destroy()
  }
}

/**
 * A CSV error worded as ours. An unclosed quote is placed where its row starts (csv-parse notices
 * it only at the end of the file); other errors where csv-parse noticed them.
 */
function csvProblem(error: CsvError, file: string, rowStart: number): DigestError {
  const place = {file, line: error.code === 'CSV_QUOTE_NOT_CLOSED' ? rowStart : (error as CsvError & {lines?: number}).lines ?? rowStart, column: 1}
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return new DigestError('Unexpected end of the list inside a quoted field, expected a closing `"` (every row after it would be read as part of that field)', {cause: error, place})
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return new DigestError('Unexpected text after a closing `"`, expected a comma or the end of the row', {cause: error, place})
  if (error.code === 'INVALID_OPENING_QUOTE') return new DigestError('Unexpected `"` inside a field that does not start with one, expected quotes around the whole field (`"say ""hi"""`)', {cause: error, place})
  return new DigestError(`Unexpected CSV: ${error.message}`, {cause: error, place})
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0
}

/**
 * Where field `index` starts inside the row's raw text: lines below the row's first, and the
 * column on that line. A quoted field's raw length is its value with quotes doubled, plus two.
 */
function fieldStart(raw: string, record: string[], index: number): {lines: number; column: number} {
  let offset = 0
  for (let field = 0; field < index; field++) {
    const value = record[field] ?? ''
    offset += (raw[offset] === '"' ? value.replaceAll('"', '""').length + 2 : value.length) + 1
  }
  const before = raw.slice(0, offset)
  const breaks = lineBreaks(before)
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1
  return {lines: breaks, column: offset - lineStart + 1}
}
