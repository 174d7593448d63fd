import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config.js'
import {DigestError} from '../../src/errors.js'

const folder = mkdtempSync(path.join(tmpdir(), 'digest-config-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))
const write = (name: string, text: string) => {
  const file = path.join(folder, name)
  writeFileSync(file, text)
  return file
}

describe('loadConfig', () => {
  it('gives defaults without a file', () => {
    const config = loadConfig(undefined, folder)
    expect(config).toMatchObject({title: 'Weekly briefing', window: 'week', timezone: 'UTC', topics: [], limits: {quotesPerTopic: 3, figuresPerTopic: 3, articles: 50}})
  })

  it('lets the file override defaults and flags override the file; lists replace', () => {
    const file = write('ok.yaml', 'title: From the file\nwindow: {days: 7}\nlimits: {quotesPerTopic: 2}\ntopics:\n  - name: Talks\n    keywords: [talks, "peace deal"]\n')
    const config = loadConfig(file, folder, {title: 'From a flag'})
    expect(config.title).toBe('From a flag')
    expect(config.window).toEqual({days: 7})
    expect(config.limits).toEqual({quotesPerTopic: 2, figuresPerTopic: 3, articles: 50})
    expect(config.topics).toEqual([{name: 'Talks', keywords: ['talks', 'peace deal'], weight: 1}])
  })

  it('lists every issue with its key path and line', () => {
    const file = write('bad.yaml', 'window: month\ntimezone: Mars/Olympus\ntopics:\n  - name: A\n    keywords: []\n  - name: A\n    keywords: [a]\nbrand:\n  color: blue\n')
    let error: unknown
    try {
      loadConfig(file, folder)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DigestError)
    const message = (error as Error).message
    expect(message).toMatch(/5 issues/)
    expect(message).toContain(`${file}:1:9  window: Unexpected window, expected \`all\`, \`week\` or \`{days: N}\``)
    expect(message).toMatch(/:2:\d+ {2}timezone: /)
    expect(message).toMatch(/:5:\d+ {2}topics\.0\.keywords: Unexpected empty list/)
    expect(message).toMatch(/:6:\d+ {2}topics\.1\.name: Unexpected second topic named `A`/)
    expect(message).toMatch(/:9:\d+ {2}brand\.color: /)
  })
})
