import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {closest, distance} from 'fastest-levenshtein'
import type {HelperDelegate} from 'handlebars'
import {DigestError} from '../errors.js'
import {defaultTemplatesDir} from '../paths.js'
import type {Message} from '../types.js'

/** Template sources by name (`layout`, `header`, …) with the file each came from, for messages. */
export interface Templates {
  layout: Source
  partials: Record<string, Source>
  /** The user's own Handlebars helpers, from the module the config's `helpers` names. */
  helpers?: Record<string, HelperDelegate>
  /** What loading found worth saying: an override that replaces nothing, with what it may have meant. */
  messages?: Message[]
}

export interface Source {
  file: string
  text: string
}

const layoutName = 'layout.mjml.hbs'

/**
 * Reads the default templates, then lets files of the same name in `overrideDir` win
 * (`layout.mjml.hbs`, `partials/*.hbs`); the rest fall back to the defaults. An override that
 * matches no template and that no template calls is reported with the names it may have meant.
 * `helpersFile` is a JavaScript module of the user's, imported only when it is given.
 */
export async function loadTemplates(overrideDir?: string, helpersFile?: string): Promise<Templates> {
  const defaults = await readFolder(defaultTemplatesDir)
  const overrides = overrideDir ? await readFolder(path.resolve(overrideDir)) : {layout: undefined, partials: {}, strays: []}
  const layout = overrides.layout ?? defaults.layout
  if (!layout) throw new DigestError(`Cannot find ${layoutName} in ${overrideDir ?? defaultTemplatesDir}`)
  const partials = {...defaults.partials, ...overrides.partials}
  const called = new Set([layout, ...Object.values(partials)].flatMap((source) => [...source.text.matchAll(/\{\{#?>\s*([\w./-]+)/g)].map((match) => match[1])))
  const known = [layoutName, ...Object.keys(defaults.partials).map((name) => `partials/${name}.hbs`)]
  const messages: Message[] = []
  const unmatched = [...Object.entries(overrides.partials).filter(([name]) => !defaults.partials[name] && !called.has(name)).map(([name, source]) => ({name: `partials/${name}.hbs`, file: source.file})), ...overrides.strays]
  for (const {name, file} of unmatched) {
    const base = (file: string) => path.basename(file).replace(/\..*$/, '')
    const near = known.filter((candidate) => distance(base(candidate), base(name)) <= Math.max(2, Math.floor(base(name).length / 3)))
    const guess = near.length > 0 ? near.sort((a, b) => distance(base(a), base(name)) - distance(base(b), base(name))) : [closest(name, known)]
    messages.push({file, line: 1, column: 1, severity: 'warning', reason: `Unexpected template \`${name}\`, it replaces none of ours and no template calls it: did you mean ${guess.slice(0, 2).map((candidate) => `\`${candidate}\``).join(' or ')}?`, ruleId: 'template-name'})
  }
  return {layout, partials, messages, ...(helpersFile ? {helpers: await loadHelpers(helpersFile)} : {})}
}

/** The user's helpers module: its named exports (or the default export's keys) that are functions. */
async function loadHelpers(file: string): Promise<Record<string, HelperDelegate>> {
  let module: Record<string, unknown>
  try {
    module = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>
  } catch (error) {
    throw new DigestError(`Cannot load template helpers from ${file}, expected a JavaScript module exporting functions`, {cause: error, place: {file}})
  }
  const exported = module.default && typeof module.default === 'object' ? (module.default as Record<string, unknown>) : module
  const helpers = Object.fromEntries(Object.entries(exported).filter((entry): entry is [string, HelperDelegate] => typeof entry[1] === 'function'))
  if (Object.keys(helpers).length === 0) throw new DigestError(`Unexpected helpers module ${file} with no functions, expected named exports such as \`export function shout(text) {…}\``, {place: {file}})
  return helpers
}

async function readFolder(folder: string): Promise<{layout?: Source; partials: Record<string, Source>; strays: {name: string; file: string}[]}> {
  const read = async (file: string): Promise<Source> => {
    try {
      return {file: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8')}
    } catch (error) {
      throw new DigestError(`Cannot read template ${file}`, {cause: error, place: {file}})
    }
  }
  let layout: Source | undefined
  const partials: Record<string, Source> = {}
  let rootEntries: string[]
  try {
    rootEntries = await readdir(folder)
  } catch (error) {
    throw new DigestError(`Cannot read templates folder ${folder}`, {cause: error, place: {file: folder}})
  }
  if (rootEntries.includes(layoutName)) layout = await read(path.join(folder, layoutName))
  // A template file beside the layout is read by nothing: it is a misnamed layout or partial.
  const strays = rootEntries.filter((name) => name.endsWith('.hbs') && name !== layoutName).map((name) => ({name, file: path.relative(process.cwd(), path.join(folder, name))}))
  if (rootEntries.includes('partials')) {
    for (const name of (await readdir(path.join(folder, 'partials'))).sort()) {
      if (name.endsWith('.hbs')) partials[name.slice(0, -'.hbs'.length)] = await read(path.join(folder, 'partials', name))
    }
  }
  return {layout, partials, strays}
}
