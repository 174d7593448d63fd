import {spawn} from 'node:child_process'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const digestBin = path.join(repoRoot, 'bin/digest.js')

/** Runs the real `digest` executable (compiled by `npm test`'s tsc step), as a user's script would. */
export function runDigest(args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [digestBin, ...args], {cwd: options.cwd ?? repoRoot, env: {...process.env, CI: '1', ...options.env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}
