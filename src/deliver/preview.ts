import {readFile} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Worker} from 'node:worker_threads'
import {watch} from 'chokidar'
import {DigestError} from '../errors.js'
import {defaultTemplatesDir} from '../paths.js'
import {createHostGuard} from './host.js'
import {budget, previewPaths} from './preview-files.js'
import type {BuildError, Options as RebuildOptions, State} from './rebuild.js'
import {startThread} from './thread.js'

export interface Options extends RebuildOptions {
  /** @default "127.0.0.1" */
  host?: string
  /** 0 picks a free port. @default 4000 */
  port?: number
  /** Quiet time after the last file event before a rebuild, so an editor's burst of writes builds once. @default 30 */
  debounce?: number
  /** Called after each build that changed what the preview shows. */
  onBuild?: (state: State) => void
  onWarning?: (text: string) => void
}

const defaults = {host: '127.0.0.1', port: 4000, debounce: 30, onBuild: () => {}, onWarning: () => {}}

/** The toolbar page's own files; the only folder the server reads from. */
const assetsDir = fileURLToPath(new URL('../../assets/preview', import.meta.url))

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8'
}

/**
 * `digest preview`: builds the briefing, serves it with a toolbar page, watches the content, the
 * templates and the config, rebuilds what changed and tells open pages to reload (server-sent
 * events on `/events`). Builds run on a worker thread (rebuild-worker.ts), so every request is
 * answered at once from the last build while the next one runs. Resolves once it listens and
 * the watcher is ready; the first build is under way then.
 */
