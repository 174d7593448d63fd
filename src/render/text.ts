import type {Briefing} from '../chronology.js'

const width = 78

/** The plain-text part, built from the briefing data (not scraped from the HTML), wrapped at 78. */
export function renderText(briefing: Briefing, footer: string): string {
  const lines: string[] = []
  const heading = (text: string) => lines.push('', text.toUpperCase(), '='.repeat(Math.min(width, text.length)), '')
  lines.push(...wrap(briefing.title), `${briefing.period.start} – ${briefing.period.end}`)
  heading('Timeline')
  for (const article of briefing.articles) {
    lines.push(...wrap(`${article.date}  ${article.title}`, '            '))
    lines.push(...wrap(article.lead, '            ', '            '))
    if (article.topFigure) lines.push(...wrap(`Key figure: ${article.topFigure.text}`, '            ', '            '))
    lines.push('')
  }
  for (const topic of briefing.topics) {
    heading(topic.name)
    for (const quote of topic.quotes) {
      lines.push(...wrap(`“${quote.text}”`, '  ', '  '), ...wrap(`— ${quote.speaker || 'unattributed'}, ${quote.date}`, '    ', '    '), '')
    }
    for (const figure of topic.figures) lines.push(...wrap(`* ${figure.text} (${figure.date})`, '  ', '  '))
    if (topic.figures.length > 0) lines.push('')
  }
  const linked = briefing.articles.filter((article) => article.url)
  if (linked.length > 0) {
    heading('Sources')
    linked.forEach((article, index) => lines.push(...wrap(`[${index + 1}] ${article.title}: ${article.url}`, '', '    ')))
  }
  lines.push('', '-- ', ...wrap(footer))
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`
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
