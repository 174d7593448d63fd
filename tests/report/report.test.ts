import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {createProgress} from '../../src/progress.js'
import {isCI, reportMessages, useColor} from '../../src/report.js'
import type {Io} from '../../src/io.js'
import type {Message} from '../../src/types.js'

const messages: Message[] = [
  {file: 'content/a.md', line: 3, column: 7, severity: 'error', reason: 'Unexpected `date` value "2024-13-45", expected a date as YYYY-MM-DD', ruleId: 'date'},
  {file: 'content/b.md', line: 1, column: 1, severity: 'warning', reason: 'Unexpected empty body, expected paragraphs', ruleId: 'body'}
]

function io(env: NodeJS.ProcessEnv, stderrIsTTY: boolean): Io & {written: () => string} {
  const stderr = new PassThrough()
  let text = ''
  stderr.on('data', (chunk: Buffer) => (text += chunk))
  return {stdout: new PassThrough(), stderr, stderrIsTTY, env, cwd: '/', written: () => text}
}

describe('reportMessages', () => {
  it('gives logs and CI one file:line:column line per message', async () => {
    expect(await reportMessages(messages, io({CI: '1'}, true))).toBe('content/a.md:3:7  error  Unexpected `date` value "2024-13-45", expected a date as YYYY-MM-DD  date\ncontent/b.md:1:1  warning  Unexpected empty body, expected paragraphs  body\n')
    expect(await reportMessages(messages, io({}, false))).toContain('content/b.md:1:1  warning  ')
  })

  it('gives a terminal vfile-reporter\'s report, in colour unless NO_COLOR', async () => {
    const coloured = await reportMessages(messages, io({}, true))
    expect(coloured).toMatch(/content\/a\.md/)
    expect(coloured).toMatch(/3:7/)
    expect(coloured).toMatch(/1 error/)
    expect(coloured).toContain('\u001B[')
    const plain = await reportMessages(messages, io({NO_COLOR: '1'}, true))
    expect(plain).not.toContain('\u001B[')
    expect(plain).toMatch(/3:7 +error +Unexpected `date` value/)
  })

  it('reads NO_COLOR, FORCE_COLOR and CI as their conventions say', () => {
    expect(useColor({env: {}, stderrIsTTY: true})).toBe(true)
    expect(useColor({env: {}, stderrIsTTY: false})).toBe(false)
    expect(useColor({env: {FORCE_COLOR: '1'}, stderrIsTTY: false})).toBe(true)
    expect(useColor({env: {FORCE_COLOR: '0'}, stderrIsTTY: true})).toBe(false)
    expect(useColor({env: {NO_COLOR: '1', FORCE_COLOR: '1'}, stderrIsTTY: true})).toBe(false)
    expect(isCI({CI: 'true'})).toBe(true)
    expect(isCI({CI: '1'})).toBe(true)
    expect(isCI({CI: 'false'})).toBe(false)
    expect(isCI({CI: '0'})).toBe(false)
    expect(isCI({})).toBe(false)
  })
})

describe('createProgress', () => {
  it('draws on a terminal when CI=false, naming each stage, and stays silent in CI', () => {
    const local = io({CI: 'false'}, true)
    const bar = createProgress(local, 'Reading articles')
    bar.update(1, 5, 'Reading articles')
    bar.update(4, 5, 'Checking the email')
    bar.stop()
    expect(local.written()).toContain('Checking the email')
    const ci = io({CI: 'true'}, true)
    const silent = createProgress(ci, 'Reading articles')
    silent.update(1, 5, 'Reading articles')
    silent.stop()
    expect(ci.written()).toBe('')
  })
})