export async function startPreview(options?: Options) {
  const settings = {...defaults, ...options}
  const rebuildOptions: RebuildOptions = {
    ...(settings.content === undefined ? {} : {content: settings.content}),
    ...(settings.config === undefined ? {} : {config: settings.config}),
    ...(settings.templates === undefined ? {} : {templates: settings.templates}),
    ...(settings.window === undefined ? {} : {window: settings.window}),
    ...(settings.cwd === undefined ? {} : {cwd: settings.cwd})
  }
  const paths = previewPaths(rebuildOptions)
  const clients = new Set<http.ServerResponse>()
  let state: State = {version: 0, stale: false, errors: [], messages: [], budget, changed: [], folders: {content: paths.content, templates: paths.templates}, analyzed: [], compiled: false, checking: false}
  let worker: Worker | undefined
  // A worker that had to be replaced counts its builds from 0 again; the page must see them as new.
  let versionBase = 0
  // Requests sent to the worker and not answered yet; `settled()` waits for none.
  let outstanding = 0
  let waiting: (() => void)[] = []
  let closing = false
  let timer: NodeJS.Timeout | undefined
  let pending: string[] = []

  function request(files: string[]) {
    worker ??= startWorker()
    outstanding++
    broadcast('building', {})
    worker.postMessage(files)
  }

  function startWorker() {
    const started = startThread('rebuild-worker', rebuildOptions)
    started.on('message', ({state: next, final}: {state: State; final: boolean}) => {
      if (final) outstanding--
      receive({...next, version: versionBase + next.version})
    })
    started.on('error', (error) => {
      if (worker !== started) return
      // The next change starts a fresh worker, which builds everything again.
      worker = undefined
      versionBase = state.version + 1
      outstanding = 0
      receive({...state, version: versionBase, stale: state.output !== undefined, errors: [{message: `Unexpected failure of the rebuild: ${error.message}`}], builtAt: new Date().toISOString(), changed: [], analyzed: [], compiled: false, checking: false})
    })
    return started
  }

  function receive(next: State) {
    // Two requests that shared a build are answered with the same state: announce it once.
    if (next.version > state.version) {
      follow(next.folders)
      state = next
      settings.onBuild(state)
      // The status rides along, so a page needs one request less before it reloads the email.
      broadcast('build', status(state))
    } else if (next.version === state.version && state.checking && !next.checking) {
      state = next
      broadcast('checked', status(state))
    }
    if (outstanding === 0) {
      for (const resolve of waiting) resolve()
      waiting = []
    }
  }

  request([])
  let folders = [paths.content, paths.templates ?? defaultTemplatesDir]
  const watcher = watch([...folders, ...(paths.config ? [paths.config] : [])], {
    ignoreInitial: true,
    // Editors' swap and lock files (`.a.md.swp`, `.#a.md`) are no articles and need no rebuild.
    ignored: (file) => path.basename(file).startsWith('.') && folders.some((folder) => !path.relative(folder, file).startsWith('..') && file !== folder)
  })
  watcher.on('all', (_event, file) => {
    pending.push(path.resolve(file))
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (closing) return
      request(pending)
      pending = []
    }, settings.debounce)
  })
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  /** Watches where the config moved the content or templates folder to. */
  function follow(next: State['folders']) {
    const now = [next.content, next.templates ?? defaultTemplatesDir]
    const gone = folders.filter((folder) => !now.includes(folder))
    const added = now.filter((folder) => !folders.includes(folder))
    if (gone.length > 0) watcher.unwatch(gone)
    if (added.length > 0) watcher.add(added)
    folders = now
  }
  // A watcher error (say, a folder removed under it) is worth a line, never a crash.
  watcher.on('error', (error) => settings.onWarning(`Unexpected watcher error: ${error instanceof Error ? error.message : String(error)}`))

  let allowedHost: (header: string | undefined) => boolean = () => false
  const server = http.createServer((request, response) => {
    try {
      handle(request, response)
    } catch (error) {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `Unexpected server error: ${error instanceof Error ? error.message : String(error)}\n`)
      else response.end()
    }
  })

  function broadcast(event: string, data: unknown) {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // A page on another site could reach this server through DNS rebinding; its Host gives it away.
    if (!allowedHost(request.headers.host)) return send(response, 403, 'text/plain; charset=utf-8', 'Unexpected Host header, expected the address the preview listens on\n')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Unexpected method, expected GET or HEAD\n')
    }
    const [pathname = '/', query = ''] = (request.url ?? '/').split('?')
    if (pathname === '/events') return openEvents(request, response)
    if (pathname === '/status.json') return send(response, 200, 'application/json; charset=utf-8', `${JSON.stringify(status(state))}\n`)
    const part = ({'/email.html': 'html', '/email.txt': 'text', '/email.mjml': 'mjml', '/digest.json': 'data'} as const)[pathname as '/email.html']
    if (part) {
      const {output} = state
      if (!output) return send(response, 503, 'text/plain; charset=utf-8', 'No good build yet: see the status, or the errors in the preview.\n')
      const type = part === 'html' ? types['.html'] : part === 'data' ? 'application/json; charset=utf-8' : types['.txt']
      // The email runs no script in any inbox, so it runs none here either.
      if (part === 'html') response.setHeader('Content-Security-Policy', "script-src 'none'")
      const body = part === 'html' && new URLSearchParams(query).get('scheme') === 'dark' ? preferDark(output.html) : output[part]
      return send(response, 200, type ?? '', body, request.method === 'HEAD')
    }
    serveAsset(pathname === '/' ? '/index.html' : pathname, request, response).catch(() => {
      if (!response.headersSent) send(response, 404, 'text/plain; charset=utf-8', 'Not found\n')
    })
  }

  /** What `/status.json` and the `build` event say: a failed build shows no size, as it rendered nothing. */
  function status(shown: State) {
    const {output} = shown
    const fresh = output !== undefined && !shown.stale
    return {
      version: shown.version,
      building: outstanding > 0,
      title: output?.title,
      ok: shown.errors.length === 0 && output !== undefined,
      rendered: output !== undefined,
      stale: shown.stale,
      checking: shown.checking,
      builtAt: shown.builtAt,
      durationMs: shown.durationMs,
      changed: shown.changed,
      budget: shown.budget,
      htmlBytes: fresh ? output.htmlBytes : undefined,
      articles: output?.articles,
      quotes: output?.quotes,
      figures: output?.figures,
      findings: output?.findings ?? [],
      dropped: output?.dropped ?? [],
      messages: shown.messages,
      errors: shown.errors satisfies BuildError[]
    }
  }

  function openEvents(request: http.IncomingMessage, response: http.ServerResponse) {
    response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
    // A page that connects after a build learns the version it may have missed.
    response.write(`retry: 500\nevent: build\ndata: ${JSON.stringify(status(state))}\n\n`)
    clients.add(response)
    request.on('close', () => clients.delete(response))
  }

  async function close() {
    closing = true
    clearTimeout(timer)
    await watcher.close()
    for (const client of clients) client.end()
    clients.clear()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    const stopping = worker
    worker = undefined
    await stopping?.terminate()
    for (const resolve of waiting) resolve()
    waiting = []
  }

  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new DigestError(error.code === 'EADDRINUSE' ? `Cannot listen on ${settings.host}:${settings.port}: the port is in use, try --port 0 for a free one` : `Cannot listen on ${settings.host}:${settings.port}`, {cause: error}))
    })
    server.listen(settings.port, settings.host, () => resolve(server.address() as AddressInfo))
  }).catch(async (error: unknown) => {
    await close()
    throw error
  })
  allowedHost = createHostGuard(address.address)
  await ready

  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}/`,
    /** The latest build's state, as the page sees it. */
    state: () => state,
    /** Waits until every change seen so far is built, and gives its state. */
    settled: () => (outstanding === 0 || closing ? Promise.resolve(state) : new Promise<State>((resolve) => waiting.push(() => resolve(state)))),
    /** Stops watching and building, ends the event streams and closes the server. */
    close
  }
}

export type Preview = Awaited<ReturnType<typeof startPreview>>

/**
 * The email as a client that honours `prefers-color-scheme` (Apple Mail, iOS Mail) shows it in
 * dark mode. Browsers give an iframe the user's scheme, not the embedding page's, so the preview
 * settles the media queries itself.
 */
function preferDark(html: string) {
  return html.replace(/prefers-color-scheme\s*:\s*dark/gi, 'min-width: 0px').replace(/prefers-color-scheme\s*:\s*light/gi, 'max-width: 0px')
}

/** Serves a file of the toolbar page; anything that resolves outside its folder is a 404. */
async function serveAsset(pathname: string, request: http.IncomingMessage, response: http.ServerResponse) {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n')
  }
  const file = path.resolve(assetsDir, `.${decoded}`)
  const relative = path.relative(assetsDir, file)
  const type = types[path.extname(file)]
  if (decoded.includes('\0') || relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || !type) {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n')
  }
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n')
  }
  return send(response, 200, type, body, request.method === 'HEAD')
}

function send(response: http.ServerResponse, code: number, type: string, body: string | Buffer, headOnly = false) {
  response.writeHead(code, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(headOnly ? undefined : body)
}
