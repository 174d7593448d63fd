import type {Element, Root as HastRoot} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {SKIP, visit} from 'unist-util-visit'

export interface Options {
  /** The page's URL: relative links are made absolute against it. */
  baseUrl?: string
  /** The article's title: a heading that repeats it at the top of the body is dropped. */
  title?: string
}

/** What is not the story's text: media, their captions and credits, page furniture. */
const droppedElements = new Set(['figcaption', 'img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas', 'button', 'form', 'input', 'select', 'textarea', 'nav', 'aside', 'script', 'style', 'noscript', 'template', 'object', 'embed'])
/** Short blocks that are page furniture wherever they stand: "Read more: …", "Advertisement". */
const furniture = /^(read more|related( articles| stories| coverage)?|see also|more on this|advertisement|sponsored|share this( article| story)?|sign up|subscribe)\b/i
/** A media label left alone in a block once its picture or player is gone. */
const mediaLabel = /^(photo|photos|image|video|graphic|gallery|audio|listen|watch)$/i
const blockElements = new Set(['p', 'div', 'li', 'section', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * rehype: strip what is not article text and make links absolute. Runs on the article HTML
 * Readability returned, so it only removes what that pass leaves in (captions, media, one-line
 * "read more" blocks), never looks for the article itself.
 */
function rehypeArticleText(options: Options) {
  const {baseUrl, title} = options
  const normalizedTitle = title ? normalize(title) : ''
  return function (tree: HastRoot) {
    let firstText = true
    // React and other renderers leave empty comments between text nodes.
    visit(tree, 'comment', (_node, index, parent) => {
      if (!parent || index === undefined) return
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return
      const remove = (): [typeof SKIP, number] => {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      if (droppedElements.has(node.tagName)) return remove()
      if (blockElements.has(node.tagName)) {
        const text = hastToString(node).trim()
        if (text === '' && !hasMedia(node)) return remove()
        if ((text.length < 100 && furniture.test(text)) || mediaLabel.test(text)) return remove()
        if (firstText && /^h[1-6]$/.test(node.tagName) && normalizedTitle && normalize(text) === normalizedTitle) return remove()
        if (text !== '') firstText = false
      }
      if (/^h1$/.test(node.tagName) && normalizedTitle && normalize(hastToString(node)) === normalizedTitle) return remove()
      if (node.tagName === 'a') {
        const href = typeof node.properties.href === 'string' ? node.properties.href : undefined
        const absolute = href ? httpUrl(href, baseUrl) : undefined
        if (absolute) node.properties = {href: absolute}
        else node.properties = {}
      }
      return undefined
    })
  }
}

function hasMedia(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'img' || hasMedia(child)))
}

function httpUrl(href: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(href, base)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    // A link to a place on the same page means nothing once the page is an article file.
    if (base && url.hash && url.href.split('#')[0] === new URL(base).href.split('#')[0]) return undefined
    return url.href
  } catch {
    return undefined
  }
}

function normalize(text: string) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Article HTML to the Markdown the rest of the pipeline reads: rehype-parse → rehype-remark → remark-stringify. */
export function htmlToMarkdown(html: string, options: Options = {}): string {
  const processor = unified()
    .use(rehypeParse, {fragment: true})
    .use(rehypeArticleText, options)
    .use(rehypeRemark)
    // Tables (and strikethrough) have no syntax in plain Markdown; GFM's is the one readers know.
    .use(remarkGfm)
    .use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true})
  const markdown = String(processor.processSync(html))
  return markdown.replace(/\n{3,}/g, '\n\n').trim() + '\n'
}
