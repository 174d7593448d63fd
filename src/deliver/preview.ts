import {readFile} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {watch} from 'chokidar'
import {DigestError} from '../errors.js'
import {defaultTemplatesDir} from '../paths.js'
import {createRebuilder, type BuildError, type Options as RebuildOptions, type State} from './rebuild.js'

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

const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

/**
 * `digest preview`: builds the briefing, serves it with a toolbar page, watches the content, the
 * templates and the config, rebuilds what changed and tells open pages to reload (server-sent
 * events on `/events`). Resolves once it listens and the watcher is ready.
 */
export async function startPreview(options?: Options) {
  const settings = {...defaults, ...options}
  const rebuilder = createRebuilder(settings)
  const clients = new Set<http.ServerResponse>()
  let announced = 0
  let latest = rebuild()
  let timer: NodeJS.Timeout | undefined
  let pending: string[] = []

  const {content, templates, config} = rebuilder.paths
  const folders = [content, templates ?? defaultTemplatesDir]
  const watcher = watch([...folders, ...(config ? [config] : [])], {
    ignoreInitial: true,
    // Editors' swap and lock files (`.a.md.swp`, `.#a.md`) are no articles and need no rebuild.
    ignored: (file) => path.basename(file).startsWith('.') && folders.some((folder) => !path.relative(folder, file).startsWith('..') && file !== folder)
  })
  watcher.on('all', (_event, file) => {
    pending.push(path.resolve(file))
    clearTimeout(timer)
    timer = setTimeout(() => {
      rebuilder.invalidate(pending)
      pending = []
      latest = rebuild()
    }, settings.debounce)
  })
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  // A watcher error (say, a folder removed under it) is worth a line, never a crash.
  watcher.on('error', (error) => settings.onWarning(`Unexpected watcher error: ${error instanceof Error ? error.message : String(error)}`))

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `Unexpected server error: ${error instanceof Error ? error.message : String(error)}\n`)
      else response.end()
    })
  })

  async function rebuild() {
    broadcast('building', {})
    const state = await rebuilder.build()
    // A save during a build joins that build; whoever sees a new version first announces it.
    if (state.version > announced) {
      announced = state.version
      settings.onBuild(state)
      // The status rides along, so a page needs one request less before it reloads the email.
      broadcast('build', status(state))
    }
    return state
  }

  function broadcast(event: string, data: unknown) {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // A page on another site could reach a loopback server through DNS rebinding; its Host gives it away.
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '')
    if (loopback.has(settings.host) && !loopback.has(hostname)) return send(response, 403, 'text/plain; charset=utf-8', 'Unexpected Host header, expected localhost or 127.0.0.1\n')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Unexpected method, expected GET or HEAD\n')
    }
    const [pathname = '/', query = ''] = (request.url ?? '/').split('?')
    if (pathname === '/events') return openEvents(request, response)
    if (pathname === '/status.json') {
      const state = await latest
      return send(response, 200, 'application/json; charset=utf-8', `${JSON.stringify(status(state))}\n`)
    }
    const part = ({'/email.html': 'html', '/email.txt': 'text', '/email.mjml': 'mjml', '/digest.json': 'data'} as const)[pathname as '/email.html']
    if (part) {
      const {output} = await latest
      if (!output) return send(response, 503, 'text/plain; charset=utf-8', 'No good build yet: see the errors in the preview.\n')
      const type = part === 'html' ? types['.html'] : part === 'data' ? 'application/json; charset=utf-8' : types['.txt']
      // The email runs no script in any inbox, so it runs none here either.
      if (part === 'html') response.setHeader('Content-Security-Policy', "script-src 'none'")
      const body = part === 'html' && new URLSearchParams(query).get('scheme') === 'dark' ? preferDark(output.html) : output[part]
      return send(response, 200, type ?? '', body, request.method === 'HEAD')
    }
    return serveAsset(pathname === '/' ? '/index.html' : pathname, request, response)
  }

  function openEvents(request: http.IncomingMessage, response: http.ServerResponse) {
    response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
    // A page that connects after a build learns the version it may have missed.
    response.write(`retry: 500\nevent: build\ndata: ${JSON.stringify(status(rebuilder.state))}\n\n`)
    clients.add(response)
    request.on('close', () => clients.delete(response))
  }

  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new DigestError(error.code === 'EADDRINUSE' ? `Cannot listen on ${settings.host}:${settings.port}: the port is in use, try --port 0 for a free one` : `Cannot listen on ${settings.host}:${settings.port}`, {cause: error}))
    })
    server.listen(settings.port, settings.host, () => resolve(server.address() as AddressInfo))
  }).catch(async (error: unknown) => {
    await watcher.close()
    throw error
  })
  await ready

  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}/`,
    rebuilder,
    /** Waits for the build in progress (or the last one) to finish. */
    settled: () => latest,
    /** Stops watching, ends the event streams and closes the server. */
    async close() {
      clearTimeout(timer)
      await watcher.close()
      for (const client of clients) client.end()
      clients.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await latest
    }
  }
}

export type Preview = Awaited<ReturnType<typeof startPreview>>

function status(state: State) {
  const {output} = state
  return {
    version: state.version,
    title: output?.title,
    ok: state.errors.length === 0 && output !== undefined,
    stale: state.stale,
    builtAt: state.builtAt,
    durationMs: state.durationMs,
    changed: state.changed,
    budget: state.budget,
    htmlBytes: output?.htmlBytes,
    articles: output?.articles,
    quotes: output?.quotes,
    figures: output?.figures,
    findings: output?.findings ?? [],
    dropped: output?.dropped ?? [],
    messages: state.messages,
    errors: state.errors satisfies BuildError[]
  }
}

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
