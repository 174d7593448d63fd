/**
 * The preview's checks, on a thread of their own: `digest check` on a large email takes as long as
 * rendering it twice, and the next save's rebuild should not wait for it. Each message is an email
 * with its templates and an id; the answer is its findings under the same id.
 */
import {parentPort} from 'node:worker_threads'
import {findingsOf} from '../pipeline.js'
import type {Templates} from '../render/templates.js'

export interface CheckRequest {
  id: number
  email: {html: string; text: string; mjml: string}
  templates: Pick<Templates, 'layout' | 'partials'>
}

const port = parentPort
if (!port) throw new Error('Unexpected start of check-worker outside a worker thread, expected the preview\'s rebuild thread to start it')

port.on('message', async ({id, email, templates}: CheckRequest) => {
  port.postMessage({id, findings: await findingsOf(email, templates)})
})
