import type {VFile} from 'vfile'

/**
 * Past these, micromark (under remark-parse) stops being linear: containers nested thousands deep
 * cost time that grows with the cube of the depth and then overflow the stack, and link, emphasis
 * and code marks are matched against every earlier mark of their paragraph. No article needs more.
 */
export const limits = {
  /** Block quotes and list items opened on one line. */
  depth: 32,
  /**
   * Columns of indentation at the start of a line (after any markers). Indentation nests lists
   * too, and inside deep lists every column of it is weighed against every open container.
   */
  indent: 64,
  /** `[`, `]`, `*`, `_` and backticks in one paragraph. */
  inlineMarks: 1000
}

const inlineMark = /[[\]*_`]/g

/**
 * Makes Markdown safe to parse in linear time, one character for one so every offset stays
 * true: container markers past `limits.depth`, and indentation past `limits.indent`, become
 * no-break spaces (text that looks the same); every inline mark of a paragraph with more than
 * `limits.inlineMarks` becomes a space. Each kind
 * of change is said once, as a warning at its first place. One pass over the text.
 */
export function guardMarkdown(value: string, file: VFile): string {
  const replaced: [number, number, string][] = []
  const flattenedBlocks: [number, number][] = []
  let deepest: {line: number; column: number; depth: number} | undefined
  let farthest: {line: number; column: number} | undefined
  let busiest: {line: number; column: number; marks: number} | undefined

  let fence: {char: number; length: number} | undefined
  let block = {start: 0, line: 1, marks: 0}
  const closeBlock = (end: number) => {
    if (block.marks > limits.inlineMarks) {
      flattenedBlocks.push([block.start, end])
      if (!busiest) busiest = {line: block.line, column: 1, marks: block.marks}
    }
  }

  // Front matter is YAML, read by its own parser within its own limits (yaml.ts).
  const frontMatterEnd = /^---[ \t]*\r?\n/.test(value) ? /\n---[ \t]*(?:\r?\n|$)/.exec(value)?.index : undefined
  if (frontMatterEnd !== undefined) block = {start: frontMatterEnd, line: 1, marks: 0}
  let line = 1
  for (let start = 0; start <= value.length; line++) {
    if (frontMatterEnd !== undefined && start <= frontMatterEnd) {
      const skip = value.indexOf('\n', start)
      if (skip === -1) break
      start = skip + 1
      continue
    }
    const newline = value.indexOf('\n', start)
    const end = newline === -1 ? value.length : newline
    let at = start
    let depth = 0
    let indentation = 0
    // Where the line crosses a limit: from there to its text, the prefix becomes no-break spaces,
    // which look the same but are text, not markers or indentation.
    let flattenFrom = -1
    // Container markers: `>`, `-`, `+`, `*`, `1.` or `1)`, with the spaces between them.
    for (;;) {
      const from = at
      while (at < end && (value.charCodeAt(at) === 0x20 || value.charCodeAt(at) === 0x09)) at++
      indentation += at - from
      if (flattenFrom === -1 && indentation > limits.indent) {
        flattenFrom = at - (indentation - limits.indent)
        farthest ??= {line, column: flattenFrom - start + 1}
      }
      const markerEnd = containerMarkerEnd(value, at, end)
      if (markerEnd === -1) break
      depth++
      if (flattenFrom === -1 && depth > limits.depth) {
        flattenFrom = at
        deepest ??= {line, column: at - start + 1, depth: 0}
      }
      at = markerEnd
    }
    if (flattenFrom !== -1) replaced.push([flattenFrom, at, '\u00A0'])
    if (deepest) deepest.depth = Math.max(deepest.depth, depth)

    const fenceMark = fenceAt(value, at, end)
    const blank = at === end || (at + 1 === end && value.charCodeAt(at) === 0x0d)
    if (fence) {
      if (fenceMark && fenceMark.char === fence.char && fenceMark.length >= fence.length) fence = undefined
    } else if (fenceMark) {
      closeBlock(start)
      fence = fenceMark
      block = {start: end, line: line + 1, marks: 0}
    } else if (blank) {
      closeBlock(start)
      block = {start: end, line: line + 1, marks: 0}
    } else {
      for (let index = at; index < end; index++) if (isInlineMark(value.charCodeAt(index))) block.marks++
    }
    if (newline === -1) break
    start = newline + 1
  }
  if (!fence) closeBlock(value.length)

  if (deepest) {
    file.message(`Unexpected block quotes or lists nested ${deepest.depth} deep, expected at most ${limits.depth}: the markers past that are read as no-break spaces`, {place: {line: deepest.line, column: deepest.column}, ruleId: 'nesting', source: 'digest'}).fatal = false
  }
  if (farthest) {
    file.message(`Unexpected indentation past ${limits.indent} columns, expected less: the rest of it, and any markers after it, are read as no-break spaces`, {place: farthest, ruleId: 'nesting', source: 'digest'}).fatal = false
  }
  if (busiest) {
    file.message(`Unexpected ${busiest.marks.toLocaleString('en')} link, emphasis and code marks in one paragraph, expected at most ${limits.inlineMarks.toLocaleString('en')}: they are read as spaces`, {place: {line: busiest.line, column: busiest.column}, ruleId: 'inline-marks', source: 'digest'}).fatal = false
  }
  if (replaced.length === 0 && flattenedBlocks.length === 0) return value
  return rewrite(value, replaced, flattenedBlocks)
}

function isInlineMark(code: number) {
  return code === 0x5b || code === 0x5d || code === 0x2a || code === 0x5f || code === 0x60 // [ ] * _ `
}

/** Where a container marker starting at `at` ends (after its own characters), or -1. */
function containerMarkerEnd(value: string, at: number, end: number) {
  if (at >= end) return -1
  const code = value.charCodeAt(at)
  if (code === 0x3e /* > */) return at + 1
  let after = at
  if (code === 0x2d || code === 0x2b || code === 0x2a /* - + * */) {
    after = at + 1
  } else {
    while (after < end && after - at < 9 && value.charCodeAt(after) >= 0x30 && value.charCodeAt(after) <= 0x39) after++
    if (after === at || after >= end) return -1
    const delimiter = value.charCodeAt(after)
    if (delimiter !== 0x2e && delimiter !== 0x29 /* . ) */) return -1
    after++
  }
  // A list marker needs a space, a tab or the end of the line after it.
  if (after < end && value.charCodeAt(after) !== 0x20 && value.charCodeAt(after) !== 0x09 && value.charCodeAt(after) !== 0x0d) return -1
  return after
}

function fenceAt(value: string, at: number, end: number) {
  const char = value.charCodeAt(at)
  if (char !== 0x60 && char !== 0x7e /* ` ~ */) return undefined
  let length = 0
  while (at + length < end && value.charCodeAt(at + length) === char) length++
  return length >= 3 ? {char, length} : undefined
}

/** `value` with the given ranges as spaces, then the inline marks of the given blocks too. */
function rewrite(value: string, ranges: [number, number, string][], blocks: [number, number][]) {
  const spaced = replaceRanges(value, ranges, (slice, char) => char.repeat(slice.length))
  return replaceRanges(spaced, blocks, (slice) => slice.replace(inlineMark, ' '))
}

/** Ranges in order, not overlapping; each replaced by a text of the same length. */
function replaceRanges(value: string, ranges: [number, number, string?][], replace: (slice: string, char: string) => string) {
  let result = ''
  let done = 0
  for (const [from, to, char = ''] of ranges) {
    result += value.slice(done, from) + replace(value.slice(from, to), char)
    done = to
  }
  return result + value.slice(done)
}
