import {createRequire} from 'node:module'
import type mjml from 'mjml'

/** A parsed MJML document, as mjml-parser-xml gives it and `mjml2html` takes it in place of text. */
export interface MjmlNode {
  tagName: string
  attributes?: Record<string, unknown>
  children?: MjmlNode[]
  content?: string
  line?: number
}

/**
 * MJML as a library, with its `.mjmlconfig` lookup off. On load, mjml-core reads `.mjmlconfig`
 * in the working folder and `require`s every package it names: building a folder someone sent
 * you would run their code. With `MJML_BROWSER` set while it loads, mjml-core resolves no custom
 * component; templates and components come from the project only. Loaded with `require` so the
 * variable is set before, and restored after, mjml-core's first line runs.
 */
function loadMjml() {
  const require = createRequire(import.meta.url)
  const before = process.env.MJML_BROWSER
  process.env.MJML_BROWSER = '1'
  try {
    const mjml2html = require('mjml') as typeof mjml
    // The very mjml-core and parser that `mjml` itself uses, resolved from where it is installed.
    const fromMjml = createRequire(require.resolve('mjml'))
    const core = fromMjml('mjml-core') as {components: Record<string, unknown>}
    const fromCore = createRequire(fromMjml.resolve('mjml-core'))
    const parser = fromCore('mjml-parser-xml') as (xml: string, options: object) => MjmlNode
    const htmlnano = fromCore('htmlnano') as {process: (html: string, options: object) => Promise<{html: string}>}
    return {mjml2html, core, parser, htmlnano}
  } finally {
    if (before === undefined) delete process.env.MJML_BROWSER
    else process.env.MJML_BROWSER = before
  }
}

const loaded = loadMjml()

export const mjml2html = loaded.mjml2html as (input: string | MjmlNode, options?: Parameters<typeof mjml>[1]) => ReturnType<typeof mjml>

/** MJML text → the tree `mjml2html` would build from it, with the options it parses with when given text. */
export function parseMjml(text: string): MjmlNode {
  return loaded.parser(text, {keepComments: false, components: loaded.core.components, filePath: '.', actualPath: '.', preprocessors: [], ignoreIncludes: true})
}

/**
 * The minifier mjml2html ends with, run as it runs it for `mjmlOptions` (html.ts): white space
 * collapsed, empty attributes and comments other than Outlook's removed, CSS and scripts left alone.
 */
export async function minifyLikeMjml(html: string): Promise<string> {
  return (await loaded.htmlnano.process(html, {collapseWhitespace: true, minifyCss: false, removeEmptyAttributes: true, minifyJs: false, removeComments: 'safe'})).html
}
