import type {Command} from 'commander'
import type {Io} from '../io.js'
import path from 'node:path'
import {reportMessages} from '../report.js'
import {placeOf} from './check.js'

/** `digest build`: see CONTRACT.md. Resolves to the exit code. */
export function registerBuild(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('build')
    .description('Build the briefing from the articles into OUT/<id>/ (HTML, text, MJML, data, .eml)')
    .option('--content <dir>', 'folder of articles (.md, .markdown, .txt) (default: the config\'s `content`, else content/)')
    .option('--out <dir>', 'folder the briefing folder is written into (default: the config\'s `out`, else out/)')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--templates <dir>', 'folder whose templates override the defaults, file by file')
    .option('--week <YYYY-Www>', 'only articles of this ISO week')
    .option('--since <YYYY-MM-DD>', 'only articles on or after this day')
    .option('--until <YYYY-MM-DD>', 'only articles on or before this day')
    .option('--title <text>', 'the briefing title (overrides `title` in the config file)')
    .option('--no-cache', 'parse every article afresh: neither read nor write .digest-cache/ (beside the out folder)')
    .option('--explain', 'list every candidate quote and figure with its score breakdown and why it was or was not picked')
    .option('--json', 'print one JSON object describing the result')
    .action((flags: {content?: string; out?: string; config?: string; templates?: string; week?: string; since?: string; until?: string; title?: string; cache: boolean; explain?: boolean; json?: boolean}) => run(async () => {
      // Loaded on use so that `digest --help` does not pay for zod, MJML and unified.
      const [{build}, {createProgress}, {configFromFlags, formatExplain, windowFromFlags}] = await Promise.all([import('../pipeline.js'), import('../progress.js'), import('./flags.js')])
      const window = windowFromFlags(flags)
      const overrides = configFromFlags(flags)
      const progress = createProgress(io, 'Reading articles', {json: flags.json})
      let written
      try {
        written = await build({
          cwd: io.cwd,
          ...(flags.content ? {content: flags.content} : {}),
          ...(flags.out ? {out: flags.out} : {}),
          onProgress: progress.update,
          cache: flags.cache,
          overrides,
          ...(flags.config ? {config: flags.config} : {}),
          ...(flags.templates ? {templates: flags.templates} : {}),
          ...(window ? {window} : {})
        })
      } finally {
        progress.stop()
      }
      const {quotes, figures} = written.counts
      const htmlBytes = Buffer.byteLength(written.html)
      const shown = (file: string) => path.relative(io.cwd, file) || file
      const files = {html: shown(written.files.html), mjml: shown(written.files.mjml)}
      // Messages go to stderr in every mode (CONTRACT.md); with --json they are in the result too.
      io.stderr.write(await reportMessages(written.messages, io))
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({
          dir: written.dir,
          html: written.files.html,
          text: written.files.text,
          data: written.files.data,
          eml: written.files.eml,
          articles: written.counts.articles,
          quotes,
          figures,
          htmlBytes,
          messages: written.messages,
          web: written.files.web,
          dropped: written.dropped,
          findings: written.findings.map((finding) => ({...placeOf(finding, files), severity: finding.severity, reason: finding.message, ruleId: finding.rule})),
          ...(flags.explain ? {explain: written.selection.decisions} : {})
        })}\n`)
      } else {
        // The same checks as `digest check`, as warnings: the briefing is built either way.
        const notes = written.findings.filter((finding) => finding.severity === 'info').length
        io.stderr.write(await reportMessages(written.findings.filter((finding) => finding.severity !== 'info').map((finding) => ({...placeOf(finding, files), severity: 'warning', reason: finding.message, ruleId: finding.rule})), io))
        if (written.dropped.length > 0) {
          io.stderr.write(`Auto-fit left ${written.dropped.length} item${written.dropped.length === 1 ? '' : 's'} out of the email to stay under the 102,400-byte budget (web.html keeps them):\n`)
          for (const item of written.dropped.slice(0, 20)) io.stderr.write(`  ${item.kind.padEnd(7)} ${item.score.toFixed(1).padStart(5)}  ${item.topic ? `[${item.topic}] ` : ''}${item.label.length > 90 ? `${item.label.slice(0, 89)}…` : item.label}\n`)
          if (written.dropped.length > 20) io.stderr.write(`  … and ${written.dropped.length - 20} more (\`--json\` lists them all)\n`)
        }
        io.stdout.write(`${written.dir}\n`)
        // Asked for, the explanation is part of the result, so it goes to stdout after the folder.
        if (flags.explain) io.stdout.write(formatExplain(written.selection.decisions))
        io.stderr.write(`Built ${count(written.counts.articles, 'article')}, ${count(quotes, 'quote')}, ${count(figures, 'figure')}${leftOut(written.omitted)}; index.html is ${htmlBytes.toLocaleString('en')} bytes (budget 102,400)${notes > 0 ? `; ${notes} partial-support notes (see \`digest check\`)` : ''}\n`)
      }
      // The briefing from the good articles is written, but a left-out article needs attention.
      return written.messages.some((message) => message.severity === 'error') ? 1 : 0
    }))
}

/** "; 3 left out (2 outside the window, 1 duplicate of another)": the summary says what the briefing does not show. */
function leftOut(omitted: {why: string}[]) {
  if (omitted.length === 0) return ''
  const reasons = new Map<string, number>()
  for (const entry of omitted) {
    const reason = entry.why.replace(/^(duplicate of|unreadable|outside the window|over limits\.articles).*$/, '$1').replace(/^duplicate of$/, 'duplicates')
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  }
  return ` (${omitted.length} left out: ${[...reasons.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ')})`
}

function count(n: number, noun: string) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
