import {z} from 'zod'
import {UsageError} from '../errors.js'
import {listIssues} from '../validate.js'
import type {ConfigInput} from '../config.js'
import type {Decision} from '../briefing/select.js'
import type {WindowSpec} from '../briefing/window.js'

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

const configFlags = z.object({
  title: z.string().trim().min(1, 'expected a non-empty title').optional()
})

/** Config keys given as flags, validated; they override the config file (see config.ts). */
export function configFromFlags(flags: {title?: string}): ConfigInput {
  const parsed = configFlags.safeParse({title: flags.title})
  if (!parsed.success) {
    throw new UsageError(listIssues(parsed.error).map((issue) => `Unexpected --${issue.keyPath} value, ${issue.message}`).join('\n'))
  }
  return parsed.data.title ? {title: parsed.data.title} : {}
}

/** `--explain`: every candidate, best first, with its score breakdown and what became of it. */
export function formatExplain(decisions: Decision[]): string {
  const lines = [`${decisions.length} candidates (score = sum of the parts in brackets):`]
  for (const decision of decisions) {
    const parts = decision.reasons.map((reason) => `${reason.name} ${reason.points}${reason.detail ? ` (${reason.detail})` : ''}`).join(' + ')
    const text = decision.text.length > 70 ? `${decision.text.slice(0, 69)}…` : decision.text
    lines.push(`${decision.picked ? 'picked' : 'left  '}  ${decision.score.toFixed(2).padStart(6)}  ${decision.kind.padEnd(6)}  ${decision.date}  ${decision.article}`)
    lines.push(`        ${decision.kind === 'quote' ? `“${text}”` : text}`)
    if (decision.shown && decision.shown !== decision.text) lines.push(`        shown as: ${decision.shown}`)
    lines.push(`        [${parts || 'no points'}]  ${decision.picked ? decision.why : `${decision.rule}: ${decision.why}`}`)
  }
  return `${lines.join('\n')}\n`
}
