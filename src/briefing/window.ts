import type {Config} from '../config.js'
import {UsageError} from '../errors.js'

/** Which articles a briefing covers. Dates are calendar days, YYYY-MM-DD, both ends included. */
export type WindowSpec =
  | {kind: 'all'}
  | {kind: 'week'; week?: string}
  | {kind: 'days'; days: number}
  | {kind: 'range'; since?: string; until?: string}

export interface Period {
  start: string
  end: string
  /** `2023-W47` for a week window: the briefing's id. */
  label: string
}

const weekPattern = /^(\d{4})-W(\d{2})$/

/**
 * The period a briefing covers. `week` without a number is the ISO week of the newest article;
 * `days` ends on the newest article; `all` spans the first to the last article.
 */
export function resolveWindow(spec: WindowSpec, articleDates: string[]): Period {
  const sorted = [...articleDates].sort()
  const first = sorted[0]
  const last = sorted.at(-1)
  switch (spec.kind) {
    case 'all': {
      const start = first ?? ''
      const end = last ?? ''
      return {start, end, label: start === end ? start : `${start}_${end}`}
    }
    case 'week': {
      const week = spec.week ?? (last ? isoWeekOf(last) : undefined)
      if (!week) return {start: '', end: '', label: 'empty'}
      const [start, end] = weekRange(week)
      return {start, end, label: week}
    }
    case 'days': {
      const end = last ?? ''
      const start = end ? addDays(end, 1 - spec.days) : ''
      return {start, end, label: `${start}_${end}`}
    }
    case 'range': {
      const start = spec.since ?? first ?? ''
      const end = spec.until ?? last ?? ''
      if (start && end && start > end) throw new UsageError(`Unexpected --since ${start} after --until ${end}, expected since ≤ until`)
      return {start, end, label: `${start}_${end}`}
    }
  }
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: string): string {
  const day = toUtc(date)
  const weekday = (day.getUTCDay() + 6) % 7
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000
  const week = 1 + Math.floor((thursday.getTime() - 3 * 86_400_000 - firstMonday) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Monday and Sunday of an ISO week. */
export function weekRange(week: string): [string, string] {
  const match = weekPattern.exec(week)
  if (!match) throw new UsageError(`Unexpected week \`${week}\`, expected YYYY-Www such as 2023-W47`)
  const year = Number(match[1])
  const number = Number(match[2])
  const january4 = new Date(Date.UTC(year, 0, 4))
  const week1Monday = january4.getTime() - ((january4.getUTCDay() + 6) % 7) * 86_400_000
  const monday = new Date(week1Monday + (number - 1) * 7 * 86_400_000)
  if (number < 1 || isoWeekOf(fromUtc(monday)) !== week) throw new UsageError(`Unexpected week \`${week}\`, expected a week that exists in ${year}`)
  return [fromUtc(monday), addDays(fromUtc(monday), 6)]
}

function addDays(date: string, days: number) {
  return fromUtc(new Date(toUtc(date).getTime() + days * 86_400_000))
}

function toUtc(date: string) {
  return new Date(`${date}T00:00:00Z`)
}

function fromUtc(date: Date) {
  return date.toISOString().slice(0, 10)
}

/** The calendar day of an instant in a time zone: 2023-11-24T02:30:00Z is 2023-11-23 in New York. */
export function dayIn(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The window asked for by flags, else the config's. */
export function windowSpec(window: WindowSpec | undefined, config: Pick<Config, 'window'>): WindowSpec {
  return window ?? (typeof config.window === 'string' ? {kind: config.window} : {kind: 'days', days: config.window.days})
}

/**
 * The items of the window, newest first and at most `limit` (the rest `over`), and those outside
 * it; the period is the window resolved over every item's date unless given.
 */
export function applyWindow<T extends {date: string}>(items: T[], spec: WindowSpec, limit: number, period: Period = resolveWindow(spec, items.map((item) => item.date))) {
  const inPeriod = items.filter((item) => item.date >= period.start && item.date <= period.end).sort((a, b) => b.date.localeCompare(a.date))
  return {
    period,
    kept: inPeriod.slice(0, limit),
    over: inPeriod.slice(limit),
    outside: items.filter((item) => !(item.date >= period.start && item.date <= period.end))
  }
}
