import {caniemail} from 'caniemail'
import type {Source} from './templates.js'

/** Where a feature of the built HTML was written: a template's file, line and column. */
export interface Origin {
  file: string
  line: number
  column: number
}

type Clients = Parameters<typeof caniemail>[0]['clients']

/**
 * The first place each email feature (caniemail's title, such as `border-radius`) is written in
 * the templates. Each template is checked as it is, so a position is a line of the template, not
 * of minified HTML: Handlebars expressions become filler of the same length and `<mj-style>`
 * becomes `<style>`, which keeps every column where it was. A feature no template writes comes
 * from MJML's own output.
 */
export function templateOrigins(templates: Source[], clients: string[]): Map<string, Origin> {
  // One caniemail run over every template, one after another (a run costs the same for one file
  // as for all); a line of the whole maps back to its template.
  const starts: number[] = []
  let lines = 0
  for (const template of templates) {
    starts.push(lines + 1)
    lines += template.text.split('\n').length
  }
  const html = templates
    .map((template) => template.text
      .replace(/\{\{[^}]*\}\}\}?/g, (expression) => 'x'.repeat(expression.length))
      .replace(/<(\/?)mj-style\b/g, (tag, slash: string) => `<${slash}style${' '.repeat(tag.length - slash.length - '<style'.length)}`))
    .join('\n')
  const origins = new Map<string, Origin>()
  const result = caniemail({clients: clients as Clients, html})
  for (const map of [result.issues.errors, result.issues.warnings]) {
    for (const issues of map.values()) {
      for (const issue of issues) {
        if (origins.has(issue.title)) continue
        const origin = issue.position && issue.position.source === undefined ? inTemplate(templates, starts, issue.position.start) : bySearch(templates, issue.title)
        if (origin) origins.set(issue.title, origin)
      }
    }
  }
  return origins
}

function inTemplate(templates: Source[], starts: number[], place: {line: number; column: number}): Origin | undefined {
  let index = starts.length - 1
  while (index > 0 && (starts[index] ?? 0) > place.line) index--
  const template = templates[index]
  return template && {file: template.file, line: place.line - (starts[index] ?? 1) + 1, column: place.column}
}

/** A feature found in a style sheet has a place relative to the sheet: the first template naming it. */
function bySearch(templates: Source[], title: string): Origin | undefined {
  for (const template of templates) {
    const found = findLine(template.text, title)
    if (found) return {file: template.file, ...found}
  }
  const styled = templates.find((template) => template.text.includes('<mj-style'))
  return styled && {file: styled.file, ...findLine(styled.text, '<mj-style')!}
}

/** The 1-based line and column of `needle` in `text`, if it is there. */
export function findLine(text: string, needle: string): {line: number; column: number} | undefined {
  if (!needle) return undefined
  const at = text.indexOf(needle)
  if (at === -1) return undefined
  const before = text.slice(0, at).split('\n')
  return {line: before.length, column: (before.at(-1) ?? '').length + 1}
}
