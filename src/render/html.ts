import {mjml2html, type MjmlNode} from './mjml-engine.js'
import {DigestError} from '../errors.js'
import {MjmlError} from './mjml-error.js'
import type {RenderedMjml} from './mjml.js'

/**
 * How every MJML document is made HTML: validated `strict`, so a template mistake fails the build,
 * not the inbox. CSS is left as MJML writes it: htmlnano's CSS minifier needs a cssnano that no
 * Node 20 release satisfies, and an install that cannot find one prints a warning on every build.
 */
export const mjmlOptions = {validationLevel: 'strict', minify: true, minifyOptions: {minifyCss: false}, keepComments: false} as const

/** MJML → minified email HTML. An error names the `email.mjml` line and the template that wrote it. */
export async function renderHtml(rendered: RenderedMjml): Promise<string> {
  return htmlOf(rendered, rendered.mjml)
}

/** `renderHtml` of `rendered` given as text or as the tree parsed from it (whose lines are the text's). */
export async function htmlOf(rendered: RenderedMjml, input: string | MjmlNode): Promise<string> {
  try {
    const result = await mjml2html(input, mjmlOptions)
    return result.html
  } catch (error) {
    const details = (error as {errors?: {line: number; message: string}[]}).errors ?? []
    if (details.length === 0) throw new DigestError(`Having trouble rendering MJML: ${(error as Error).message}`, {cause: error})
    const lines = details.map((detail) => `email.mjml:${detail.line}  ${detail.message} (written by ${rendered.lineSources[detail.line - 1] ?? 'the layout'})`)
    const first = details[0] as {line: number}
    throw new MjmlError(`Unexpected MJML, expected valid MJML (${details.length} issue${details.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, rendered.mjml, {
      cause: error,
      place: {file: 'email.mjml', line: first.line, column: 1}
    })
  }
}
