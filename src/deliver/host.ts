import net from 'node:net'
import os from 'node:os'

const loopback = new net.BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6')

// Only a host and an optional port: user info, a path or spaces would let the URL parser read a
// different host than the one a browser meant.
const hostHeader = /^(\[[0-9A-Fa-f:.]+\]|[^\s/?#@[\]\\:]+)(?::\d{0,5})?$/

/**
 * Decides whether a request's Host header names the address the preview is bound to. A page on
 * another site can reach a local server through DNS rebinding, but its requests still carry that
 * site's name, so anything else than our own address (or `localhost`, when that is where we
 * listen) is refused. Addresses are compared as the WHATWG URL parser writes them, so every
 * spelling of one address is that address: `[0:0:0:0:0:0:0:1]` is `[::1]`, `127.1` is
 * `127.0.0.1`. The port is not compared: a tunnel or a port forward may show another one.
 *
 * `bound` is the address the server listens on (`server.address().address`).
 */
export function createHostGuard(bound: string) {
  const wildcard = bound === '0.0.0.0' || bound === '::'
  const own = canonical(bound)
  const local = isLoopback(bound)
  return (header: string | undefined): boolean => {
    const match = hostHeader.exec(header ?? '')
    const name = match?.[1] === undefined ? undefined : canonical(match[1])
    if (name === undefined) return false
    const address = name.startsWith('[') ? name.slice(1, -1) : name
    if (net.isIP(address) === 0) return name === 'localhost' && (local || wildcard)
    // Bound to every interface, the server is reached by any address of this machine.
    if (wildcard) return isLoopback(address) || interfaceAddresses().has(name)
    return name === own
  }
}

/** An address or host name as the URL parser writes it; undefined when it is no valid host. */
function canonical(host: string): string | undefined {
  const bracketed = net.isIPv6(host) ? `[${host}]` : host
  try {
    return new URL(`http://${bracketed}/`).hostname
  } catch {
    return undefined
  }
}

function isLoopback(address: string) {
  const family = net.isIP(address)
  return family !== 0 && loopback.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/** Read on each request: an interface may come up or change its address while the preview runs. */
function interfaceAddresses() {
  const names = new Set<string>()
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      const name = canonical(entry.address)
      if (name !== undefined) names.add(name)
    }
  }
  return names
}
