/**
 * Where a piece of HTML can be cut so that each part, minified on its own by MJML's htmlnano, comes
 * out as it does in place: before a tag that opens at the top level, at least `size` characters
 * after the last cut. The text before a cut stays with the part before it, so a run of white space
 * is never split in two (htmlnano turns each run into one space, and text nodes into nothing
 * else below the top level).
 *
 * Undefined when the markup is not plain enough to be sure of that, or to lift out of its document
 * at all: a tag closed out of order or left open (htmlnano's parser would close an element outside
 * it), one the parser closes on its own (a `<td>` opening while a `<td>` is innermost), a raw-text
 * or foreign element, a declaration, a self-closed element that is not void, an upper-case name.
 */
export function cutsOf(html: string, size: number): number[] | undefined {
  const stack: string[] = []
  const cuts: number[] = []
  let last = 0
  let at = html.indexOf('<')
  while (at !== -1) {
    const next = html[at + 1] ?? ''
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4)
      if (end === -1) return undefined
      at = html.indexOf('<', end + 3)
      continue
    }
    if (next === '/') {
      closingTag.lastIndex = at
      const name = closingTag.exec(html)?.[1]
      if (name === undefined || stack.pop() !== name) return undefined
      at = html.indexOf('<', closingTag.lastIndex)
      continue
    }
    if (!/[a-zA-Z]/.test(next)) {
      // Text, as htmlparser2 reads a `<` before anything but a letter, `/`, `!` or `?`.
      if (next === '!' || next === '?') return undefined
      at = html.indexOf('<', at + 1)
      continue
    }
    openingTag.lastIndex = at
    const tag = openingTag.exec(html)
    const name = tag?.[1]
    if (!tag || name === undefined || name !== name.toLowerCase() || unsure.has(name)) return undefined
    const innermost = stack.at(-1)
    if (innermost !== undefined && closesOnOpen(name, innermost)) return undefined
    if (innermost === undefined && at > 0 && at - last >= size) cuts.push((last = at))
    if (!voidElements.has(name)) {
      if (tag[2]) return undefined
      stack.push(name)
    }
    at = html.indexOf('<', openingTag.lastIndex)
  }
  return stack.length === 0 ? cuts : undefined
}

// A name, attributes separated by white space (quoted values may hold `>`), maybe `/`, then `>`.
const openingTag = /<([a-zA-Z][^\s/>]*)(?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=>][^\s>]*))?)*\s*(\/?)>/y
const closingTag = /<\/([a-z][^\s/>]*)\s*>/y

const voidElements = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Raw text, foreign content and white-space-keeping elements: their insides follow other rules. */
const unsure = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'pre', 'svg', 'math', 'html', 'head', 'body'])

const formControls = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea', 'output'])
const paragraphClosers = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'])
const closedBySibling: Record<string, string[]> = {
  tr: ['tr', 'th', 'td'],
  th: ['th'],
  td: ['thead', 'th', 'td'],
  li: ['li'],
  option: ['option'],
  optgroup: ['optgroup', 'option'],
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  rt: ['rt', 'rp'],
  rp: ['rt', 'rp'],
  tbody: ['thead', 'tbody'],
  tfoot: ['thead', 'tbody']
}

/** HTML's implied end tags, as htmlparser2 applies them: opening `name` closes the innermost element. */
function closesOnOpen(name: string, innermost: string): boolean {
  if (innermost === 'p' && paragraphClosers.has(name)) return true
  if (formControls.has(innermost) && formControls.has(name) && name !== 'option' && name !== 'optgroup') return true
  return closedBySibling[name]?.includes(innermost) ?? false
}
