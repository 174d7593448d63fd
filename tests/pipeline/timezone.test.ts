import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {configSchema} from '../../src/config.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import {compile} from '../../src/pipeline.js'
import {loadTemplates} from '../../src/render/templates.js'

const article = (name: string, date: string) => new VFile({
  path: `content/${name}.md`,
  value: `---\ntitle: ${name}\ndate: ${date}\n---\n\n“We will meet again on Monday,” said Lena Ortiz, the mediator, after talks on 12 points.\n`
})

async function weekOf(timezone: string) {
  const config = configSchema.parse({timezone, topics: [{name: 'Talks', keywords: ['talks', 'mediator']}]})
  const files = [article('late-sunday', '2023-11-27T02:30:00Z'), article('monday', '2023-11-20')]
  const built = await compile(files, config, await loadTemplates(), {kind: 'week', week: '2023-W47'})
  return built.briefing.articles.map((entry) => `${entry.id} ${entry.date}`)
}

describe('time zones', () => {
  it('dates a timed article by its day in the configured zone', async () => {
    expect(await weekOf('America/New_York')).toEqual(['monday 2023-11-20', 'late-sunday 2023-11-26'])
    expect(await weekOf('UTC')).toEqual(['monday 2023-11-20'])
  })

  it('rejects a time without an offset, which names no instant', () => {
    const file = article('ambiguous', '2023-11-27T02:30:00')
    expect(analyzeArticles([file])).toEqual([])
    expect(file.messages[0]?.reason).toMatch(/^Unexpected `date` value "2023-11-27T02:30:00", expected a date as YYYY-MM-DD, or a time with its offset/)
  })
})
