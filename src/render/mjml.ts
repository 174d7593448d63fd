import Handlebars from 'handlebars'
import type {Briefing} from '../chronology.js'
import {DigestError} from '../errors.js'
import type {Templates} from '../templates.js'

/** What the templates see besides the briefing itself. */
export interface View {
  lang: string
  dir: 'ltr' | 'rtl'
  brand: {name: string; color: string; logo?: string; footer: string; unsubscribeUrl?: string; webUrl?: string}
}

/**
 * Handlebars → MJML. Every value reaches the MJML through `{{…}}`, which escapes it, so article
 * text such as `<mj-text>` or `<script>` stays text; `{{x}}` inside article text is data, never
 * evaluated. A template error names the template file, line and column.
 */
export function renderMjml(briefing: Briefing, templates: Templates, view: View): string {
  const handlebars = Handlebars.create()
  for (const [name, source] of Object.entries(templates.partials)) {
    handlebars.registerPartial(name, compile(handlebars, source.text, source.file))
  }
  const layout = compile(handlebars, templates.layout.text, templates.layout.file)
  const context = {...view, briefing, periodLabel: periodLabel(briefing), preheader: preheaderOf(briefing)}
  try {
    return layout(context)
  } catch (error) {
    throw new DigestError(`Having trouble rendering ${templates.layout.file}: ${(error as Error).message}`, {cause: error, place: {file: templates.layout.file}})
  }
}

function compile(handlebars: typeof Handlebars, text: string, file: string) {
  try {
    // Parse now, not on first use, so a syntax error is reported against its own file.
    handlebars.parse(text)
    return handlebars.compile(text)
  } catch (error) {
    const message = (error as Error).message
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1)
    const column = Number(/column (\d+)/.exec(message)?.[1] ?? 0) + 1
    throw new DigestError(`Unexpected template syntax in ${file}: ${message.split('\n')[0]}`, {cause: error, place: {file, line, column}})
  }
}

function periodLabel(briefing: Briefing) {
  const {start, end} = briefing.period
  return start === end ? start : `${start} – ${end}`
}

function preheaderOf(briefing: Briefing) {
  const quote = briefing.topics.flatMap((topic) => topic.quotes).sort((a, b) => b.score - a.score)[0]
  return quote ? `“${quote.text}” — ${quote.speaker || 'unattributed'}` : briefing.articles.at(-1)?.lead ?? briefing.title
}
