import {caniemail} from 'caniemail'
import {darkContrast} from './dark.js'
import {findLine, templateOrigins, type Origin} from './origin.js'
import type {Source} from './templates.js'

/** caniemail's issue shape (its type is not exported). */
interface FeatureIssue {
  title: string
  notes: string[]
  support: string
  position?: {start: {line: number; column: number}; source?: string}
}

/** What `digest check` and `digest build` report about a built email. */
export interface Finding {
  /** `error` fails `digest check`; `warning` may look wrong in a client; `info` is partial support. */
  severity: 'error' | 'warning' | 'info'
  rule: string
  message: string
  /** The file the place is in (a template or `email.mjml`); undefined means the HTML itself. */
  file?: string
  /** Where, 1-based, when the finding has a place. */
  line?: number
  column?: number
}

export interface CheckInput {
  html: string
  /** The plain-text part; undefined or blank is an error (`text-part`). */
  text?: string
  /** Bytes; Gmail clips messages whose HTML is larger. @default 102400 */
  budget?: number
  /** caniemail client names the email must work in. @default Gmail, Outlook (Windows), Apple Mail, iOS Mail */
  clients?: string[]
  /** The templates the email was made from: features are reported where a template writes them. */
  templates?: Source[]
  /** The MJML the HTML was made from: a bad link or image is reported at its line there. */
  mjml?: {file: string; text: string}
}

const defaults = {
  budget: 102_400,
  clients: ['gmail.desktop-webmail', 'outlook.windows', 'apple-mail.macos', 'apple-mail.ios']
}

const clientTitles: Record<string, string> = {
  'gmail.desktop-webmail': 'Gmail',
  'outlook.windows': 'Outlook (Windows)',
  'apple-mail.macos': 'Apple Mail',
  'apple-mail.ios': 'iOS Mail'
}

/**
 * Features that break the layout where unsupported, not just its looks: these are errors.
 * Everything else caniemail reports is a warning (unsupported) or info (partial support), since
 * MJML's own output relies on progressive enhancement (media queries, `display:inline-block`).
 */
const layoutBreaking = new Set(['display:flex', 'display:grid', 'position', '<form> element', '<video> element'])

/**
 * Features whose absence changes only the looks, never the layout or a word of the text (a square
 * dot for a round one, no dark mode): a note, not a warning, since the email still reads right.
 */
const cosmetic = new Set(['@media', 'border-radius', 'box-shadow', 'text-shadow', 'opacity', 'outline', 'letter-spacing', 'word-spacing', ':hover', 'prefers-color-scheme', 'transition', 'animation', 'Chaining selectors'])

/**
 * Lints a built email: size against the budget, images without `alt`, links that are not http(s)
 * or mailto, a missing plain-text part, text too faint in dark mode, and CSS and HTML features against caniemail's support data.
 */
