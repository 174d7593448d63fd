import http from 'node:http'
import net from 'node:net'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startPreview, type Preview} from '../../src/deliver/preview.js'
import {copySample, editedArticle, repoRoot} from './sample.js'

/** A request exactly as written, so no client tidies `..` away before the server sees it. */
function rawGet(url: string, target: string, host = '127.0.0.1'): Promise<{status: number; head: string; body: string}> {
  const {port} = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
    })
    let text = ''
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n')
      resolve({status: Number(head.split(' ')[1]), head, body})
    })
  })
}

describe('startPreview', () => {
  let dir: string
  let preview: Preview
  beforeAll(async () => {
    dir = await copySample()
    preview = await startPreview({cwd: dir, port: 0})
    await preview.settled()
  })
  afterAll(async () => {
    await preview?.close()
    await rm(dir, {recursive: true, force: true})
  })

  it('listens on 127.0.0.1 on a free port', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(preview.url).not.toBe('http://127.0.0.1:4000/')
  })

  it('serves the toolbar page, the email in all its parts and the status', async () => {
    const page = await fetch(preview.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<iframe id="email"')
    const email = await fetch(new URL('/email.html', preview.url))
    expect(email.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(email.headers.get('content-security-policy')).toBe("script-src 'none'")
    expect(await email.text()).toContain('Gaza hostage talks briefing')
    const text = await (await fetch(new URL('/email.txt', preview.url))).text()
    expect(text).toContain('Hostage negotiations remain at a standstill')
    expect(text).not.toContain('<')
    expect(await (await fetch(new URL('/email.mjml', preview.url))).text()).toMatch(/^<mjml/)
    expect(await (await fetch(new URL('/digest.json', preview.url))).json()).toMatchObject({title: 'Gaza hostage talks briefing'})
    const status = (await (await fetch(new URL('/status.json', preview.url))).json()) as {htmlBytes: number; findings: {severity: string}[]}
    expect(status).toMatchObject({ok: true, stale: false, budget: 102_400, articles: 5, errors: []})
    // The same findings `digest build` reports: client support notes, but no error on the sample.
    expect(status.findings.filter((finding) => finding.severity === 'error')).toEqual([])
    expect(status.htmlBytes).toBeGreaterThan(10_000)
    expect((await fetch(new URL('/preview.css', preview.url))).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/../../../../etc/passwd', '/package.json', '/%00', '/%E0%A4%A'])('answers %s with 404', async (target) => {
    const response = await rawGet(preview.url, target)
    expect(response.status).toBe(404)
    expect(response.body).not.toContain('"name"')
  })

  it('refuses a Host that is not loopback (DNS rebinding) and methods other than GET', async () => {
    expect((await rawGet(preview.url, '/email.html', 'attacker.example')).status).toBe(403)
    const post = await fetch(new URL('/email.html', preview.url), {method: 'POST', body: 'x'})
    expect(post.status).toBe(405)
  })

  it('tells an open event stream about the build that follows a save', async () => {
    const events: string[] = []
    const request = http.get(new URL('/events', preview.url))
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve))
    expect(response.headers['content-type']).toBe('text/event-stream')
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => events.push(chunk))
    const {version} = preview.state()
    const file = path.join(dir, editedArticle)
    await writeFile(file, (await readFile(file, 'utf8')).replace("title: 'Hostage negotiations remain at a standstill'", "title: 'Talks stall again'"))
    const builds = () => events.join('').split('\n\n').filter((event) => event.startsWith('event: build\n')).map((event) => JSON.parse(event.slice(event.indexOf('data: ') + 6)) as {version: number})
    await expect.poll(() => builds().at(-1), {timeout: 10_000}).toMatchObject({version: version + 1, title: 'Gaza hostage talks briefing', ok: true, building: false})
    expect(await (await fetch(new URL('/email.html', preview.url))).text()).toContain('Talks stall again')
    request.destroy()
  })
})

describe('startPreview on a port in use', () => {
  it('rejects with a message that names the port', async () => {
    const dir = await copySample()
    const first = await startPreview({cwd: dir, port: 0})
    const port = Number(new URL(first.url).port)
    await expect(startPreview({cwd: dir, port})).rejects.toThrow(`Cannot listen on 127.0.0.1:${port}: the port is in use`)
    await first.close()
    await rm(dir, {recursive: true, force: true})
  })
})

describe('startPreview with a templates folder', () => {
  it('rebuilds on a template save and answers ?scheme=dark as a client that honours prefers-color-scheme', async () => {
    const dir = await copySample()
    const layout = path.join(dir, 'templates', 'layout.mjml.hbs')
    await mkdir(path.dirname(layout), {recursive: true})
    const original = await readFile(path.join(repoRoot, 'templates', 'layout.mjml.hbs'), 'utf8')
    await writeFile(layout, original.replace('</mj-head>', '<mj-style>@media (prefers-color-scheme: dark) { .night { color: #eeeeee } }</mj-style></mj-head>'))
    const preview = await startPreview({cwd: dir, port: 0, templates: 'templates'})
    try {
      await preview.settled()
      const light = await (await fetch(new URL('/email.html', preview.url))).text()
      const dark = await (await fetch(new URL('/email.html?scheme=dark', preview.url))).text()
      expect(light).toMatch(/@media \(prefers-color-scheme: ?dark\)/)
      expect(dark).not.toMatch(/prefers-color-scheme/)
      expect(dark).toContain('@media (min-width: 0px)')

      const {version} = preview.state()
      await writeFile(layout, original.replace('</mj-head>', '<mj-style>.dawn { color: #123456 }</mj-style></mj-head>'))
      await expect.poll(() => preview.state().version, {timeout: 10_000}).toBeGreaterThan(version)
      expect(preview.state().changed).toEqual([path.join('templates', 'layout.mjml.hbs')])
      expect(await (await fetch(new URL('/email.html', preview.url))).text()).toContain('#123456')
    } finally {
      await preview.close()
      await rm(dir, {recursive: true, force: true})
    }
  })
})
