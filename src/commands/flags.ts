import {z} from 'zod'
import {UsageError} from '../errors.js'
import {listIssues} from '../validate.js'
import type {WindowSpec} from '../window.js'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'expected a real day')

const windowFlags = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/, 'expected YYYY-Www such as 2023-W47').optional(),
  since: day.optional(),
  until: day.optional()
}).refine((flags) => !(flags.week && (flags.since || flags.until)), {message: 'expected either --week or --since/--until, not both', path: ['week']})

/** The window the flags ask for, validated; undefined when they ask for none (the config decides). */
export function windowFromFlags(flags: {week?: string; since?: string; until?: string}): WindowSpec | undefined {
  const parsed = windowFlags.safeParse(flags)
  if (!parsed.success) {
    throw new UsageError(listIssues(parsed.error).map((issue) => `Unexpected --${issue.keyPath} value, ${issue.message}`).join('\n'))
  }
  const {week, since, until} = parsed.data
  if (week) return {kind: 'week', week}
  if (since || until) return {kind: 'range', ...(since ? {since} : {}), ...(until ? {until} : {})}
  return undefined
}
