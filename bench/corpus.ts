import {readdir, readFile, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

/**
 * A folder of `count` real articles for benchmarks: the sample content and, when present, the
 * Wikinews fixture articles (CC BY 2.5, Wikinews contributors), cycled with fresh dates one
 * day apart so windows and chronology have work to do.
 */
export async function makeCorpus(folder: string, count: number): Promise<{files: number; bytes: number}> {
  const sources: string[] = []
  for (const dir of [path.join(root, 'content'), path.join(root, 'tests/fixtures/wikinews/content')]) {
    let names: string[] = []
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.md') && !/^readme/i.test(name))
    } catch {
      continue
    }
    for (const name of names.sort()) sources.push(await readFile(path.join(dir, name), 'utf8'))
  }
  await mkdir(folder, {recursive: true})
  let bytes = 0
  const start = Date.UTC(2024, 0, 1)
  for (let index = 0; index < count; index++) {
    const date = new Date(start + Math.floor(index / 3) * 86_400_000).toISOString().slice(0, 10)
    const text = (sources[index % sources.length] ?? '').replace(/^date: .*$/m, `date: ${date}`)
    bytes += Buffer.byteLength(text)
    await writeFile(path.join(folder, `${date}-${String(index).padStart(4, '0')}.md`), text)
  }
  return {files: count, bytes}
}
