import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {leadOf} from '../../src/briefing/lead.js'
import {planBriefing} from '../../src/briefing/plan.js'
import {findStories} from '../../src/briefing/stories.js'
import {analyzeArticles} from '../../src/extract/analyze.js'
import type {Article} from '../../src/types.js'

const read = (name: string, text: string) => analyzeArticles([new VFile({path: name, value: text})])[0] as Article

describe('titles of plain-text articles', () => {
  it('takes a short first line standing alone as the headline, whatever its last character', () => {
    const article = read('2023-11-23-deal.txt', 'Hostage deal reached after weeks of talks.\n\nQatar said on Wednesday that a deal had been reached to free 50 hostages.\n')
    expect(article.title).toBe('Hostage deal reached after weeks of talks.')
    expect(article.paragraphs).toHaveLength(1)
  })

  it('reads a file of one line as a body, and never shows the file id as its title', () => {
    const article = read('2023-11-23-one-line.txt', 'Qatar said on Wednesday that a deal had been reached to free 50 hostages held in Gaza since October.\n')
    expect(article.paragraphs).toHaveLength(1)
    expect(article.title).toBe('Qatar said on Wednesday that a deal had been reached to free…')
    expect(article.title).not.toContain('one-line')
  })
})

describe('leads', () => {
  const lead = (...paragraphs: string[]) => leadOf({paragraphs})
  it('drops datelines, agency tags, date lines and bylines', () => {
    expect(lead('WASHINGTON — The negotiations hardly went smoothly. But in the end, persistence paid off.')).toBe('The negotiations hardly went smoothly. But in the end, persistence paid off.')
    expect(lead('TEL AVIV — Negotiations over the release of hostages remain at a standstill.')).toBe('Negotiations over the release of hostages remain at a standstill.')
    expect(lead('Washington (AFP) – The Senate voted on Tuesday to pass the bill after a long debate.')).toBe('The Senate voted on Tuesday to pass the bill after a long debate.')
    expect(lead('LONDON (Reuters) - Britain’s economy grew by 0.3 percent in the third quarter of the year.')).toBe('Britain’s economy grew by 0.3 percent in the third quarter of the year.')
    expect(lead('Friday, October 25, 2019', 'By Jane Doe', 'An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia.')).toBe('An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia.')
  })

  it('keeps a lead to 60 words', () => {
    const long = `The council, ${'which met for many hours in the old hall of the city, '.repeat(6)}voted to close the bridge.`
    const shown = lead(long)
    expect(shown.split(/\s+/).length).toBeLessThanOrEqual(61)
    expect(shown.endsWith('…')).toBe(true)
  })
})

function article(id: string, date: string, title: string, text: string, source?: string, url?: string): Article {
  return {id, date, title, file: `${id}.md`, paragraphs: [text], quotes: [], figures: [], ...(source ? {source} : {}), ...(url ? {url} : {})}
}

describe('stories and what is left out', () => {
  const week = [
    article('a', '2020-01-03', 'US strike kills Qasem Soleimani in Baghdad', 'A US drone strike near Baghdad airport killed Iranian general Qasem Soleimani and Abu Mahdi al-Muhandis.', 'Outlet A'),
    article('b', '2020-01-03', 'Iran vows revenge for Soleimani killing', 'Iran promised revenge after Qasem Soleimani was killed in Baghdad by a US strike.', 'Outlet B', 'https://example.org/iran-revenge'),
    article('c', '2020-01-04', 'Soleimani strike: what we know', 'The killing of Qasem Soleimani near Baghdad airport raised fears of war with Iran.', 'Outlet C'),
    article('d', '2020-01-02', 'Typhoon Phanfone leaves dozens dead in the Philippines', 'Typhoon Phanfone struck the central Philippines on Christmas Day, killing dozens.', 'Outlet A'),
    article('e', '2020-01-04', 'Iran vows revenge for Soleimani killing', 'Iran promised revenge after Qasem Soleimani was killed in Baghdad by a US strike.', 'Outlet D', 'https://www.example.org/iran-revenge/')
  ]

  it('groups articles of several outlets into one story, counts its sources, largest first', () => {
    const {stories} = findStories(week.slice(0, 4))
    expect(stories[0]?.articles).toEqual(['a', 'b', 'c'])
    expect(stories[0]?.sources).toBe(3)
    expect(stories[1]?.articles).toEqual(['d'])
  })

  it('merges the same text into one article and lists every article left out with why', () => {
    const plan = planBriefing({articles: [...week, article('old', '2019-12-01', 'Old news', 'Old text.')], window: {kind: 'week', week: '2020-W01'}, title: 'T', topics: [], limits: {articles: 3, quotesPerTopic: 2, figuresPerTopic: 2}})
    expect(plan.briefing.omitted.map((entry) => [entry.id, entry.why.split(' (')[0]])).toEqual([
      ['old', 'outside the window'],
      ['d', 'over limits.articles'],
      ['e', 'duplicate of b']
    ])
    expect(plan.briefing.articles.find((entry) => entry.id === 'b')?.copies?.map((copy) => copy.source)).toEqual(['Outlet D'])
    // The header's period is the span of the articles shown, not the week asked for.
    expect(plan.briefing.period).toEqual({start: '2020-01-03', end: '2020-01-04'})
    expect(plan.briefing.stories[0]?.sources).toBe(3)
  })
})
