/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's warm caches do not
 * flatter another. `BENCH_FULL=1 npm run bench` runs the build benchmark at the promised sizes
 * (10,000 and 50,000 articles: long).
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'

const benches = ['startup.ts', 'build.ts', 'extract.ts', 'preview.ts', 'send.ts', 'ingest.ts']
let failed = false
for (const bench of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, bench)], {stdio: 'inherit'})
  if (result.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
