import type {Topic} from './types.js'

/**
 * A matcher for a topic's keywords: words or phrases on word boundaries, with simple plurals
 * ("hostage" matches "hostages", "talks" matches "talk" is not assumed). Case-insensitive.
 */
export function keywordMatcher(topic: Topic): RegExp {
  const alternatives = topic.keywords
    .map((keyword) => keyword.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu')
}
