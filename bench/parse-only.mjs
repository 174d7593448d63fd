// The benchmarks' yardstick: read each file of a folder and parse it with remark-parse (and its
// front matter extension), one after the other on one thread. Nothing else.
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const folder = process.argv[2]
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
let nodes = 0
for (const name of (await readdir(folder)).sort()) {
  nodes += processor.parse(await readFile(path.join(folder, name), 'utf8')).children.length
}
process.stdout.write(`${nodes}\n`)
