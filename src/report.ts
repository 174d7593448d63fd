import type {Message} from './types.js'

/** `content/a.md:3:7  error  Unexpected …  date`: the shape editors and CI annotate from. */
export function formatMessage(message: Message): string {
  return [`${message.file}:${message.line}:${message.column}`, message.severity, message.reason, message.ruleId].filter(Boolean).join('  ')
}
