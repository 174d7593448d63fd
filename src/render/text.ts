import type {Briefing} from '../briefing/chronology.js'
import {labelsFor} from './labels.js'
import {buildView, type View, type ViewOptions} from './view.js'

const width = 78
const hanging = ' '.repeat(13)

/**
 * The plain-text part, built from the briefing data (not scraped from the HTML): headings, a dated
 * timeline, quotes with their speakers, figures, and the source links listed at the end, each
 * cited as [n]. Lines are wrapped at 78 characters; only a URL longer than that stands alone.
 */
export function renderText(briefing: Briefing, options: ViewOptions): string {
  return textOfView(buildView(briefing, options))
}

/** `renderText` from a view already built: auto-fit builds one for both the MJML and the text. */
export function textOfView(view: View): string {
  const labels = labelsFor(view.lang)
  const lines: string[] = []
  const heading = (text: string) => lines.push('', '', labels.upper(text), '-'.repeat(Math.min(width, text.length)), '')
  lines.push(...wrap(labels.upper(view.title)), ...wrap(`${view.periodLabel} · ${view.countsLabel}`))
  if (view.more.count > 0) lines.push('', ...wrap(`${view.more.label}${view.more.url ? `: ${view.more.url}` : '.'}`))
  for (const note of view.notes) lines.push('', ...wrap(note))

  if (view.stories.length > 0) heading(labels.stories)
  for (const story of view.stories) lines.push(...wrap(`* ${story.title}: ${story.label} ${story.refs}`, '  ', '    '))

  if (view.timeline.length > 0) heading(labels.timeline)
  for (const entry of view.timeline) {
    lines.push(...hang(entry.dateLabel, `${entry.title}${cite(entry.ref)}`, hanging))
    if (entry.lead) lines.push(...wrap(entry.lead, hanging))
    if (entry.figure) lines.push(...wrap(`${labels.keyFigure}: ${entry.figure}`, hanging))
    lines.push('')
  }

  for (const topic of view.topics) {
    heading(topic.name)
    for (const quote of topic.quotes) {
      lines.push(...wrap(quote.frame ? quote.frame : `“${quote.text}”`, '  '))
      lines.push(...wrap(`— ${quote.speaker || labels.unattributed}${quote.source ? `, ${quote.source}` : ''}, ${quote.dateLabel}${cite(quote.ref)}${quote.reportedBy ? `; ${quote.reportedBy}` : ''}`, '    '), '')
    }
    if (topic.figures.length > 0) {
      lines.push(`  ${labels.figures}`)
      for (const figure of topic.figures) lines.push(...wrap(`* ${figure.text}, ${figure.dateLabel}${cite(figure.ref)}${figure.reportedBy ? `; ${figure.reportedBy}` : ''}`, '  ', '    '), ...wrap(figure.context, '    '))
      lines.push('')
    }
    for (const series of topic.series) {
      lines.push(...wrap(`${labels.overTime}, ${series.unit}: ${series.line}`, '  ', '    '), ...wrap(`(${series.steps.map((step) => step.dateLabel).join(' → ')})`, '    '), '')
    }
  }

  if (view.leftOut.count > 0) {
    heading(labels.leftOut)
    lines.push(...wrap(view.leftOut.summary))
    for (const item of view.leftOut.items) lines.push(...wrap(`* ${item.label}`, '  ', '    '))
    if (view.leftOut.more > 0) lines.push(...wrap(`… and ${view.leftOut.more} more (digest.json lists them all)`, '  '))
  }

  if (view.sources.length > 0) {
    heading(labels.sources)
    for (const source of view.sources) {
      lines.push(...hang(`[${source.n}]`, `${source.title}${source.source ? `. ${source.source}` : ''}, ${source.dateLabel}.`, '     '))
      if (source.url) lines.push(...wrap(source.url, '     '))
    }
  }

  lines.push('', '', '-- ', ...wrap(view.brand.footer))
  if (view.brand.webUrl) lines.push(...wrap(`${labels.readOnWeb}: ${view.brand.webUrl}`))
  if (view.brand.unsubscribeUrl) lines.push(...wrap(`${labels.unsubscribe}: ${view.brand.unsubscribeUrl}`))
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`
}

function cite(ref: number) {
  return ref > 0 ? ` [${ref}]` : ''
}

/** `label` in the margin, `text` wrapped beside it at `indent`. */
function hang(label: string, text: string, indent: string): string[] {
  const lines = wrap(text, indent)
  if (lines[0] !== undefined && label.length < indent.length) lines[0] = `${label.padEnd(indent.length)}${lines[0].slice(indent.length)}`
  else lines.unshift(label)
  return lines
}

function wrap(text: string, firstIndent = '', indent = firstIndent): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = firstIndent
  for (const word of words) {
    const prefix = line.trim() ? `${line} ` : line
    if (prefix.length + word.length > width && line.trim()) {
      lines.push(line)
      line = indent + word
    } else {
      line = prefix + word
    }
  }
  if (line.trim()) lines.push(line)
  return lines
}
