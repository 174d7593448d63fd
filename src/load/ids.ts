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
 * Unique ids, in the files' order: a later file whose slug is taken (`x y.md` beside `x-y.md`,
 * `A.md` beside `a.md`) gets the first free `-2`, `-3`… and a note naming the file that holds the
 * id, so no article silently takes another's place or quotes.
 */
export function uniqueIds(files: {relativePath: string; shown: string}[]): {id: string; idNote?: string}[] {
  const holders = new Map<string, string>()
  const slugs = new Set(files.map(({relativePath}) => articleId(relativePath)))
  return files.map(({relativePath, shown}) => {
    const wanted = articleId(relativePath)
    let id = wanted
    for (let suffix = 2; holders.has(id) || (id !== wanted && slugs.has(id)); suffix++) id = `${wanted}-${suffix}`
    const holder = holders.get(wanted)
    holders.set(id, shown)
    return holder && id !== wanted
      ? {id, idNote: `Unexpected id \`${wanted}\` already taken by ${holder}, expected a file name of its own: this article's id is \`${id}\``}
      : {id}
  })
}
