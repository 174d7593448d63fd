/** The entry of a worker thread in the build's pool (see `pool.ts`): one batch per call. */
export {runBatch as default} from './batch.js'
