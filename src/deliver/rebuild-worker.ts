/**
 * The preview's rebuilds, on a thread of their own: parsing, selecting and rendering a briefing
 * takes the CPU for up to seconds, and the server must keep answering meanwhile. Each message is
 * a list of changed files (absolute; empty for the first build); each gets one `State` back.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createRebuilder, type Options} from './rebuild.js'

const port = parentPort
if (!port) throw new Error('Unexpected start of rebuild-worker outside a worker thread, expected `digest preview` to start it')
const rebuilder = createRebuilder(workerData as Options)

port.on('message', (files: string[]) => {
  rebuilder.invalidate(files)
  // A change that arrives during a build joins it; both requests are answered with its state.
  void rebuilder.build().then((state) => port.postMessage(state))
})
