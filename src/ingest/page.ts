import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import {htmlToMarkdown} from './markdown.js'
import {normalizeDate, readPageMeta, type PageDocument, type PageMeta} from './metadata.js'

export interface PageArticle {
  title: string
  /** The body as Markdown. */
  markdown: string
  meta: PageMeta
  /** The excerpt Readability or the page gives, used to tell a feed's summary from its text. */
  excerpt?: string
}

/** Fewer words than this is a page with no article (an index, a login wall, an error page). */
export const minimumArticleWords = 40

/**
 * One web page to one article: metadata from the untouched DOM, the body by Mozilla's
 * Readability on linkedom's server-side DOM, then Markdown. Returns undefined when the page holds
 * no article. The README says why Readability (measured against the alternatives).
 */
export function extractPage(html: string, pageUrl: string | undefined): PageArticle | undefined {
  const {document} = parseHTML(html)
  const meta = readPageMeta(document as unknown as PageDocument, pageUrl)
  // Readability reads the page's own title too; a broken page can make it throw, which is "no article".
  let parsed: ReturnType<Readability<string>['parse']>
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
  } catch {
    return undefined
  }
  if (!parsed?.content) return undefined
  const found = firstNonEmpty(parsed.title, meta.title, headingOf(html))
  const markdown = htmlToMarkdown(parsed.content, {baseUrl: meta.canonical ?? pageUrl, title: found})
  if (countWords(markdown) < minimumArticleWords) return undefined
  // Every article needs a title; a page that names none is called by its opening words.
  const title = found ?? openingWords(markdown)
  if (parsed.byline && !meta.author && parsed.byline.length < 100) meta.author = parsed.byline.replace(/^by\s+/i, '').trim()
  if (parsed.siteName && !meta.siteName) meta.siteName = parsed.siteName
  if (parsed.lang && !meta.lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(parsed.lang)) meta.lang = parsed.lang
  const readabilityDate = normalizeDate(parsed.publishedTime ?? undefined)
  if (readabilityDate && !meta.published) meta.published = readabilityDate
  return {title, markdown, meta, ...(parsed.excerpt ? {excerpt: parsed.excerpt} : {})}
}

function firstNonEmpty(...values: Array<string | null | undefined>): string | undefined {
  for (const value of values) {
    const text = value?.replace(/\s+/g, ' ').trim()
    if (text) return text
  }
  return undefined
}

export function openingWords(markdown: string): string {
  const words = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#*_>`\\[\]]/g, ' ').trim().split(/\s+/)
  return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ')
}

function headingOf(html: string): string | undefined {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  return match?.[1]?.replace(/<[^>]+>/g, ' ')
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0
}
