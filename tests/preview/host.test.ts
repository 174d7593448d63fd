import net from 'node:net'
import os from 'node:os'
import {rm} from 'node:fs/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createHostGuard} from '../../src/deliver/host.js'
import {startPreview, type Preview} from '../../src/deliver/preview.js'
import {copySample} from './sample.js'

/** A GET written byte for byte, so the Host header is exactly the forged one (or absent). */
function statusWithHost(address: string, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, address, () => {
      socket.write(`GET /status.json HTTP/1.1\r\n${host === undefined ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`)
    })
    let text = ''
    socket.on('data', (chunk) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => resolve(Number(text.split(' ')[1])))
  })
}

// `PORT` stands for the port the preview listens on.
const binds = [
  {
    host: '127.0.0.2',
    url: /^http:\/\/127\.0\.0\.2:\d+\/$/,
    accepted: ['127.0.0.2:PORT', '127.0.0.2', '127.0.0.2:', 'localhost:PORT', 'LocalHost', '127.0.0.2:8080'],
    refused: ['evil.example', 'evil.example:PORT', '127.0.0.1:PORT', '127.0.0.2.nip.io:PORT', 'evil.example@127.0.0.2', '127.0.0.2/evil', '127.0.0.2 evil.example', '[::1]:PORT', '', undefined]
  },
  {
    // The long spelling of ::1, as a user may type it.
    host: '0:0:0:0:0:0:0:1',
    url: /^http:\/\/\[::1\]:\d+\/$/,
    accepted: ['[::1]:PORT', '[0:0:0:0:0:0:0:1]:PORT', '[0::1]', '[0000:0000:0000:0000:0000:0000:0000:0001]:PORT', 'localhost:PORT'],
    refused: ['evil.example:PORT', '::1', '[::2]:PORT', '127.0.0.1:PORT', '[::1].evil.example', '[::1]@evil.example', 'localhost.evil.example']
  },
  {
    host: '127.0.0.1',
    url: /^http:\/\/127\.0\.0\.1:\d+\/$/,
    // Other spellings of 127.0.0.1 that the URL standard reads as it.
    accepted: ['127.0.0.1:PORT', '127.1:PORT', '0x7f.0.0.1', '2130706433:PORT', 'localhost'],
    refused: ['attacker.example', '127.0.0.1.attacker.example', '127.0.0.2:PORT', '0.0.0.0:PORT', '[::1]:PORT', '127.0.0.1:PORT:1', 'attacker.example#@127.0.0.1']
  }
]

describe.each(binds)('the preview bound to $host', ({host, url, accepted, refused}) => {
  let dir: string
  let preview: Preview
  let address: string
  let port: number
  beforeAll(async () => {
    dir = await copySample()
    preview = await startPreview({cwd: dir, port: 0, host})
    const {hostname} = new URL(preview.url)
    address = hostname.replace(/^\[|\]$/g, '')
    port = Number(new URL(preview.url).port)
  })
  afterAll(async () => {
    await preview?.close()
    await rm(dir, {recursive: true, force: true})
  })

  it('prints its address as the URL standard writes it', () => {
    expect(preview.url).toMatch(url)
  })

  it.each(accepted)('answers a request with Host: %s', async (forged) => {
    expect(await statusWithHost(address, port, forged.replace('PORT', String(port)))).toBe(200)
  })

  it.each(refused)('refuses a request with Host: %s', async (forged) => {
    // Node's HTTP server answers a request without Host itself, with 400.
    expect(await statusWithHost(address, port, forged?.replace('PORT', String(port)))).toBe(forged === undefined ? 400 : 403)
  })
})

describe('createHostGuard bound to every interface', () => {
  it('takes this machine\'s addresses and localhost, never a name', () => {
    const allowed = createHostGuard('0.0.0.0')
    const own = Object.values(os.networkInterfaces()).flat().find((entry) => entry && !entry.internal && entry.family === 'IPv4')
    if (own) expect(allowed(`${own.address}:4000`)).toBe(true)
    expect(allowed('127.0.0.1:4000')).toBe(true)
    expect(allowed('localhost:4000')).toBe(true)
    expect(allowed('rebind.attacker.example:4000')).toBe(false)
    // TEST-NET-3: no machine here holds it.
    expect(allowed('203.0.113.9:4000')).toBe(false)
    expect(createHostGuard('::')('[::1]:4000')).toBe(true)
  })

  it('does not take localhost when bound to an address that is not loopback', () => {
    expect(createHostGuard('192.0.2.10')('localhost')).toBe(false)
    expect(createHostGuard('192.0.2.10')('192.0.2.10:4000')).toBe(true)
  })
})
