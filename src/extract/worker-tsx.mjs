// The worker entry when digest runs from its TypeScript sources (as the tests do): a worker
// thread does not inherit the loader that lets the main thread import .ts files, so it registers
// tsx itself before loading the real entry. Built digest (dist/) uses worker.js directly.
import {register} from 'tsx/esm/api'

register()
const {default: runBatch} = await import('./worker.ts')
export default runBatch
