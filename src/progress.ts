import cliProgress from 'cli-progress'
import type {Io} from './io.js'
import {isCI} from './report.js'

export interface Progress {
  /** `stage` names the step under way (reading, rendering, checking, writing); it replaces the label. */
  update(done: number, total: number, stage?: string): void
  stop(): void
}

/**
 * A progress bar on stderr when a person is watching: a TTY, not CI, not `--json`. Anywhere else
 * it does nothing, so logs and JSON output stay clean.
 */
export function createProgress(io: Io, label: string, options: {json?: boolean} = {}): Progress {
  if (!io.stderrIsTTY || options.json || isCI(io.env)) return {update() {}, stop() {}}
  const bar = new cliProgress.SingleBar(
    {format: '{stage} [{bar}] {value}/{total}', stream: io.stderr, hideCursor: true, clearOnComplete: true, noTTYOutput: true},
    cliProgress.Presets.shades_classic
  )
  let started = false
  return {
    update(done, total, stage = label) {
      const payload = {stage: stage.padEnd(20)}
      if (!started) {
        bar.start(total, done, payload)
        started = true
      } else {
        bar.setTotal(total)
        bar.update(done, payload)
      }
    },
    stop() {
      if (started) bar.stop()
    }
  }
}
