import type {VFile} from 'vfile'

declare module 'vfile' {
  interface DataMap {
    /** The article's id: its path below the content folder, as a slug, unique in the run. */
    id: string
  }
}

/**
 * A slug of the path below the content folder (`2023/Talks Resume.md` → `2023-talks-resume`):
 * accents dropped, letters of every script kept, so two names in Cyrillic stay two ids.
 */
export function articleId(relativePath: string) {
  const slug = relativePath
    .replace(/\.[^./\\]+$/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
  return slug || 'article'
}

/**
 * Gives each file a unique id, in the files' order: a later file whose slug is taken (`x y.md`
 * beside `x-y.md`, `A.md` beside `a.md`) gets the first free `-2`, `-3`… and a warning naming the
 * file that holds the id, so no article silently takes another's place or quotes.
 */
export function assignIds(files: {file: VFile; relativePath: string}[]) {
  const holders = new Map<string, VFile>()
  const slugs = new Set(files.map(({relativePath}) => articleId(relativePath)))
  for (const {file, relativePath} of files) {
    const wanted = articleId(relativePath)
    let id = wanted
    for (let suffix = 2; holders.has(id) || (id !== wanted && slugs.has(id)); suffix++) id = `${wanted}-${suffix}`
    const holder = holders.get(wanted)
    if (holder && id !== wanted) {
      file.message(`Unexpected id \`${wanted}\` already taken by ${holder.path}, expected a file name of its own: this article's id is \`${id}\``, {place: {line: 1, column: 1}, ruleId: 'id', source: 'digest'}).fatal = false
    }
    holders.set(id, file)
    file.data.id = id
  }
}
