/** What `digest check` and `digest build` report about a built email. */
export interface Finding {
  severity: 'error' | 'warning'
  rule: string
  message: string
}

export interface CheckInput {
  html: string
  text?: string
  /** Bytes; Gmail clips messages whose HTML is larger. @default 102400 */
  budget?: number
}

const defaults = {budget: 102_400}

/**
 * Lints a built email: size against the budget, images without `alt`, links that are not
 * http(s) or mailto, and a missing plain-text part.
 */
export function checkEmail(input: CheckInput): Finding[] {
  const settings = {...defaults, ...input}
  const findings: Finding[] = []
  const bytes = Buffer.byteLength(settings.html)
  if (bytes > settings.budget) {
    findings.push({severity: 'error', rule: 'size', message: `Unexpected HTML size ${bytes} bytes, expected at most ${settings.budget} (Gmail clips larger messages)`})
  }
  for (const image of settings.html.match(/<img\b[^>]*>/gi) ?? []) {
    if (!/\balt\s*=/i.test(image)) findings.push({severity: 'error', rule: 'img-alt', message: `Unexpected image without alt text, expected alt="…": ${image.slice(0, 80)}`})
  }
  for (const match of settings.html.matchAll(/<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const href = (match[2] ?? match[3] ?? '').trim()
    if (!/^(?:https?:|mailto:)/i.test(href)) findings.push({severity: 'error', rule: 'link-scheme', message: `Unexpected link \`${href.slice(0, 80)}\`, expected an http(s) or mailto link`})
  }
  if (settings.text === undefined || settings.text.trim() === '') {
    findings.push({severity: 'error', rule: 'text-part', message: 'Unexpected missing plain-text part, expected index.txt'})
  }
  return findings
}
