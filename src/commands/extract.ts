import type {Command} from 'commander'
import type {Io} from '../io.js'
import {reportMessages} from '../report.js'

/** `digest extract PATH... [--json]`: the quotes and figures of each article, with scores. */
export function registerExtract(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('extract')
    .description('Print the key quotes and figures found in articles (files or folders)')
    .argument('<path...>', 'article files or folders')
    .option('--json', 'one JSON object per article (JSON Lines)')
    .action((paths: string[], flags: {json?: boolean}) => run(async () => {
      const [{loadArticles}, {analyzeArticles}, {toMessages}] = await Promise.all([import('../load/files.js'), import('../extract/analyze.js'), import('../pipeline.js')])
      const files = await loadArticles(paths, io.cwd)
      const articles = analyzeArticles(files, {requireDate: false})
      const messages = files.flatMap(toMessages)
      io.stderr.write(await reportMessages(messages, io))
      const withBom = new Set(files.filter((file) => file.data.bom).map((file) => file.path))
      for (const article of articles) {
        if (flags.json) {
          // The contract's offsets index the file as read, byte-order mark included.
          const shift = withBom.has(article.file) ? 1 : 0
          const shifted = <T extends {start: number; end: number}>(item: T): T => ({...item, start: item.start + shift, end: item.end + shift})
          io.stdout.write(`${JSON.stringify({
            file: article.file,
            ...(article.title ? {title: article.title} : {}),
            ...(article.date ? {date: article.date} : {}),
            quotes: article.quotes.map(shifted),
            figures: article.figures.map(shifted)
          })}\n`)
          continue
        }
        io.stdout.write(`${article.file}${article.date ? `  ${article.date}` : ''}  ${article.title}\n`)
        for (const quote of article.quotes) {
          io.stdout.write(`  quote  ${quote.score.toFixed(1).padStart(5)}  “${quote.text}” — ${quote.speaker || '(no speaker)'} [${quote.kind}]\n`)
        }
        for (const figure of article.figures) {
          const value = Array.isArray(figure.value) ? figure.value.join('–') : String(figure.value)
          io.stdout.write(`  figure ${figure.score.toFixed(1).padStart(5)}  ${figure.text}  = ${figure.qualifier ? `${figure.qualifier} ` : ''}${value} ${figure.unit}\n`)
        }
      }
      return messages.some((message) => message.severity === 'error') ? 1 : 0
    }))
}
