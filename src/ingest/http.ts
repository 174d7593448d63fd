import {setTimeout as sleep} from 'node:timers/promises'
import pLimit, {type LimitFunction} from 'p-limit'
import robotsParserModule from 'robots-parser'
import {DigestError} from '../errors.js'

export interface HttpOptions {
  /** Sent with every request, so a site's operator can see who is asking. */
  userAgent: string
  /** Whole request, body included. @default 30000 */
  timeoutMs?: number
  /** A larger body is abandoned. @default 10 MiB */
  maxBytes?: number
  /** @default 5 */
  maxRedirects?: number
  /** Attempts for a 429, a 5xx or a dropped connection, the first included. @default 4 */
  attempts?: number
  /** The first retry waits this long, each next one twice as long. @default 1000 */
  retryDelayMs?: number
  /** A `Retry-After` asking for longer than this is not waited for. @default 60000 */
  maxRetryAfterMs?: number
  /** Requests in flight to one host at a time. @default 2 */
  perHost?: number
  ignoreRobots?: boolean
}

export interface Validators {
  etag?: string
  lastModified?: string
}

export interface HttpResponse {
  /** The URL after redirects. */
  url: string
  status: number
  /** Empty for a 304. */
  body: Buffer
  contentType: string
  validators: Validators
  notModified: boolean
}

/** The request failed for a reason worth telling the user as is (status, size, robots.txt…). */
export class FetchError extends DigestError {
  override name = 'FetchError'
}

// robots-parser is CommonJS: its module object is the function its types call the default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => {isAllowed(url: string, agent?: string): boolean | undefined}

const retriedStatuses = new Set([429, 500, 502, 503, 504])

/**
 * A polite HTTP client: a User-Agent naming digest, a few requests per host at a time, a timeout
 * and a size cap on every response, at most `maxRedirects` redirects between http(s) URLs, gzip
 * and brotli (Node's fetch decodes both), retries with exponential backoff that honour
 * `Retry-After`, and robots.txt (RFC 9309) checked before every URL unless told otherwise.
 */
export class HttpClient {
  private readonly settings: Required<HttpOptions>
  private readonly hostLimits = new Map<string, LimitFunction>()
  private readonly robots = new Map<string, Promise<(url: string) => boolean>>()
  private readonly timers = new WeakMap<Response, SilenceTimer>()
  /** Requests actually sent (robots.txt included): what the tests count round trips with. */
  requests = 0

  constructor(options: HttpOptions) {
    this.settings = {timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, attempts: 4, retryDelayMs: 1000, maxRetryAfterMs: 60_000, perHost: 2, ignoreRobots: false, ...options}
  }

  /** GET `url`, following redirects; a 304 to the validators given is `notModified`. */
  async get(url: string, validators: Validators = {}): Promise<HttpResponse> {
    let current = httpUrl(url)
    for (let hop = 0; ; hop++) {
      if (!this.settings.ignoreRobots && !(await this.robotsAllow(current))) {
        throw new FetchError(`Unexpected robots.txt rule of ${current.host} disallowing ${current.href} for digest, expected it allowed (use --ignore-robots to fetch it anyway)`)
      }
      const response = await this.request(current, validators)
      const location = response.status >= 300 && response.status < 400 && response.status !== 304 ? response.headers.get('location') : null
      if (!location) return this.read(current, response)
      this.timers.get(response)?.stop()
      await response.body?.cancel()
      if (hop >= this.settings.maxRedirects) {
        throw new FetchError(`Unexpected redirect number ${hop + 1} at ${current.href}, expected at most ${this.settings.maxRedirects} redirects`)
      }
      current = httpUrl(new URL(location, current).href)
    }
  }

