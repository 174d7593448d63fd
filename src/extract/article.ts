/**
 * What both extractors read from one parsed article — its body lines and their sentence cuts —
 * worked out once per syntax tree and shared: the quote and figure plugins run one after the
 * other on the same tree, and splitting the body twice was a good part of their cost.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Reason} from '../types.js'
import {collectBlocks} from './blocks.js'
import {sentenceCuts} from './sentences.js'

/** A line of a body paragraph: `content.slice(start, start + text.length) === text`. */
export interface Line {
  readonly text: string
  readonly start: number
}

export interface Article {
  /** The whole file. */
  readonly content: string
  /**
   * The non-empty lines of the body paragraphs, in order: a plain-text file is one Markdown
   * paragraph whose lines are the article's paragraphs.
   */
  readonly lines: readonly Line[]
  /** `lines` without those that hold only white space. */
  readonly proseLines: readonly Line[]
  /** Where sentences may end in a line (see `sentenceCuts`), found on first use. */
  cuts(line: Line): readonly number[]
}

// The last reading only: the plugins run one after the other on each tree, so the second finds
// the first's reading here. Keeping every tree's reading (a WeakMap on the trees) held them as
// long as their trees lived — a batch's worth of lines and cuts that outlived the young
// generation, and so were copied and later swept by full collections.
let last: {tree: Root; file: VFile; content: string; article: Article} | undefined

/** The shared reading of `tree`, parsed from `file`. */
export function readArticle(tree: Root, file: VFile): Article {
  const content = String(file.value)
  if (last && last.tree === tree && last.file === file && last.content === content) return last.article
  const article = read(tree, file, content)
  last = {tree, file, content, article}
  return article
}

const nonSpace = /\S/

function read(tree: Root, file: VFile, content: string): Article {
  const lines: Line[] = []
  const proseLines: Line[] = []
  for (const block of collectBlocks(tree, file)) {
    let from = 0
    while (from <= block.text.length) {
      let to = block.text.indexOf('\n', from)
      if (to === -1) to = block.text.length
      if (to > from) {
        const line = {text: block.text.slice(from, to), start: block.start + from}
        lines.push(line)
        if (nonSpace.test(line.text)) proseLines.push(line)
      }
      from = to + 1
    }
  }
  const found = new Map<Line, number[]>()
  return {content, lines, proseLines, cuts}

  function cuts(line: Line): readonly number[] {
    let list = found.get(line)
    if (!list) {
      list = sentenceCuts(line.text)
      found.set(line, list)
    }
    return list
  }
}

// The details of the position reason, made once: they were a good share of the scoring time.
const positionDetails = Array.from({length: 101}, (_, percent) => `${percent}% into the article`)

/**
 * The reason for where an item stands, `position` being its line index over the line count:
 * 0.5 × (1 − position), as earlier in the article is worth more.
 */
export function positionReason(position: number): Reason {
  const percent = Math.round(position * 100)
  return {
    name: 'position',
    points: Math.round(0.5 * (1 - position) * 100) / 100,
    detail: positionDetails[percent] ?? `${percent}% into the article`
  }
}

/** The sum of the points of `reasons`, to two decimals. */
export function totalPoints(reasons: readonly Reason[]): number {
  let sum = 0
  for (const reason of reasons) sum += reason.points
  return Math.round(sum * 100) / 100
}
