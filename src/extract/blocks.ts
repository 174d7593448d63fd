import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'

/** A paragraph of the article as it stands in the file: `content.slice(start, start + text.length) === text`. */
export interface Block {
  text: string
  start: number
}

/**
 * The body paragraphs in document order, as raw source slices, so that offsets found in a
 * block map straight back to the file (the contract's `content.slice(start, end)`).
 */
export function collectBlocks(tree: Root, file: VFile): Block[] {
  const content = String(file.value)
  const blocks: Block[] = []
  visit(tree)
  return blocks

  // Paragraphs inside block quotes and list items are body text too; headings, code and
  // front matter are not.
  function visit(node: Nodes) {
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) blocks.push({text: content.slice(start, end), start})
      return
    }
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (const child of node.children) visit(child)
    }
  }
}
