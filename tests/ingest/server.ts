import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {brotliCompressSync, gzipSync} from 'node:zlib'

export const webFixtures = new URL('../fixtures/web/', import.meta.url)

export interface TestServer {
  base: string
  /** Every request received, as `METHOD path status`. */
  log: string[]
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) serving the web-page fixtures, the feeds written
 * around them, and the failures digest must survive: slow, 404, 500 then 200, 429 with
 * Retry-After, a redirect loop, a huge body, a binary file, a page robots.txt disallows.
 * Pages and feeds carry ETag and Last-Modified and answer 304 to a matching conditional request.
 */
export async function startServer(): Promise<TestServer> {
  const log: string[] = []
  const hits = new Map<string, number>()
  let base = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base)
    const count = (hits.get(url.pathname) ?? 0) + 1
    hits.set(url.pathname, count)
    const status = route(url.pathname, count, request, response, base)
    log.push(`${request.method} ${url.pathname} ${status}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    log,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}

const lastModified = 'Mon, 04 Mar 2024 10:00:00 GMT'

function route(pathname: string, count: number, request: IncomingMessage, response: ServerResponse, base: string): number {
  const page = /^\/pages\/([\w-]+)\.html$/.exec(pathname)
  if (page) return serveCached(request, response, 'text/html; charset=utf-8', readFileSync(new URL(`pages/${page[1]}/source.html`, webFixtures)))
  const feed = /^\/feeds\/([\w-]+\.(xml|json))$/.exec(pathname)
  if (feed) {
    const type = feed[2] === 'json' ? 'application/feed+json' : feed[1] === 'atom.xml' ? 'application/atom+xml' : 'application/rss+xml'
    return serveCached(request, response, type, Buffer.from(fillFeed(readFileSync(new URL(`feeds/${feed[1]}`, webFixtures), 'utf8'), base)))
  }
  switch (pathname) {
    case '/robots.txt':
      return send(response, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n')
    case '/slow':
      // Longer than the client's timeout in the tests; unref'd so the server can close meanwhile.
      setTimeout(() => send(response, 200, 'text/html', '<html><body><p>Too late.</p></body></html>'), 20_000).unref()
      return 200
    case '/flaky':
      if (count === 1) return send(response, 500, 'text/plain', 'Internal Server Error')
      return serveCached(request, response, 'text/html; charset=utf-8', readFileSync(new URL('pages/salon-1/source.html', webFixtures)))
    case '/busy':
      if (count === 1) {
        response.setHeader('retry-after', '1')
        return send(response, 429, 'text/plain', 'Too Many Requests')
      }
      return serveCached(request, response, 'text/html; charset=utf-8', readFileSync(new URL('pages/citylab-1/source.html', webFixtures)))
    case '/loop':
      response.writeHead(302, {location: '/loop-again'}).end()
      return 302
    case '/loop-again':
      response.writeHead(302, {location: '/loop'}).end()
      return 302
    case '/moved':
      response.writeHead(301, {location: '/pages/engadget.html'}).end()
      return 301
    case '/huge':
      return send(response, 200, 'text/html', `<html><body>${'<p>Filler paragraph of a page that never ends.</p>'.repeat(80_000)}</body></html>`)
    case '/image.png':
      return send(response, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    case '/private/secret.html':
      return serveCached(request, response, 'text/html; charset=utf-8', readFileSync(new URL('pages/tmz-1/source.html', webFixtures)))
    default:
      return send(response, 404, 'text/plain', 'Not Found')
  }
}

/** ETag and Last-Modified, a 304 to a matching conditional request, and gzip or brotli when asked. */
function serveCached(request: IncomingMessage, response: ServerResponse, type: string, body: Buffer): number {
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
  response.setHeader('etag', etag)
  response.setHeader('last-modified', lastModified)
  if (request.headers['if-none-match'] === etag || (!request.headers['if-none-match'] && request.headers['if-modified-since'] === lastModified)) {
    response.writeHead(304).end()
    return 304
  }
  const accepted = String(request.headers['accept-encoding'] ?? '')
  if (/\bbr\b/.test(accepted) && type.includes('xml')) {
    response.setHeader('content-encoding', 'br')
    return send(response, 200, type, brotliCompressSync(body))
  }
  if (/\bgzip\b/.test(accepted)) {
    response.setHeader('content-encoding', 'gzip')
    return send(response, 200, type, gzipSync(body))
  }
  return send(response, 200, type, body)
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): number {
  response.writeHead(status, {'content-type': type}).end(body)
  return status
}

function fillFeed(template: string, base: string): string {
  return template
    .replaceAll('{{base}}', base)
    .replace(/\{\{html:([\w-]+)\}\}/g, (_, name: string) => escapeXml(readFileSync(new URL(`pages/${name}/expected.html`, webFixtures), 'utf8')))
    .replace(/\{\{json:([\w-]+)\}\}/g, (_, name: string) => JSON.stringify(readFileSync(new URL(`pages/${name}/expected.html`, webFixtures), 'utf8')))
}

function escapeXml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
