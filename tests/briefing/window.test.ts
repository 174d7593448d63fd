import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {isoWeekOf, resolveWindow, weekRange} from '../../src/briefing/window.js'

describe('ISO weeks', () => {
  it('puts the days at the edges of a week in the right week', () => {
    expect(isoWeekOf('2023-11-20')).toBe('2023-W47') // Monday
    expect(isoWeekOf('2023-11-26')).toBe('2023-W47') // Sunday
    expect(isoWeekOf('2023-11-19')).toBe('2023-W46')
    expect(isoWeekOf('2023-11-27')).toBe('2023-W48')
  })

  it('crosses the year boundary as ISO 8601 says', () => {
    expect(isoWeekOf('2019-12-29')).toBe('2019-W52')
    expect(isoWeekOf('2019-12-30')).toBe('2020-W01')
    expect(isoWeekOf('2020-01-05')).toBe('2020-W01')
    expect(isoWeekOf('2020-01-06')).toBe('2020-W02')
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53')
    expect(weekRange('2020-W01')).toEqual(['2019-12-30', '2020-01-05'])
    expect(weekRange('2020-W53')).toEqual(['2020-12-28', '2021-01-03'])
  })

  it('refuses a week that does not exist', () => {
    expect(() => weekRange('2019-W53')).toThrow(UsageError)
    expect(() => weekRange('2023-W00')).toThrow(UsageError)
  })
})

describe('resolveWindow', () => {
  const dates = ['2019-12-28', '2020-01-01', '2020-01-09']
  it('takes the week of the newest article by default', () => {
    expect(resolveWindow({kind: 'week'}, dates)).toEqual({start: '2020-01-06', end: '2020-01-12', label: '2020-W02'})
  })
  it('counts days back from the newest article', () => {
    expect(resolveWindow({kind: 'days', days: 9}, dates)).toEqual({start: '2020-01-01', end: '2020-01-09', label: '2020-01-01_2020-01-09'})
  })
  it('spans every article for all, and fills an open range from the articles', () => {
    expect(resolveWindow({kind: 'all'}, dates)).toMatchObject({start: '2019-12-28', end: '2020-01-09'})
    expect(resolveWindow({kind: 'range', since: '2020-01-01'}, dates)).toMatchObject({start: '2020-01-01', end: '2020-01-09'})
    expect(() => resolveWindow({kind: 'range', since: '2020-02-01', until: '2020-01-01'}, dates)).toThrow(UsageError)
  })
})
