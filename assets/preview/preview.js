// The toolbar page: keeps its choices in the URL hash, reloads what it shows on every build.
const defaults = {view: 'email', width: 'desktop', scheme: 'light'}
const choices = {...defaults, ...Object.fromEntries(new URLSearchParams(location.hash.slice(1)))}
const sources = {text: '/email.txt', mjml: '/email.mjml', data: '/digest.json'}
const $ = (id) => document.getElementById(id)
const email = $('email')
const source = $('source')
// Version 0 is the server before its first build: nothing to show yet.
let shown = 0

for (const button of document.querySelectorAll('[data-set]')) {
  button.addEventListener('click', () => {
    choices[button.dataset.set] = button.dataset.value
    history.replaceState(null, '', `#${new URLSearchParams(choices)}`)
    apply()
    if (button.dataset.set === 'view' || button.dataset.set === 'scheme') show()
  })
}

$('checks-toggle').addEventListener('click', () => {
  const open = $('checks').hidden
  $('checks').hidden = !open
  $('checks-toggle').setAttribute('aria-expanded', String(open))
})

function apply() {
  for (const button of document.querySelectorAll('[data-set]')) {
    button.setAttribute('aria-pressed', String(choices[button.dataset.set] === button.dataset.value))
  }
  document.body.dataset.view = choices.view
  document.body.dataset.width = choices.width
  document.documentElement.dataset.scheme = choices.scheme
  email.hidden = choices.view !== 'email'
  source.hidden = choices.view === 'email'
}

/** Loads the current view again, keeping the reader's scroll position. */
async function show() {
  if (choices.view === 'email') {
    const scrollY = email.contentWindow?.scrollY ?? 0
    await new Promise((resolve) => {
      email.addEventListener('load', resolve, {once: true})
      email.contentWindow.location.replace(`/email.html?v=${shown}&scheme=${choices.scheme}`)
    })
    email.contentWindow.scrollTo(0, scrollY)
    // Links open in a new tab instead of replacing the email in its frame.
    for (const link of email.contentDocument.querySelectorAll('a[href]')) link.target = '_blank'
  } else {
    const response = await fetch(sources[choices.view], {cache: 'no-store'})
    const scrollTop = source.scrollTop
    source.textContent = await response.text()
    source.scrollTop = scrollTop
  }
  document.body.dataset.shown = String(shown)
}

async function refresh(status) {
  if (status.version <= shown) return
  shown = status.version
  renderStatus(status)
  if (status.rendered) await show()
}

function renderStatus(status) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1).replace(/\.0$/, '')} kB`
  if (status.htmlBytes !== undefined) {
    const ratio = status.htmlBytes / status.budget
    $('size-value').textContent = kb(status.htmlBytes)
    $('size').title = `${status.htmlBytes.toLocaleString('en')} of ${status.budget.toLocaleString('en')} bytes (${Math.round(ratio * 100)}%): Gmail clips larger HTML`
    $('size-fill').style.width = `${Math.min(100, ratio * 100)}%`
    $('size').dataset.level = ratio > 1 ? 'over' : ratio > 0.8 ? 'warn' : 'ok'
  } else {
    // A failed build has no size; the last good one's would pass for it.
    $('size-value').textContent = '–'
    $('size').title = status.version > 0 ? 'The last build failed: no size until a build succeeds' : 'Not built yet'
    $('size-fill').style.width = '0%'
    $('size').dataset.level = 'none'
  }
  $('size-budget').textContent = kb(status.budget)
  const rank = {error: 0, warning: 1, info: 2}
  const items = [
    ...status.findings.map((finding) => ({severity: finding.severity, place: finding.line ? `${finding.rule} · email.html:${finding.line}:${finding.column}` : finding.rule, text: finding.message})),
    ...status.messages.map((message) => ({severity: message.severity, place: `${message.file}:${message.line}:${message.column}`, text: message.reason})),
    ...status.dropped.map((item) => ({severity: 'info', place: `auto-fit · ${item.kind}${item.topic ? ` · ${item.topic}` : ''}`, text: `Left out to stay under the budget: ${item.label}`}))
  ].sort((a, b) => rank[a.severity] - rank[b.severity])
  const count = (severity) => items.filter((item) => item.severity === severity).length
  const [errors, warnings, notes] = [count('error'), count('warning'), count('info')]
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`
  $('checks-dot').dataset.level = errors > 0 ? 'error' : warnings > 0 ? 'warn' : 'ok'
  $('checks-label').textContent = errors + warnings === 0 ? (notes ? plural(notes, 'note') : 'No findings') : plural(errors + warnings, 'finding')
  $('checks-summary').textContent = items.length === 0
    ? 'digest check finds nothing to fix.'
    : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')} (partial support in some clients, items auto-fit left out).`
  $('findings').replaceChildren(...items.map((item) => {
    const li = document.createElement('li')
    li.dataset.severity = item.severity
    const code = document.createElement('code')
    code.textContent = `${item.severity} · ${item.place}`
    li.append(code, item.text)
    return li
  }))

  $('overlay').hidden = status.errors.length === 0
  $('overlay-note').textContent = !status.rendered ? '· nothing built yet'
    : status.stale ? '· showing the last good render' : '· showing the briefing without the articles below'
  $('errors').replaceChildren(...status.errors.map((error) => {
    const li = document.createElement('li')
    if (error.file) {
      const place = document.createElement('span')
      place.className = 'place'
      place.textContent = `${error.file}:${error.line}:${error.column}`
      li.append(place, '  ')
    }
    li.append(error.message)
    return li
  }))

  const state = status.errors.length > 0 ? 'error' : 'ok'
  $('status').dataset.state = state
  $('status').textContent = state === 'error'
    ? `${status.errors.length} error${status.errors.length === 1 ? '' : 's'}`
    : `Built in ${status.durationMs} ms`
  $('status').title = status.builtAt ? `Last build ${new Date(status.builtAt).toLocaleTimeString()}${status.changed.length ? ` after ${status.changed.join(', ')}` : ''}` : ''
  if (status.title !== undefined) {
    $('title').textContent = status.title
    document.title = `${status.errors.length > 0 ? '✕ ' : ''}${status.title} · digest preview`
  }
}

const events = new EventSource('/events')
events.addEventListener('building', () => {
  $('status').dataset.state = 'building'
  $('status').textContent = 'Building…'
})
events.addEventListener('build', (event) => {
  const status = JSON.parse(event.data)
  if (status.version > shown) refreshSoon(status)
})
events.addEventListener('error', () => {
  $('status').dataset.state = 'error'
  $('status').textContent = 'Disconnected'
  // A restarted server counts its builds from one again.
  shown = 0
})

// One refresh at a time, so two quick builds never load the frame twice at once.
let chain = Promise.resolve()
function refreshSoon(status) {
  chain = chain.then(() => refresh(status)).catch((error) => console.error(error))
}

apply()
