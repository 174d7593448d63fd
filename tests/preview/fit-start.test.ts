import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Briefing} from '../../src/briefing/chronology.js'
import {loadConfig, type Config} from '../../src/config.js'
import {loadArticles} from '../../src/load/files.js'
import {compile} from '../../src/pipeline.js'
import {renderEmail, type RenderedEmail} from '../../src/render/fit.js'
import {loadTemplates, type Templates} from '../../src/render/templates.js'
import {repoRoot} from './sample.js'

/** The preview hands auto-fit its last cut; wherever that cut is, the email must be the one a fresh fit makes. */
describe('auto-fit from the previous cut', () => {
  let briefing: Briefing
  let templates: Templates
  let config: Config
  let fresh: RenderedEmail
  // The sample's email is about 43 kB: a budget below it makes auto-fit leave items out.
  const budget = 30_000
  const fit = (lastDropped?: number) => renderEmail(briefing, templates, {lang: config.lang, dir: 'ltr', brand: config.brand, budget, ...(lastDropped === undefined ? {} : {lastDropped})})

  beforeAll(async () => {
    config = loadConfig(path.join(repoRoot, 'digest.config.yaml'), repoRoot)
    templates = await loadTemplates(undefined)
    briefing = (await compile(await loadArticles(['content'], repoRoot), config, templates)).briefing
    fresh = await fit()
  }, 60_000)

  it('leaves items out of the sample under a small budget', () => {
    expect(Buffer.byteLength(fresh.html)).toBeLessThanOrEqual(budget)
    expect(fresh.dropped.length).toBeGreaterThan(1)
  })

  it.each([[0], [1], [-1], [4], [-4], [1000]])('finds the same cut when the last one was off by %i', async (offset) => {
    const started = Math.max(0, fresh.dropped.length + offset)
    const fitted = await fit(started)
    expect(fitted.dropped).toEqual(fresh.dropped)
    expect(fitted.html).toBe(fresh.html)
    expect(fitted.webHtml).toBe(fresh.webHtml)
  })

  it('gives the whole email when it fits, whatever the last cut was', async () => {
    const roomy = await renderEmail(briefing, templates, {lang: config.lang, dir: 'ltr', brand: config.brand, lastDropped: 3})
    expect(roomy.dropped).toEqual([])
    expect(roomy.html).toBe(roomy.webHtml)
  })
})
