import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {DigestError} from '../errors.js'
import {defaultTemplatesDir} from '../paths.js'

/** Template sources by name (`layout`, `header`, …) with the file each came from, for messages. */
export interface Templates {
  layout: Source
  partials: Record<string, Source>
}

export interface Source {
  file: string
  text: string
}

const layoutName = 'layout.mjml.hbs'

/**
 * Reads the default templates, then lets files of the same name in `overrideDir` win
 * (`layout.mjml.hbs`, `partials/*.hbs`); the rest fall back to the defaults.
 */
export async function loadTemplates(overrideDir?: string): Promise<Templates> {
  const defaults = await readFolder(defaultTemplatesDir)
  const overrides = overrideDir ? await readFolder(path.resolve(overrideDir)) : {layout: undefined, partials: {}}
  const layout = overrides.layout ?? defaults.layout
  if (!layout) throw new DigestError(`Cannot find ${layoutName} in ${overrideDir ?? defaultTemplatesDir}`)
  return {layout, partials: {...defaults.partials, ...overrides.partials}}
}

async function readFolder(folder: string): Promise<{layout?: Source; partials: Record<string, Source>}> {
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
  if (rootEntries.includes('partials')) {
    for (const name of (await readdir(path.join(folder, 'partials'))).sort()) {
      if (name.endsWith('.hbs')) partials[name.slice(0, -'.hbs'.length)] = await read(path.join(folder, 'partials', name))
    }
  }
  return {layout, partials}
}
