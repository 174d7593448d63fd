import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Command, CommanderError} from 'commander'
import {registerAdd} from './commands/add.js'
import {registerBuild} from './commands/build.js'
import {registerCheck} from './commands/check.js'
import {registerExtract} from './commands/extract.js'
import {registerFetch} from './commands/fetch.js'
import {registerInit} from './commands/init.js'
import {registerPreview} from './commands/preview.js'
import {registerSend} from './commands/send.js'
import {DigestError, EmptyBriefingError, UsageError} from './errors.js'
import {processIo, type Io} from './io.js'
import {packageRoot} from './paths.js'
import {formatMessage} from './report.js'

/**
 * The one place that decides how the process ends (CONTRACT.md): 0 success, 1 the input or the
 * environment made the command fail, 2 wrong usage. Commands resolve to 0 or 1, or throw.
 */
export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0
  const run = async (task: () => Promise<number>) => {
    exitCode = await task()
  }
  const program = new Command('digest')
    .description('Turn a folder of news articles into an email briefing')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text)
    })
    .showHelpAfterError('(run with --help for usage)')
  program.configureHelp({sortSubcommands: false})
  registerInit(program, io, run)
  registerBuild(program, io, run)
  registerExtract(program, io, run)
  registerCheck(program, io, run)
  registerPreview(program, io, run)
  registerSend(program, io, run)
  registerAdd(program, io, run)
  registerFetch(program, io, run)
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput())

  try {
    await program.parseAsync(argv, {from: 'user'})
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof DigestError) for (const message of error.messages ?? []) io.stderr.write(`${formatMessage(message)}\n`)
    io.stderr.write(`${describe(error)}\n`)
    if (error instanceof UsageError) return 2
    return 1
  }
}

/** `file:line:column  message`, then the chain of causes, so a foreign error is never lost. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const place = error instanceof DigestError && error.place ? `${error.place.file}:${error.place.line ?? 1}:${error.place.column ?? 1}  ` : ''
  const kind = error instanceof DigestError || error instanceof EmptyBriefingError ? '' : `${error.name}: `
  let text = `${place}${kind}${error.message}`
  let cause = error.cause
  while (cause instanceof Error) {
    text += `\n  caused by: ${cause.message}`
    cause = cause.cause
  }
  return text
}

/** Entry point of `bin/digest.js`. */
export function runMain(argv: string[]) {
  // `digest extract … | head -1`: the reader has what it wanted; stop quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      process.exit(process.exitCode ?? 0)
    })
  }
  runCli(argv).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`${describe(error)}\n`)
      process.exitCode = 1
    }
  )
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version
}
