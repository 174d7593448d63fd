import {createRequire} from 'node:module'
import type mjml from 'mjml'

/**
 * MJML as a library, with its `.mjmlconfig` lookup off. On load, mjml-core reads `.mjmlconfig`
 * in the working folder and `require`s every package it names: building a folder someone sent
 * you would run their code. With `MJML_BROWSER` set while it loads, mjml-core resolves no custom
 * component; templates and components come from the project only. Loaded with `require` so the
 * variable is set before, and restored after, mjml-core's first line runs.
 */
function loadMjml(): typeof mjml {
  const require = createRequire(import.meta.url)
  const before = process.env.MJML_BROWSER
  process.env.MJML_BROWSER = '1'
  try {
    return require('mjml') as typeof mjml
  } finally {
    if (before === undefined) delete process.env.MJML_BROWSER
    else process.env.MJML_BROWSER = before
  }
}

export const mjml2html = loadMjml()
