import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {DigestError} from '../errors.js'
import type {Message} from '../types.js'

export interface Recipient {
  /** The address as given, trimmed; what goes into `To` and the SMTP envelope. */
  email: string
  name?: string
  /** Lower-cased address: duplicates, the ledger and the Message-ID hash compare on it. */
  key: string
}

export interface RecipientList {
  recipients: Recipient[]
  /** One warning per invalid address, at its file, line and column. */
  messages: Message[]
  invalid: number
  duplicates: number
}

export interface RecipientSource {
  /** `--to`: addresses separated by commas. */
  to?: string[]
  /** `--list`: a CSV file with an `email` column and an optional `name` column. */
  list?: string
  cwd?: string
}

/**
 * The recipients of `--to` or `--list`, each once, in the order given. Invalid addresses are
 * reported as warnings at their line and column and left out; the run goes on with the rest.
 */
export async function readRecipients(source: RecipientSource): Promise<RecipientList> {
  const settings = {...source, cwd: source.cwd ?? process.cwd()}
  const entries: Entry[] = settings.list ? await readList(settings.list, settings.cwd) : fromFlag(settings.to ?? [])
  const messages: Message[] = []
  const seen = new Set<string>()
  const recipients: Recipient[] = []
  let invalid = 0
  let duplicates = 0
  for (const entry of entries) {
    const problem = addressProblem(entry.email) ?? (entry.name !== undefined && /[\r\n]/.test(entry.name) ? 'a name on one line' : undefined)
    if (problem) {
      invalid++
      messages.push({file: entry.file, line: entry.line, column: entry.column, severity: 'warning', reason: `Unexpected address ${JSON.stringify(entry.email)}, expected ${problem}`, ruleId: 'recipient'})
      continue
    }
    const key = entry.email.toLowerCase()
    if (seen.has(key)) {
      duplicates++
      continue
    }
    seen.add(key)
    recipients.push({email: entry.email, key, ...(entry.name ? {name: entry.name} : {})})
  }
  return {recipients, messages, invalid, duplicates}
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

function fromFlag(values: string[]): Entry[] {
  const entries: Entry[] = []
  for (const value of values) {
    let column = 1
    for (const part of value.split(',')) {
      const leading = part.length - part.trimStart().length
      if (part.trim() !== '') entries.push({email: part.trim(), file: '--to', line: 1, column: column + leading})
      column += part.length + 1
    }
  }
  return entries
}

async function readList(file: string, cwd: string): Promise<Entry[]> {
  const absolute = path.resolve(cwd, file)
  const shown = path.relative(cwd, absolute) || absolute
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    throw new DigestError(`Cannot read recipient list ${shown}`, {cause: error, place: {file: shown}})
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const rows = parseCsv(text)
  const header = rows.shift()
  const names = header?.fields.map((field) => field.value.trim().toLowerCase()) ?? []
  const emailIndex = names.indexOf('email')
  if (!header || emailIndex === -1) {
    throw new DigestError(`Unexpected header row ${JSON.stringify(header?.fields.map((field) => field.value).join(',') ?? '')}, expected a header row with an \`email\` column (and optionally \`name\`)`, {place: {file: shown, line: 1, column: 1}})
  }
  const nameIndex = names.indexOf('name')
  const entries: Entry[] = []
  for (const row of rows) {
    if (row.fields.every((field) => field.value.trim() === '')) continue
    const cell = row.fields[emailIndex]
    const name = nameIndex === -1 ? undefined : row.fields[nameIndex]?.value.trim()
    entries.push({
      email: cell?.value.trim() ?? '',
      ...(name ? {name} : {}),
      file: shown,
      line: cell?.line ?? row.line,
      column: cell ? cell.column + (cell.value.length - cell.value.trimStart().length) : 1
    })
  }
  return entries
}

interface Field {
  value: string
  line: number
  column: number
}

/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF, double quotes around a field that
 * holds commas, quotes (doubled) or line breaks. Each field keeps the line and column it starts at.
 */
function parseCsv(text: string): Array<{line: number; fields: Field[]}> {
  const rows: Array<{line: number; fields: Field[]}> = []
  let line = 1
  let lineStart = 0
  let index = 0
  while (index < text.length) {
    const row = {line, fields: [] as Field[]}
    for (;;) {
      const field: Field = {value: '', line, column: index - lineStart + 1}
      if (text[index] === '"') {
        index++
        for (;;) {
          const quote = text.indexOf('"', index)
          const end = quote === -1 ? text.length : quote
          const chunk = text.slice(index, end)
          for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) {
            line++
            lineStart = index + at + 1
          }
          field.value += chunk
          index = end + 1
          if (quote !== -1 && text[index] === '"') {
            field.value += '"'
            index++
            continue
          }
          break
        }
        // Anything between the closing quote and the next separator is kept, as spreadsheets do.
        while (index < text.length && text[index] !== ',' && text[index] !== '\n' && text[index] !== '\r') field.value += text[index++]
      } else {
        while (index < text.length && text[index] !== ',' && text[index] !== '\n' && text[index] !== '\r') field.value += text[index++]
      }
      row.fields.push(field)
      if (text[index] === ',') {
        index++
        continue
      }
      break
    }
    if (text[index] === '\r') index++
    if (text[index] === '\n') index++
    line++
    lineStart = index
    rows.push(row)
  }
  return rows
}