  private async request(url: URL, validators: Validators): Promise<Response> {
    const limit = this.hostLimit(url.host)
    for (let attempt = 1; ; attempt++) {
      let response: Response
      // The timeout is for silence, not for the whole transfer: it restarts as each chunk arrives
      // (see `read`), so a large page on a slow link is not cut off while it is still coming.
      const silence = new SilenceTimer(this.settings.timeoutMs)
      try {
        response = await limit(() => {
          this.requests++
          silence.restart()
          return fetch(url, {
            redirect: 'manual',
            signal: silence.signal,
            headers: {
              'user-agent': this.settings.userAgent,
              accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,*/*;q=0.5',
              'accept-encoding': 'gzip, br, deflate',
              ...(validators.etag ? {'if-none-match': validators.etag} : {}),
              ...(validators.lastModified ? {'if-modified-since': validators.lastModified} : {})
            }
          })
        })
      } catch (error) {
        silence.stop()
        if (isTimeout(error)) throw new FetchError(`Unexpected silence from ${url.href}, expected a response within ${this.settings.timeoutMs / 1000} s`, {cause: error})
        if (attempt >= this.settings.attempts || !isTransient(error)) {
          throw new FetchError(`Cannot reach ${url.href}: ${describeNetworkError(error)}`, {cause: error})
        }
        await sleep(this.backoff(attempt))
        continue
      }
      if (!retriedStatuses.has(response.status) || attempt >= this.settings.attempts) {
        this.timers.set(response, silence)
        return response
      }
      silence.stop()
      const wait = retryAfter(response.headers.get('retry-after')) ?? this.backoff(attempt)
      await response.body?.cancel()
      if (wait > this.settings.maxRetryAfterMs) {
        throw new FetchError(`Unexpected Retry-After of ${Math.round(wait / 1000)} s from ${url.href} (HTTP ${response.status}), expected at most ${this.settings.maxRetryAfterMs / 1000} s`)
      }
      await sleep(wait)
    }
  }

  private async read(url: URL, response: Response): Promise<HttpResponse> {
    const silence = this.timers.get(response)
    try {
      return await this.readBody(url, response, silence)
    } finally {
      silence?.stop()
    }
  }

  private async readBody(url: URL, response: Response, silence: SilenceTimer | undefined): Promise<HttpResponse> {
    const validators: Validators = {}
    const etag = response.headers.get('etag')
    const lastModified = response.headers.get('last-modified')
    if (etag) validators.etag = etag
    if (lastModified) validators.lastModified = lastModified
    const contentType = response.headers.get('content-type') ?? ''
    if (response.status === 304) return {url: url.href, status: 304, body: Buffer.alloc(0), contentType, validators, notModified: true}
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel()
      throw new FetchError(`Unexpected HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${url.href}, expected 200 OK`)
    }
    const declared = Number(response.headers.get('content-length'))
    if (declared > this.settings.maxBytes) {
      await response.body?.cancel()
      throw new FetchError(tooLarge(url, this.settings.maxBytes))
    }
    const chunks: Uint8Array[] = []
    let size = 0
    try {
      for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength
        silence?.restart()
        if (size > this.settings.maxBytes) throw new FetchError(tooLarge(url, this.settings.maxBytes))
        chunks.push(chunk)
      }
    } catch (error) {
      if (error instanceof FetchError) throw error
      if (isTimeout(error)) throw new FetchError(`Unexpected silence from ${url.href}, expected the whole response within ${this.settings.timeoutMs / 1000} s`, {cause: error})
      throw new FetchError(`Cannot read the response from ${url.href}: ${describeNetworkError(error)}`, {cause: error})
    }
    return {url: url.href, status: response.status, body: Buffer.concat(chunks), contentType, validators, notModified: false}
  }

  private hostLimit(host: string): LimitFunction {
    let limit = this.hostLimits.get(host)
    if (!limit) {
      limit = pLimit(this.settings.perHost)
      this.hostLimits.set(host, limit)
    }
    return limit
  }

  private robotsAllow(url: URL): Promise<boolean> {
    let rules = this.robots.get(url.origin)
    if (!rules) {
      rules = this.loadRobots(url.origin)
      this.robots.set(url.origin, rules)
    }
    return rules.then((allows) => allows(url.href))
  }

  /** RFC 9309: a 4xx robots.txt allows everything; one that cannot be read (5xx, no answer) allows nothing. */
  private async loadRobots(origin: string): Promise<(url: string) => boolean> {
    const robotsUrl = `${origin}/robots.txt`
    let response: Response
    try {
      response = await this.request(new URL(robotsUrl), {})
      // Robots files may redirect (http → https); follow one hop without counting it against the page.
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null
      if (location) {
        await response.body?.cancel()
        response = await this.request(httpUrl(new URL(location, robotsUrl).href), {})
      }
    } catch {
      return () => false
    }
    if (response.status >= 400 && response.status < 500) {
      await response.body?.cancel()
      return () => true
    }
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel()
      return () => false
    }
    const text = (await this.read(new URL(robotsUrl), response)).body.toString('utf8')
    const robots = robotsParser(robotsUrl, text)
    return (url) => robots.isAllowed(url, 'digest') !== false
  }

  private backoff(attempt: number) {
    return this.settings.retryDelayMs * 2 ** (attempt - 1)
  }
}

/** Aborts when nothing has happened for `ms`; `restart` whenever something does. */
class SilenceTimer {
  private readonly controller = new AbortController()
  private timer: NodeJS.Timeout | undefined
  readonly signal = this.controller.signal

  constructor(private readonly ms: number) {}

  restart() {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.controller.abort(new DOMException('silent for too long', 'TimeoutError')), this.ms).unref()
  }

  stop() {
    clearTimeout(this.timer)
  }
}

/** Parses `url` and refuses any scheme but http and https. */
export function httpUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (error) {
    throw new FetchError(`Unexpected source ${JSON.stringify(url)}, expected an http(s) URL`, {cause: error})
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(`Unexpected ${parsed.protocol.slice(0, -1)}: URL ${url}, expected http or https`)
  }
  return parsed
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

function isTimeout(error: unknown) {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

function isTransient(error: unknown) {
  const code = (error as {cause?: {code?: string}}).cause?.code
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN'
}

function describeNetworkError(error: unknown) {
  const cause = (error as {cause?: {code?: string; message?: string}}).cause
  if (cause?.code === 'ENOTFOUND') return 'no such host (DNS lookup failed)'
  return cause?.message ?? (error instanceof Error ? error.message : String(error))
}

function tooLarge(url: URL, maxBytes: number) {
  return `Unexpected response larger than ${Math.round(maxBytes / 1024 / 1024)} MiB from ${url.href}, expected a web page or a feed`
}
