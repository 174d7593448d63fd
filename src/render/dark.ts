import type {Element, Root, RootContent} from 'hast'
import {toString} from 'hast-util-to-string'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {Finding} from './check.js'
import {findLine} from './origin.js'
import type {Source} from './templates.js'
import {contrast} from './view.js'

/** One rule of the dark-mode block: `selector` as written, its compounds (tag and classes) from outermost in. */
interface DarkRule {
  selector: string
  compounds: {tag?: string; classes: string[]; child: boolean}[]
  color?: string
  background?: string
}

interface Painted {
  color?: string
  background?: string
  colorFrom?: string
  backgroundFrom?: string
  size: number
  bold: boolean
}

/**
 * Text contrast under `@media (prefers-color-scheme: dark)`, without a browser: each text's colour
 * and nearest background are the dark rule's when one matches its element (the rules use
 * `!important`), else the inline style's, inherited as CSS inherits them. Selectors are read as
 * tags and classes joined by descendant or child combinators; a rule with any other selector is
 * left out. An email without a dark block is not checked.
 */
export function darkContrast(html: string, templates: Source[] = []): Finding[] {
  const tree = unified().use(rehypeParse).parse(html)
  const rules = darkRules(styleText(tree))
  if (rules.length === 0) return []
  const findings = new Map<string, Finding>()
  const ancestors: Element[] = []
  const visit = (node: Root | RootContent, painted: Painted) => {
    if (node.type === 'text' && node.value.trim() && painted.color && painted.background) {
      const ratio = contrast(painted.color, painted.background)
      const needed = painted.size >= 24 || (painted.bold && painted.size >= 18.66) ? 3 : 4.5
      const key = `${painted.color}|${painted.background}|${painted.colorFrom}|${needed}`
      if (ratio < needed && !findings.has(key)) {
        const sample = node.value.trim().slice(0, 40)
        findings.set(key, {
          severity: 'error',
          rule: 'dark-contrast',
          message: `Unexpected contrast ${ratio.toFixed(2)}:1 in dark mode (text ${painted.color} from \`${painted.colorFrom}\` on ${painted.background} from \`${painted.backgroundFrom}\`: "${sample}"), expected at least ${needed}:1`,
          ...placeOf(templates, painted.colorFrom ?? painted.color)
        })
      }
    }
    if (node.type !== 'element' && node.type !== 'root') return
    let inner = painted
    if (node.type === 'element') {
      if (node.tagName === 'style' || node.tagName === 'head' || node.tagName === 'script') return
      const style = inlineStyle(String(node.properties.style ?? ''))
      if (style.display === 'none' || style['max-height'] === '0' || style['max-height'] === '0px') return
      ancestors.push(node)
      const dark = rules.filter((rule) => matches(rule, ancestors))
      const darkColor = dark.findLast((rule) => rule.color)
      const darkBackground = dark.findLast((rule) => rule.background)
      const inlineColor = hex(style.color)
      const inlineBackground = hex(style['background-color'] ?? style.background ?? String(node.properties.bgColor ?? ''))
      const size = /^([\d.]+)px$/.exec(style['font-size'] ?? '')?.[1]
      const weight = style['font-weight']
      inner = {
        color: darkColor?.color ?? inlineColor ?? painted.color,
        colorFrom: darkColor ? darkColor.selector : inlineColor ? `color:${style.color}` : painted.colorFrom,
        background: darkBackground?.background ?? inlineBackground ?? painted.background,
        backgroundFrom: darkBackground ? darkBackground.selector : inlineBackground ? `background-color:${inlineBackground}` : painted.backgroundFrom,
        size: size ? Number(size) : painted.size,
        bold: weight ? weight === 'bold' || Number(weight) >= 700 : painted.bold || /^(?:h[1-6]|strong|b|th)$/.test(node.tagName)
      }
    }
    for (const child of node.children) visit(child, inner)
    if (node.type === 'element') ancestors.pop()
  }
  visit(tree, {size: 16, bold: false})
  return [...findings.values()]
}

function styleText(tree: Root): string {
  const sheets: string[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element' && node.tagName === 'style') sheets.push(toString(node))
    else if (node.type === 'element' || node.type === 'root') for (const child of node.children) walk(child)
  }
  walk(tree)
  return sheets.join('\n')
}

/** The rules inside every `@media` block whose query names `prefers-color-scheme: dark`. */
function darkRules(css: string): DarkRule[] {
  const rules: DarkRule[] = []
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const media of text.matchAll(/@media[^{]*prefers-color-scheme\s*:\s*dark[^{]*\{/gi)) {
    const start = media.index + media[0].length
    let depth = 1
    let end = start
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '{') depth++
      else if (text[end] === '}') depth--
    }
    for (const rule of text.slice(start, end - 1).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const declarations = inlineStyle(rule[2] ?? '')
      const color = hex(declarations.color)
      const background = hex(declarations['background-color'] ?? declarations.background)
      if (!color && !background) continue
      for (const selector of (rule[1] ?? '').split(',').map((part) => part.trim())) {
        // Split before each compound, keeping whether it follows a `>`.
        const parts = selector.replace(/\s*>\s*/g, ' >').split(/\s+/)
        if (!parts.every((part) => /^>?(?:[a-z][a-z0-9]*)?(?:\.[\w-]+)*$/i.test(part) && part.replace('>', ''))) continue
        const compounds = parts.map((part, index) => {
          const [tag, ...classes] = part.replace('>', '').split('.')
          // `child` marks a compound whose next one in must be its child.
          return {...(tag ? {tag: tag.toLowerCase()} : {}), classes, child: parts[index + 1]?.startsWith('>') ?? false}
        })
        rules.push({selector, compounds, ...(color ? {color} : {}), ...(background ? {background} : {})})
      }
    }
  }
  return rules
}

/** The last compound matches the element; each one before, its parent (`>`) or some ancestor (a space). */
function matches(rule: DarkRule, ancestors: Element[], index = rule.compounds.length - 1, at = ancestors.length - 1): boolean {
  const compound = rule.compounds[index]!
  const element = ancestors[at]
  if (!element || (compound.tag && element.tagName !== compound.tag) || !compound.classes.every((name) => classList(element).includes(name))) return false
  if (index === 0) return true
  if (rule.compounds[index - 1]!.child) return matches(rule, ancestors, index - 1, at - 1)
  for (let above = at - 1; above >= 0; above--) if (matches(rule, ancestors, index - 1, above)) return true
  return false
}

function classList(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

function inlineStyle(style: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon > 0) result[declaration.slice(0, colon).trim().toLowerCase()] = declaration.slice(colon + 1).replace(/!\s*important/i, '').trim()
  }
  return result
}

/** A `#rgb`/`#rrggbb` colour (the first in a `background` shorthand) as `#rrggbb`; anything else is not read. */
function hex(value: string | undefined): string | undefined {
  const found = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(value ?? '')?.[1]?.toLowerCase()
  if (!found) return /^white$/i.test(value ?? '') ? '#ffffff' : /^black$/i.test(value ?? '') ? '#000000' : undefined
  return found.length === 3 ? `#${[...found].map((digit) => digit + digit).join('')}` : `#${found}`
}

/** The template line that writes the colour: the dark rule's selector, or the inline colour. */
function placeOf(templates: Source[], written: string): Partial<Finding> {
  for (const template of templates) {
    const found = findLine(template.text, written) ?? findLine(template.text, written.replace(':', '="').concat('"'))
    if (found) return {file: template.file, ...found}
  }
  return {}
}
