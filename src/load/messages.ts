import type {VFile} from 'vfile'
import type {Message} from '../types.js'

/** A VFile's messages in the contract's shape (`file`, `line`, `column`, `severity`, `reason`). */
export function messagesOf(file: VFile): Message[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    ...(message.ruleId ? {ruleId: message.ruleId} : {})
  }))
}
