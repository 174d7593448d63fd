import {type Document, LineCounter, parseDocument} from 'yaml'

/** Limits for YAML that comes from files we did not write: front matter and the config. */
export interface YamlLimits {
  /** What the YAML is, for messages: "front matter", "config". */
  label: string
  /** Larger text is refused before it is parsed. */
  maxBytes: number
  /**
   * Each alias is expanded where it is used, so a few hundred bytes of aliases of aliases grow into
   * billions of nodes: past this many the text is refused.
   */
  maxAliasCount: number
}

export const frontMatterLimits: YamlLimits = {label: 'front matter', maxBytes: 64 * 1024, maxAliasCount: 50}
export const configLimits: YamlLimits = {label: 'config', maxBytes: 1024 * 1024, maxAliasCount: 100}

export type ParsedYaml =
  | {ok: true; value: unknown; document: Document; lineCounter: LineCounter}
  | {ok: false; reason: string; line: number; column: number}

/**
 * Parses YAML within `limits`. Never throws: a syntax error, an alias bomb or an oversized text
 * comes back as a reason worded "Unexpected X, expected Y" with a 1-based line and column in `text`.
 */
export function parseYaml(text: string, limits: YamlLimits): ParsedYaml {
  const bytes = Buffer.byteLength(text)
  if (bytes > limits.maxBytes) {
    return {ok: false, reason: `Unexpected ${formatBytes(bytes)} of ${limits.label}, expected at most ${formatBytes(limits.maxBytes)}`, line: 1, column: 1}
  }
  // A lone CR ends a line for Markdown but not inside a YAML block scalar; one for one keeps places.
  const lineCounter = new LineCounter()
  let document: Document
  try {
    document = parseDocument(text.replace(/\r(?!\n)/g, '\n'), {lineCounter, prettyErrors: true})
  } catch (error) {
    return {ok: false, reason: `Unexpected YAML in ${limits.label} that the parser could not read (${firstLine(error)}), expected key: value lines`, line: 1, column: 1}
  }
  const yamlError = document.errors[0]
  if (yamlError) {
    const at = yamlError.linePos?.[0]
    const summary = firstLine(yamlError).replace(/^YAML\w*: /, '').replace(/ at line \d+, column \d+:?$/, '')
    return {ok: false, reason: `Unexpected YAML in ${limits.label} (${summary}), expected key: value lines`, line: at?.line ?? 1, column: at?.col ?? 1}
  }
  try {
    return {ok: true, value: document.toJS({maxAliasCount: limits.maxAliasCount}), document, lineCounter}
  } catch (error) {
    const alias = /alias/i.test(firstLine(error))
    return {
      ok: false,
      reason: alias
        ? `Unexpected YAML aliases in ${limits.label} that expand past ${limits.maxAliasCount} uses (an alias bomb), expected plain values`
        : `Unexpected YAML in ${limits.label} that the parser could not read (${firstLine(error)}), expected key: value lines`,
      line: 1,
      column: 1
    }
  }
}

function firstLine(error: unknown) {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}

export function formatBytes(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`
  return `${bytes} bytes`
}
