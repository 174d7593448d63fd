import type {Writable} from 'node:stream'

/** Where a command writes: stdout carries only its result, stderr everything else. */
export interface Io {
  stdout: Writable
  stderr: Writable
  stderrIsTTY: boolean
  env: NodeJS.ProcessEnv
  cwd: string
}

export function processIo(): Io {
  return {stdout: process.stdout, stderr: process.stderr, stderrIsTTY: Boolean(process.stderr.isTTY), env: process.env, cwd: process.cwd()}
}
