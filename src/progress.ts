import cliProgress from 'cli-progress'
import type {Io} from './io.js'

export interface Progress {
  update(done: number, total: number): void
  stop(): void
}

/**
 * A progress bar on stderr when a person is watching: a TTY, not CI, not `--json`. Anywhere else
 * it does nothing, so logs and JSON output stay clean.
 */
export function createProgress(io: Io, label: string, options: {json?: boolean} = {}): Progress {
  if (!io.stderrIsTTY || options.json || io.env.CI) return {update() {}, stop() {}}
  const bar = new cliProgress.SingleBar(
    {format: `${label} [{bar}] {value}/{total}`, stream: io.stderr, hideCursor: true, clearOnComplete: true},
    cliProgress.Presets.shades_classic
  )
  let started = false
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done)
        started = true
      } else {
        bar.setTotal(total)
        bar.update(done)
      }
    },
    stop() {
      if (started) bar.stop()
    }
  }
}
