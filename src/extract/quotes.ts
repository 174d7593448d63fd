import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Quote} from '../types.js'
import {collectBlocks} from './blocks.js'

export interface Options {
  /** Quotes shorter than this many words with no speaker are scare quotes. @default 3 */
  minWords?: number
}

const defaults: Required<Options> = {minWords: 3}

declare module 'vfile' {
  interface DataMap {
    quotes: Quote[]
  }
}

const quoted = /[“"]([^“”"]+)[”"]/g
const saidAfter = /^\s*,?\s*(?:said|says)\s+((?:[A-Z][\w’'.-]+\s?){1,4})/
const saidBefore = /((?:[A-Z][\w’'.-]+\s?){1,4}),?\s+(?:said|says)\s*[,:]?\s*$/

/** First version: quoted spans with a "said" attribution next to them. */
export default function remarkQuotes(options?: Options) {
  const settings = {...defaults, ...options}
  return function (tree: Root, file: VFile) {
    const quotes: Quote[] = []
    for (const block of collectBlocks(tree, file)) {
      for (const match of block.text.matchAll(quoted)) {
        const text = match[1] ?? ''
        const after = block.text.slice(match.index + match[0].length)
        const before = block.text.slice(0, match.index)
        const speaker = (saidAfter.exec(after)?.[1] ?? saidBefore.exec(before)?.[1] ?? '').trim()
        const words = text.split(/\s+/).length
        if (!speaker && words < settings.minWords) continue
        const start = block.start + match.index + 1
        quotes.push({
          text, speaker, kind: /^[A-Z]/.test(text) ? 'full' : 'partial', start, end: start + text.length,
          sentence: block.text, score: speaker ? 2 : 1, reasons: [{name: 'speaker', points: speaker ? 2 : 1}]
        })
      }
    }
    file.data.quotes = quotes
  }
}
