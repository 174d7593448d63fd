import {readFile} from 'node:fs/promises'
import {z} from 'zod'
import {writeFilesAtomically} from '../deliver/write.js'
import type {Validators} from './http.js'

/** In the content folder, beside the articles it remembers; a dot file so no stage reads it as one. */
export const stateFileName = '.digest-fetch.json'

const entrySchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** The articles this URL gave (relative to the content folder); for a feed, none. */
  files: z.array(z.string()).default([]),
  /** A feed's validators are worth sending even though it wrote no file of its own. */
  feed: z.boolean().default(false),
  checked: z.string()
})
const stateSchema = z.object({version: z.literal(1), urls: z.record(z.string(), entrySchema)})

type Entry = z.infer<typeof entrySchema>

/** What each URL answered last time (ETag, Last-Modified), so the next request can be conditional. */
export class FetchState {
  private constructor(private readonly urls: Record<string, Entry>, private changed = false) {}

  static async open(contentDir: string): Promise<FetchState> {
    let text: string
    try {
      text = await readFile(`${contentDir}/${stateFileName}`, 'utf8')
    } catch {
      return new FetchState({})
    }
    let parsed: ReturnType<typeof stateSchema.safeParse> | undefined
    try {
      parsed = stateSchema.safeParse(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    // A damaged state costs one full fetch, never a wrong "unchanged": start afresh.
    return new FetchState(parsed?.success ? parsed.data.urls : {})
  }

  /** The validators to send for `url`, if what it gave last time is still on disk. */
  validators(url: string, exists: (file: string) => boolean): Validators {
    const entry = this.urls[url]
    if (!entry || (!entry.feed && (entry.files.length === 0 || !entry.files.every(exists)))) return {}
    return {...(entry.etag ? {etag: entry.etag} : {}), ...(entry.lastModified ? {lastModified: entry.lastModified} : {})}
  }

  filesOf(url: string): string[] {
    return this.urls[url]?.files ?? []
  }

  remember(url: string, validators: Validators, files: string[], feed = false) {
    this.urls[url] = {...validators, files, feed, checked: new Date().toISOString()}
    this.changed = true
  }

  async save(contentDir: string) {
    if (!this.changed) return
    await writeFilesAtomically(contentDir, {[stateFileName]: `${JSON.stringify({version: 1, urls: this.urls}, null, 1)}\n`})
  }
}
