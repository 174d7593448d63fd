import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Figure} from '../types.js'
import {collectBlocks} from './blocks.js'

export type Options = Record<string, never>

declare module 'vfile' {
  interface DataMap {
    figures: Figure[]
  }
}

const figure = /\b(?:(at least|more than|about|approximately|nearly|over|around|some)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z][a-z-]+)/g

/** First version: a number in digits followed by the noun it counts. */
export default function remarkFigures(options?: Options) {
  const settings = {...options}
  void settings
  return function (tree: Root, file: VFile) {
    const figures: Figure[] = []
    for (const block of collectBlocks(tree, file)) {
      for (const match of block.text.matchAll(figure)) {
        const value = Number((match[2] ?? '').replaceAll(',', ''))
        if (value >= 1900 && value <= 2100) continue
        const start = block.start + match.index
        figures.push({
          value, unit: match[3] ?? '', qualifier: match[1], text: match[0], sentence: block.text,
          start, end: start + match[0].length, score: 1, reasons: [{name: 'base', points: 1}]
        })
      }
    }
    file.data.figures = figures
  }
}