export function checkEmail(input: CheckInput): Finding[] {
  const settings = {...defaults, ...input}
  const findings: Finding[] = []
  const place = locator(settings.html)
  // Minified HTML has no lines worth reading: a value found in the MJML is reported there.
  const inMjml = (value: string, offset: number) => {
    const found = settings.mjml && value ? findLine(settings.mjml.text, value) : undefined
    return found && settings.mjml ? {file: settings.mjml.file, ...found} : place(offset)
  }
  const bytes = Buffer.byteLength(settings.html)
  if (bytes > settings.budget) {
    findings.push({severity: 'error', rule: 'size', message: `Unexpected HTML size ${bytes} bytes, expected at most ${settings.budget} (Gmail clips larger messages)`})
  }
  for (const match of settings.html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(match[0])?.[1] ?? ''
    if (!/\balt\s*=/i.test(match[0])) findings.push({severity: 'error', rule: 'img-alt', message: `Unexpected image without alt text, expected alt="…": ${src || match[0].slice(0, 80)}`, ...inMjml(src, match.index)})
  }
  for (const match of settings.html.matchAll(/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim()
    if (!/^(?:https?:\/\/|mailto:)/i.test(href)) findings.push({severity: 'error', rule: 'link-scheme', message: `Unexpected link \`${href.slice(0, 80)}\`, expected an http(s) or mailto link`, ...inMjml(match[2] ?? match[3] ?? match[4] ?? '', match.index)})
  }
  if (settings.text === undefined || settings.text.trim() === '') {
    findings.push({severity: 'error', rule: 'text-part', message: 'Unexpected missing plain-text part, expected index.txt'})
  }
  findings.push(...support(settings.html, settings.clients, settings.templates))
  findings.push(...darkContrast(settings.html, settings.templates))
  return findings
}

/**
 * One finding per feature and support level, naming every client it concerns. Given the templates,
 * a feature is reported where a template writes it; the features no template writes are MJML's
 * own fallbacks for those clients, summarised in one note since no template change removes them.
 */
function support(html: string, clients: string[], templates?: Source[]): Finding[] {
  const result = caniemail({clients: clients as Parameters<typeof caniemail>[0]['clients'], html})
  const groups = new Map<string, {issue: FeatureIssue; clients: Set<string>; line?: number; column?: number}>()
  for (const map of [result.issues.errors, result.issues.warnings]) {
    for (const [client, issues] of map) {
      for (const issue of issues) {
        const key = `${issue.support}\u0000${issue.title}`
        const group = groups.get(key) ?? {issue, clients: new Set<string>()}
        group.clients.add(clientTitles[client] ?? client)
        // Positions in a <style> sheet are relative to the sheet (they carry `source`); only HTML ones place the finding.
        if (group.line === undefined && issue.position && issue.position.source === undefined) {
          group.line = issue.position.start.line
          group.column = issue.position.start.column
        }
        groups.set(key, group)
      }
    }
  }
  const origins = templates ? templateOrigins(templates, clients) : undefined
  const findings: Finding[] = []
  const mjmlOwn = new Map<string, Set<string>>()
  for (const {issue, clients: names, line, column} of groups.values()) {
    const origin: Origin | undefined = origins?.get(issue.title)
    if (origins && !origin) {
      for (const name of names) mjmlOwn.set(name, (mjmlOwn.get(name) ?? new Set()).add(issue.title))
      continue
    }
    const none = issue.support === 'none'
    const sentence = issue.notes[0] ? firstSentence(issue.notes[0]) : ''
    // "Partial." or "Buggy." repeats what the message says.
    const note = sentence.split(' ').length > 2 ? ` (${sentence})` : ''
    findings.push({
      severity: none ? (layoutBreaking.has(issue.title) ? 'error' : cosmetic.has(issue.title) ? 'info' : 'warning') : 'info',
      rule: none ? 'caniemail-unsupported' : 'caniemail-partial',
      message: `${none ? 'Unsupported' : 'Partly supported'}: ${issue.title} in ${[...names].join(', ')}${note}`,
      ...(origin ?? (line === undefined ? {} : {line, column}))
    })
  }
  if (mjmlOwn.size > 0) {
    const perClient = [...mjmlOwn].map(([client, titles]) => `${client}: ${[...titles].join(', ')}`).join('; ')
    findings.push({severity: 'info', rule: 'mjml-output', message: `MJML's own output uses features some clients support only in part or not at all (${perClient}); MJML writes its fallbacks for these clients, and no template change removes them`})
  }
  return findings
}

/** A note's first sentence, with Markdown links as their text: never cut inside a word or a link. */
function firstSentence(note: string) {
  const text = note.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim()
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text
}

function locator(text: string) {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return (offset: number | undefined): {line?: number; column?: number} => {
    if (offset === undefined) return {}
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (starts[low] ?? 0) + 1}
  }
}

function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const lower = body.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)))
    return ({amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"} as Record<string, string>)[lower] ?? entity
  })
}
