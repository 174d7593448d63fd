import type {Message} from './types.js'

/**
 * Errors carry what we were doing; a foreign error stays reachable as `cause`.
 * Only `cli.ts` turns them into exit codes: `UsageError` → 2, any other `DigestError` → 1.
 */
export class DigestError extends Error {
  override name = 'DigestError'
  /** Where the problem is, when it is in a file: printed as `file:line:column`. */
  place?: {file: string; line?: number; column?: number}
  /**
   * The files' own messages, when the run ended after reading them (every article was bad, or
   * none was in the window): printed before the error, so the reasons are never lost.
   */
  messages?: Message[]

  constructor(message: string, options?: {cause?: unknown; place?: DigestError['place']; messages?: Message[]}) {
    super(message, options?.cause === undefined ? undefined : {cause: options.cause})
    if (options?.place) this.place = options.place
    if (options?.messages?.length) this.messages = options.messages
  }
}

/** Wrong usage: an unknown flag or a value of the wrong form. */
export class UsageError extends DigestError {
  override name = 'UsageError'
}

/** The input was valid but selected nothing to send (an empty window, no articles). */
export class EmptyBriefingError extends DigestError {
  override name = 'EmptyBriefingError'
}
