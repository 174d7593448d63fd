import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Command} from 'commander'
import type {Finding} from '../render/check.js'
import {newestBriefing} from './newest.js'
import {DigestError, UsageError} from '../errors.js'
import type {Io} from '../io.js'
import {formatMessage} from '../report.js'

/** `digest check [DIR] [--budget BYTES] [--json]`: lints a built briefing; exit 1 on an error. */
export function registerCheck(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('check')
    .description('Lint a built briefing (OUT/<id>/): size budget, client support (caniemail), alt text, links, text part')
    .argument('[dir]', 'the briefing folder (default: the newest one in out/)')
    .option('--budget <bytes>', 'largest allowed index.html in bytes (Gmail clips larger)', '102400')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--templates <dir>', 'the templates the briefing was built with, so findings name their lines (default: the config\'s `templates`)')
    .option('--json', 'print one JSON object with every finding')
    .action((dirArgument: string | undefined, flags: {budget: string; config?: string; templates?: string; json?: boolean}) => run(async () => {
      const budget = Number(flags.budget)
      if (!Number.isInteger(budget) || budget <= 0) throw new UsageError(`Unexpected --budget value \`${flags.budget}\`, expected a positive whole number of bytes`)
      // Loaded on use so that `digest --help` does not pay for zod and yaml.
      const {loadConfig} = await import('../config.js')
      const config = loadConfig(flags.config && path.resolve(io.cwd, flags.config), io.cwd)
      const dir = dirArgument ? path.resolve(io.cwd, dirArgument) : await newestBriefing(path.resolve(io.cwd, config.out ?? 'out'))
      const htmlFile = path.join(dir, 'index.html')
      const shown = path.relative(io.cwd, htmlFile) || htmlFile
      let html: string
      try {
        html = await readFile(htmlFile, 'utf8')
      } catch (error) {
        throw new DigestError(`Cannot read ${shown}, expected a briefing folder built by \`digest build\``, {cause: error, place: {file: shown}})
      }
      const text = await readFile(path.join(dir, 'index.txt'), 'utf8').catch(() => undefined)
      const mjmlFile = path.join(dir, 'email.mjml')
      const mjml = await readFile(mjmlFile, 'utf8').catch(() => undefined)
      const files = {html: shown, mjml: path.relative(io.cwd, mjmlFile) || mjmlFile}
      // caniemail's data is large: loaded only when a check runs.
      const [{checkEmail}, {loadTemplates}] = await Promise.all([import('../render/check.js'), import('../render/templates.js')])
      const templatesDir = flags.templates ? path.resolve(io.cwd, flags.templates) : config.templates
      const templates = await loadTemplates(templatesDir)
      const findings = checkEmail({
        html,
        budget,
        templates: [templates.layout, ...Object.values(templates.partials)],
        ...(text === undefined ? {} : {text}),
        ...(mjml === undefined ? {} : {mjml: {file: 'email.mjml', text: mjml}})
      })
      const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length
      const errors = count('error')
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({
          dir,
          html: htmlFile,
          htmlBytes: Buffer.byteLength(html),
          budget,
          errors,
          warnings: count('warning'),
          findings: findings.map((finding) => ({...placeOf(finding, files), severity: finding.severity, reason: finding.message, ruleId: finding.rule}))
        })}\n`)
      } else {
        for (const finding of findings) io.stdout.write(`${formatFinding(finding, files)}\n`)
        io.stderr.write(`${shown}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB (${Buffer.byteLength(html)} of ${budget} bytes); ${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} note${count('info') === 1 ? '' : 's'}\n`)
      }
      return errors > 0 ? 1 : 0
    }))
}

/** `out/x/index.html:3:7  warning  Unsupported: …  caniemail-unsupported`, as build and check print it. */
export function formatFinding(finding: Finding, files: FindingFiles, severity: Finding['severity'] = finding.severity) {
  return formatMessage({...placeOf(finding, files), severity, reason: finding.message, ruleId: finding.rule})
}

/** How the files a finding may name are shown: the HTML and `email.mjml` of the briefing folder. */
export interface FindingFiles {
  html: string
  mjml: string
}

/** A finding's place as the contract's messages give it; `email.mjml` is the one in the briefing folder. */
export function placeOf(finding: Finding, files: FindingFiles) {
  const file = finding.file === undefined ? files.html : finding.file === 'email.mjml' ? files.mjml : finding.file
  return {file, line: finding.line ?? 1, column: finding.column ?? 1}
}
