import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {DigestError} from '../errors.js'

/**
 * The one place a per-article step is isolated. Runs `step` on one file unless an earlier step
 * already failed it; whatever the step throws (a bug in a parser, a stack overflow, a resource
 * limit) becomes that file's fatal message, placed where the error says or at 1:1, and the run
 * goes on with the other articles. Returns undefined when the file is out.
 */
export function isolated<T>(file: VFile, doing: string, step: () => T): T | undefined {
  if (hasFailed(file)) return undefined
  try {
    return step()
  } catch (error) {
    failed(file, doing, error)
    return undefined
  }
}

/** A file with a fatal message is left out: later steps skip it. */
export function hasFailed(file: VFile) {
  return file.messages.some((message) => message.fatal)
}

function failed(file: VFile, doing: string, error: unknown) {
  // A message the step already put on the file (`file.fail`) is the file's own: keep it as it is.
  if (error instanceof VFileMessage && file.messages.includes(error)) {
    error.fatal = true
    return
  }
  const place = error instanceof DigestError && error.place?.line ? {line: error.place.line, column: error.place.column ?? 1} : {line: 1, column: 1}
  const what = error instanceof RangeError && /call stack/i.test(error.message)
    ? 'structure nested too deep to read (the stack overflowed)'
    : `error while ${doing} (${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)})`
  const message = file.message(`Unexpected ${what}, expected an article digest can read: it is left out, the others go on`, {place, ruleId: 'crash', source: 'digest', ...(error instanceof Error ? {cause: error} : {})})
  message.fatal = true
}
