import {randomBytes} from 'node:crypto'
import {cutsOf} from './cuts.js'
import {htmlOf, renderHtml} from './html.js'
import {minifyLikeMjml, parseMjml, type MjmlNode} from './mjml-engine.js'
import type {RenderedMjml} from './mjml.js'

// Only these components' contents are lifted: each puts its content, trimmed, as the only
// children of one element (mj-text's <div>, mj-table's <table>) that no tag closes early.
const liftable = new Set(['mj-text', 'mj-table'])
/** Characters of content below which lifting it out saves nothing worth the extra documents. */
const liftFrom = 128 * 1024
/** Characters of content minified at a time. */
const partSize = 256 * 1024

/**
 * `renderHtml` for a document that may be megabytes: the web version of thousands of articles.
 * Given whole, MJML parses it, runs regular expressions over it, and its minifier builds a tree
 * of every element: hundreds of megabytes at 10,000 articles. Almost all of it is the content of
 * a few mj-text and mj-table elements, which MJML copies into the page untouched until the
 * minifier. So each large content is lifted out, a token left in its place, the document rendered
 * small, and the content minified in parts, each alone in a document of its own, then put back.
 * The HTML is the same, byte for byte, as `renderHtml`'s: what the minifier does to a content does
 * not depend on what is around it (it collapses white space below the top level, and the rest of
 * its work is on each element's attributes), and whatever could make it depend leaves the content
 * in place: font names MJML looks for, conditional comments, markup `cutsOf` is unsure of, and
 * documents with `mj-html-attributes`, inlined styles or `htmlmin:ignore`.
 */
export async function renderWebHtml(rendered: RenderedMjml): Promise<string> {
  if (rendered.mjml.length < liftFrom || wholeDocumentPasses.test(rendered.mjml)) return renderHtml(rendered)
  let tree: MjmlNode
  try {
    tree = parseMjml(rendered.mjml)
  } catch {
    // MJML that does not parse: let `renderHtml` report it as it always does.
    return renderHtml(rendered)
  }
  const nonce = uniqueNonce(rendered.mjml)
  const fonts = fontUse(tree)
  const lifted: {token: string; content: string; cuts: number[]}[] = []
  for (const node of bodyNodes(tree)) {
    const content = node.content
    if (!liftable.has(node.tagName) || content === undefined || content.length < liftFrom || mixesIn.test(content) || fonts.test(content)) continue
    const cuts = cutsOf(content, partSize)
    if (!cuts) continue
    const token = `digestlifted${nonce}n${lifted.length}x`
    lifted.push({token, content, cuts})
    node.content = token
  }
  if (lifted.length === 0) return htmlOf(rendered, tree)
  const frame = await htmlOf(rendered, tree)
  const pieces: string[] = []
  let from = 0
  for (const {token, content, cuts} of lifted) {
    const at = frame.indexOf(token, from)
    if (at === -1 || frame.includes(token, at + token.length)) throw new Error(`Lifted content ${token} came back ${at === -1 ? 'nowhere' : 'twice'} in the web version`)
    pieces.push(frame.slice(from, at))
    const bounds = [0, ...cuts, content.length]
    for (let index = 1; index < bounds.length; index++) pieces.push(await minified(content.slice(bounds[index - 1], bounds[index])))
    from = at + token.length
  }
  pieces.push(frame.slice(from))
  return pieces.join('')
}

/** Passes that read or rewrite the whole page at once: MJML's `mj-html-attributes`, inlined `mj-style`, `htmlmin:ignore`. */
const wholeDocumentPasses = /<mj-html-attributes|<mj-style[^>]*\binline\s*=|htmlmin:ignore/i
/** What MJML's own regular expressions rewrite across the page: Outlook's conditional comments. */
const mixesIn = /<!--\s*\[if|<!\[endif\]/i

/** `part` minified as mjml2html minifies it in its page: inside an element below the top level. */
async function minified(part: string): Promise<string> {
  const html = await minifyLikeMjml(`<div>${part}</div>`)
  if (!html.startsWith('<div>') || !html.endsWith('</div>')) throw new Error('A lifted part of the web version came out of the minifier unwrapped')
  return html.slice('<div>'.length, -'</div>'.length)
}

function* bodyNodes(node: MjmlNode): Generator<MjmlNode> {
  for (const child of node.children ?? []) {
    if (child.tagName === 'mj-head') continue
    yield child
    yield* bodyNodes(child)
  }
}

/**
 * MJML adds a font's stylesheet to the page's head when the page's HTML names it in a
 * `font-family`: a content naming one of its fonts (or an `mj-font`) stays in place to be seen.
 */
function fontUse(tree: MjmlNode): RegExp {
  const head = tree.children?.find((child) => child.tagName === 'mj-head')
  const declared = (head?.children ?? []).filter((child) => child.tagName === 'mj-font').map((child) => String(child.attributes?.name ?? ''))
  const names = [...mjmlFonts, ...declared].filter(Boolean).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`font-family:[^"]*(?:${names.join('|')})`, 'i')
}

/** The fonts mjml2html links to Google Fonts unless told otherwise. */
const mjmlFonts = ['Open Sans', 'Droid Sans', 'Lato', 'Roboto', 'Ubuntu']

function uniqueNonce(text: string): string {
  for (;;) {
    const nonce = randomBytes(6).toString('hex')
    if (!text.includes(nonce)) return nonce
  }
}
