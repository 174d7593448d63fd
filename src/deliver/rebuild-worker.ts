/**
 * The preview's rebuilds, on a thread of their own: parsing, selecting and rendering a briefing
 * takes the CPU for up to seconds, and the server must keep answering meanwhile. Each message is
 * a list of changed files (absolute; empty for the first build); each is answered twice: with the
 * build's `State` as soon as it is rendered, then with its findings checked (`final`). The checks
 * run on a third thread (check-worker.ts), so a save that comes meanwhile is built at once.
 */
import {parentPort, workerData, type Worker} from 'node:worker_threads'
import type {Finding} from '../render/check.js'
import type {CheckRequest} from './check-worker.js'
import {createRebuilder, type Finder, type Options} from './rebuild.js'
import {startThread} from './thread.js'

const port = parentPort
if (!port) throw new Error('Unexpected start of rebuild-worker outside a worker thread, expected `digest preview` to start it')
const rebuilder = createRebuilder(workerData as Options)

let checker: Worker | undefined
let asked = 0
const answers = new Map<number, (findings: Finding[]) => void>()

const find: Finder = (email, templates) => {
  if (!checker) {
    checker = startThread('check-worker')
    checker.on('message', ({id, findings}: {id: number; findings: Finding[]}) => {
      answers.get(id)?.(findings)
      answers.delete(id)
    })
    // A failed check thread fails the preview's thread too: `digest preview` starts both again.
    checker.on('error', (error) => {
      throw error
    })
    // The checker alone must not keep this thread alive once the server lets it go.
    checker.unref()
  }
  const id = ++asked
  const request: CheckRequest = {id, email: {html: email.html, text: email.text, mjml: email.mjml}, templates: {layout: templates.layout, partials: templates.partials}}
  checker.postMessage(request)
  return new Promise<Finding[]>((resolve) => answers.set(id, resolve))
}

port.on('message', (files: string[]) => {
  rebuilder.invalidate(files)
  // A change that arrives during a build joins it; both requests are answered with its state.
  void rebuilder.build().then(async (state) => {
    port.postMessage({state, final: false})
    await rebuilder.check(find)
    port.postMessage({state, final: true})
  })
})
