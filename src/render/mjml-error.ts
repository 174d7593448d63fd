import {DigestError} from '../errors.js'

/** An MJML validation error: keeps the MJML so the build can write `email.mjml` for looking the line up. */
export class MjmlError extends DigestError {
  override name = 'MjmlError'
  /** Set by the pipeline: the folder `email.mjml` is kept in. */
  briefingId?: string
  constructor(message: string, readonly mjml: string, options: ConstructorParameters<typeof DigestError>[1]) {
    super(message, options)
  }
}
