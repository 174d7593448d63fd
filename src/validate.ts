import type {Document, LineCounter} from 'yaml'
import type {z} from 'zod'

/** Where a key path stands in the source, when it came from YAML. */
export type Locate = (keyPath: readonly PropertyKey[]) => {line: number; column: number} | undefined

/** A schema issue with its key path (`topics.0.keywords`) and position. */
export interface ValidationIssue {
  keyPath: string
  message: string
  line?: number
  column?: number
}

/** Every issue of a failed schema parse, each with its key path and, given `locate`, its line and column. */
export function listIssues(error: z.ZodError, locate?: Locate): ValidationIssue[] {
  return error.issues.map((issue) => ({
    keyPath: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    ...locate?.(issue.path)
  }))
}

/**
 * A locator over a parsed YAML document. A missing key has no node of its own, so it points at
 * the closest parent that exists. `baseLine` shifts lines for YAML that is embedded in a file
 * (front matter starts on line 2).
 */
export function yamlLocator(document: Document, lineCounter: LineCounter, baseLine = 0): Locate {
  return (keyPath) => {
    const parts = keyPath.map((part) => (typeof part === 'symbol' ? String(part) : part))
    for (let length = parts.length; length >= 0; length--) {
      const node = document.getIn(parts.slice(0, length), true) as {range?: [number, number, number]} | undefined
      const offset = node && typeof node === 'object' ? node.range?.[0] : undefined
      if (offset !== undefined) {
        const position = lineCounter.linePos(offset)
        return {line: position.line + baseLine, column: position.col}
      }
    }
    return undefined
  }
}
