import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'

/**
 * Starts a thread running `name`, a module beside this one (`rebuild-worker`, `check-worker`).
 * Run from the compiled package it is a plain module; run from source (the tests, the benches) it
 * needs tsx's loader, which a worker does not inherit.
 */
export function startThread(name: string, workerData?: unknown) {
  const entry = new URL(`./${name}${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url)
  if (entry.pathname.endsWith('.js')) return new Worker(entry, {workerData})
  const loader = import.meta.resolve('tsx/esm/api')
  return new Worker(`import(${JSON.stringify(loader)}).then(({register}) => register()).then(() => import(${JSON.stringify(entry.href)}))`, {eval: true, workerData})
}
