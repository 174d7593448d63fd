import mjml2html from 'mjml'
import {DigestError} from '../errors.js'

/** MJML → email HTML, validated `strict` so a template mistake fails the build, not the inbox. */
export async function renderHtml(mjml: string): Promise<string> {
  try {
    const result = await mjml2html(mjml, {validationLevel: 'strict', minify: true, keepComments: false})
    return result.html
  } catch (error) {
    const details = (error as {errors?: {line: number; formattedMessage: string}[]}).errors
    const first = details?.[0]
    throw new DigestError(`Unexpected MJML: ${first?.formattedMessage ?? (error as Error).message}`, {cause: error, place: {file: 'email.mjml', line: first?.line ?? 1, column: 1}})
  }
}
