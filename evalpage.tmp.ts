import {readFileSync, readdirSync} from 'node:fs'
import {parseHTML} from 'linkedom'
import {extractPage} from '/work/wt-ingest/src/ingest/page.ts'
import {shingleF1} from '/work/wt-ingest/tests/ingest/shingles.ts'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {toString} from 'mdast-util-to-string'
const root = '/work/wt-ingest/tests/fixtures/web/pages'
let raw = 0, plain = 0, n = 0; const t0 = performance.now(); const per: string[] = []
for (const dir of readdirSync(root).sort()) {
  const html = readFileSync(`${root}/${dir}/source.html`, 'utf8')
  const want = parseHTML(`<html><body>${readFileSync(`${root}/${dir}/expected.html`, 'utf8')}</body></html>`).document.body.textContent ?? ''
  const article = extractPage(html, 'http://fakehost/test/page.html')
  const md = article?.markdown ?? ''
  const tree = unified().use(remarkParse).parse(md)
  const text = tree.children.map((c) => toString(c)).join('\n')
  const a = shingleF1(md, want).f1, b = shingleF1(text, want).f1
  raw += a; plain += b; n++
  per.push(`${dir}:${a.toFixed(3)}/${b.toFixed(3)} "${article?.title?.slice(0,30)}" ${article?.meta.published ?? '-'}`)
}
console.log(per.join('\n'))
console.log('raw', (raw/n).toFixed(4), 'plain', (plain/n).toFixed(4), 'ms', Math.round(performance.now()-t0))
