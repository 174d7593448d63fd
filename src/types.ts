/**
 * The typed data that flows between the stages (see `pipeline.ts`).
 * Nothing here holds a syntax tree: after extraction an article is plain data,
 * so later stages can run in workers and be cached per article.
 */
import type {Prepared} from './briefing/prepare.js'

/** One named contribution to a score, so every number can be explained. */
export interface Reason {
  /** Short stable key: `length`, `speaker`, `topic`, `position`, `sources`, … */
  name: string
  points: number
  detail?: string
}

/** A direct quotation as found in one article. */
export interface Quote {
  /** The speech without its quotation marks; `content.slice(start, end)`. */
  text: string
  /** The speaker at their fullest name in the article, or `""`. */
  speaker: string
  /** The speech verb or phrase that attributes the quote ("said", "according to"). */
  cue?: string
  kind: 'full' | 'partial'
  start: number
  end: number
  /** The sentence (or sentences) the quote stands in. */
  sentence: string
  score: number
  reasons: Reason[]
}

/** A number with what it counts and its hedge. */
export interface Figure {
  value: number | [number, number]
  /** What is counted or measured: "people", "prisoners", "percent", "dollars". */
  unit: string
  qualifier?: string
  /** For a ratio, what the figure is counted against ("three prisoners for every hostage" → "hostage"). */
  per?: string
  /** The figure as written, `content.slice(start, end)`. */
  text: string
  sentence: string
  start: number
  end: number
  score: number
  reasons: Reason[]
}

/** What the front matter (or a plain-text file) tells about an article. */
export interface ArticleMeta {
  title: string
  /** YYYY-MM-DD: the day of publication (in the configured time zone when `published` is given). */
  date: string
  /** ISO 8601 instant with its offset, when the front matter gives a time too. */
  published?: string
  dateNote?: string
  source?: string
  url?: string
}

/** An article after parse and extract: the unit the later stages work on. */
export interface Article extends ArticleMeta {
  /** Stable id: the file name without extension. */
  id: string
  /** Path as given to the loader, for messages. */
  file: string
  /**
   * Plain text of the body paragraphs, in order (no front matter, no markup). Empty once `prepared`
   * holds what the briefing stages read of them: a build's workers and its cache drop them.
   */
  paragraphs: string[]
  quotes: Quote[]
  figures: Figure[]
  /** What the briefing stages find in this article alone (briefing/prepare.ts), when a build worker computed it. */
  prepared?: Prepared
}

/** A topic as configured (or derived from the articles). */
export interface Topic {
  name: string
  keywords: string[]
  weight: number
}

/** A problem found at the source, printed as `file:line:column  severity  reason`. */
export interface Message {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning' | 'info'
  reason: string
  ruleId?: string
}

/**
 * An article that was read and is not in the briefing, with why (`digest.json` → `omitted`).
 * Load adds the ones it could not read or that fall outside the window; briefing adds the ones
 * over `limits.articles` and duplicates of another article.
 */
export interface Omitted {
  id: string
  title?: string
  date?: string
  /** "outside the window", "over limits.articles", "duplicate of ID", "unreadable: …" */
  why: string
}
