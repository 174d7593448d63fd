import {mjml2html} from './mjml-engine.js'
import {DigestError} from '../errors.js'
import {MjmlError} from './mjml-error.js'
import type {RenderedMjml} from './mjml.js'

/**
 * MJML → minified email HTML, validated `strict` so a template mistake fails the build, not the
 * inbox. An error names the `email.mjml` line and the template that wrote it. CSS is left as
 * MJML writes it: htmlnano's CSS minifier needs a cssnano that no Node 20 release satisfies, and an
 * install that cannot find one prints a warning on every build.
 */
export async function renderHtml(rendered: RenderedMjml): Promise<string> {
  try {
    const result = await mjml2html(rendered.mjml, {validationLevel: 'strict', minify: true, minifyOptions: {minifyCss: false}, keepComments: false})
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
