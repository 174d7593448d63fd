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
  const origins = new Map<string, Origin>()
  for (const template of templates) {
    const html = template.text
      .replace(/\{\{[^}]*\}\}\}?/g, (expression) => 'x'.repeat(expression.length))
      .replace(/<(\/?)mj-style\b/g, (tag, slash: string) => `<${slash}style${' '.repeat(tag.length - slash.length - '<style'.length)}`)
    const result = caniemail({clients: clients as Clients, html})
    for (const map of [result.issues.errors, result.issues.warnings]) {
      for (const issues of map.values()) {
        for (const issue of issues) {
          if (origins.has(issue.title)) continue
          const place = issue.position && issue.position.source === undefined ? issue.position.start : placeOf(template.text, issue.title)
          origins.set(issue.title, {file: template.file, line: place.line, column: place.column})
        }
      }
    }
  }
  return origins
}

/** A feature found in a style sheet has a place relative to the sheet: find its name in the template instead. */
function placeOf(text: string, title: string): {line: number; column: number} {
  let at = text.indexOf(title)
  if (at === -1) at = Math.max(0, text.indexOf('mj-style'))
  const before = text.slice(0, at).split('\n')
  return {line: before.length, column: (before.at(-1) ?? '').length + 1}
}

/** The 1-based line and column of `needle` in `text`, if it is there. */
export function findLine(text: string, needle: string): {line: number; column: number} | undefined {
  if (!needle) return undefined
  const at = text.indexOf(needle)
  if (at === -1) return undefined
  const before = text.slice(0, at).split('\n')
  return {line: before.length, column: (before.at(-1) ?? '').length + 1}
}
