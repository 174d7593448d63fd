/**
 * `npm run bench` (start-up part): `digest --help` against a bare `node -e ''`, as ratios of
 * medians over `BENCH_STARTUP_ROUNDS` runs each (21 by default), the two alternating so both meet
 * the same machine. A single run of either is a few tens of milliseconds: too short to judge alone.
 * Wall time includes process start; CPU time is what the process itself counted at exit.
 */
import {spawn} from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const digest = path.join(root, 'bin/digest.js')
const usage = path.join(import.meta.dirname, 'usage.mjs')
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 21)

interface Usage {
  wallMs: number
  cpuMs: number
}

function run(args: string[]): Promise<Usage> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', usage, ...args], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = /BENCH_USAGE (.*)$/m.exec(stderr)?.[1]
      if (code !== 0 || !line) reject(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr.slice(-2_000)}`))
      else resolve({cpuMs: (JSON.parse(line) as {cpuMs: number}).cpuMs, wallMs: performance.now() - started})
    })
  })
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const bare: Usage[] = []
const help: Usage[] = []
// One unmeasured run of each first: the file cache is warm for both.
await run(['-e', ''])
await run([digest, '--help'])
for (let round = 0; round < rounds; round++) {
  if (round % 2 === 0) {
    bare.push(await run(['-e', '']))
    help.push(await run([digest, '--help']))
  } else {
    help.push(await run([digest, '--help']))
    bare.push(await run(['-e', '']))
  }
}

console.log(`Start-up benchmark, median of ${rounds} alternating runs each`)
let over = false
for (const measure of ['wallMs', 'cpuMs'] as const) {
  const ratio = median(help.map((result) => result[measure])) / median(bare.map((result) => result[measure]))
  over ||= ratio > 1.5
  const label = measure === 'wallMs' ? 'wall' : 'CPU'
  console.log(`  digest --help vs node -e '' (${label})`.padEnd(60) + `${ratio.toFixed(2)}×  (target ≤ 1.5×; ${median(help.map((result) => result[measure])).toFixed(0)} vs ${median(bare.map((result) => result[measure])).toFixed(0)} ms)`)
}
console.log(over ? '  over target: digest --help start-up' : '  every figure within its target')
