import type {Command} from 'commander'
import type {Io} from '../io.js'
import {build} from '../pipeline.js'
import {createProgress} from '../progress.js'
import {formatMessage} from '../report.js'
import {configFromFlags, formatExplain, windowFromFlags} from './flags.js'

/** `digest build`: see CONTRACT.md. Resolves to the exit code. */
export function registerBuild(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('build')
    .description('Build the briefing from the articles into OUT/<id>/ (HTML, text, MJML, data, .eml)')
    .option('--content <dir>', 'folder of articles (.md, .markdown, .txt)', 'content')
    .option('--out <dir>', 'folder the briefing folder is written into', 'out')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--templates <dir>', 'folder whose templates override the defaults, file by file')
    .option('--week <YYYY-Www>', 'only articles of this ISO week')
    .option('--since <YYYY-MM-DD>', 'only articles on or after this day')
    .option('--until <YYYY-MM-DD>', 'only articles on or before this day')
    .option('--title <text>', 'the briefing title (overrides `title` in the config file)')
    .option('--explain', 'list every candidate quote and figure with its score breakdown and why it was or was not picked')
    .option('--json', 'print one JSON object describing the result')
    .action((flags: {content: string; out: string; config?: string; templates?: string; week?: string; since?: string; until?: string; title?: string; explain?: boolean; json?: boolean}) => run(async () => {
      const window = windowFromFlags(flags)
      const overrides = configFromFlags(flags)
      const progress = createProgress(io, 'Reading articles', {json: flags.json})
      let written
      try {
        written = await build({
          content: flags.content,
          out: flags.out,
          cwd: io.cwd,
          onProgress: progress.update,
          overrides,
          ...(flags.config ? {config: flags.config} : {}),
          ...(flags.templates ? {templates: flags.templates} : {}),
          ...(window ? {window} : {})
        })
      } finally {
        progress.stop()
      }
      const quotes = written.briefing.topics.reduce((sum, topic) => sum + topic.quotes.length, 0)
      const figures = written.briefing.topics.reduce((sum, topic) => sum + topic.figures.length, 0)
      const htmlBytes = Buffer.byteLength(written.html)
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({
          dir: written.dir,
          html: written.files.html,
          text: written.files.text,
          data: written.files.data,
          eml: written.files.eml,
          articles: written.briefing.articles.length,
          quotes,
          figures,
          htmlBytes,
          messages: written.messages,
          ...(flags.explain ? {explain: written.selection.decisions} : {})
        })}\n`)
      } else {
        for (const message of written.messages) io.stderr.write(`${formatMessage(message)}\n`)
        io.stdout.write(`${written.dir}\n`)
        // Asked for, the explanation is part of the result, so it goes to stdout after the folder.
        if (flags.explain) io.stdout.write(formatExplain(written.selection.decisions))
        io.stderr.write(`Built ${written.briefing.articles.length} articles, ${quotes} quotes, ${figures} figures; index.html is ${(htmlBytes / 1024).toFixed(1)} KB\n`)
      }
      // The briefing from the good articles is written, but a left-out article needs attention.
      return written.messages.some((message) => message.severity === 'error') ? 1 : 0
    }))
}
