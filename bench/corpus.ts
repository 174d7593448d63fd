import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

export interface Corpus {
  files: number
  bytes: number
  /** The files, in the order written, with their dates. */
  written: {file: string; date: string}[]
}

/**
 * A folder of `count` articles for benchmarks, made of real news text: the 295 Wikinews articles
 * of tests/fixtures/wikinews (Wikinews contributors, CC BY 2.5). Each article is a headline and
 * about 5 kB of paragraphs drawn from several of them in a different mix, so no two files are the
 * same text (a cache or a duplicate finder gets no free ride). Dates run back from `end`, spread
 * evenly over `days` days: 7 days is a busy week, 730 an archive of two years.
 */
export async function makeCorpus(folder: string, count: number, options: {days?: number; end?: string} = {}): Promise<Corpus> {
  const days = options.days ?? 7
  const end = Date.parse(`${options.end ?? '2024-06-30'}T00:00:00Z`)
  const sources = await wikinews()
  await mkdir(folder, {recursive: true})
  const written = Array.from({length: count}, (_, index) => {
    const date = new Date(end - (index % days) * 86_400_000).toISOString().slice(0, 10)
    return {file: path.join(folder, `${date}-${String(index).padStart(5, '0')}.md`), date}
  })
  const sizes = await mapBounded(written, 32, async ({file, date}, index) => {
    const text = article(sources, index, date)
    await writeFile(file, text)
    return Buffer.byteLength(text)
  })
  return {files: count, bytes: sizes.reduce((sum, size) => sum + size, 0), written}
}

interface Source {
  title: string
  paragraphs: string[]
}

async function wikinews(): Promise<Source[]> {
  const lines = (await readFile(path.join(root, 'tests/fixtures/wikinews/wikinews_2019_2021.jsonl'), 'utf8')).split('\n')
  return lines.filter((line) => line.trim() !== '').map((line) => {
    const {title, text} = JSON.parse(line) as {title: string; text: string}
    // The first line is the dateline ("Friday, January 4, 2019"): the front matter carries the date.
    const paragraphs = text.split(/\n\s*\n/).slice(1).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 40)
    return {title, paragraphs}
  }).filter((source) => source.paragraphs.length > 0)
}

/** Article `index`: its own source's headline and lead, then paragraphs from others until ~5 kB. */
function article(sources: Source[], index: number, date: string): string {
  const own = sources[index % sources.length]!
  const body = [...own.paragraphs.slice(0, 2)]
  let size = body.join('\n\n').length
  for (let step = 1; size < 4_800 && step < 40; step++) {
    const other = sources[(index * 7 + step * 31) % sources.length]!
    const paragraph = other.paragraphs[(index + step) % other.paragraphs.length]!
    body.push(paragraph)
    size += paragraph.length + 2
  }
  const title = `${own.title} (${Math.floor(index / sources.length) + 1})`
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nsource: Wikinews\n---\n\n${body.join('\n\n')}\n`
}

/** `Promise.all(items.map(task))` with at most `limit` tasks running; results in item order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane))
  return results
}
