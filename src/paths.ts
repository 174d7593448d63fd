import {fileURLToPath} from 'node:url'

/** The installed package's root (this file lives in `src/` or `dist/` directly below it). */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** The templates that ship with digest: `--templates DIR` overrides them file by file. */
export const defaultTemplatesDir = fileURLToPath(new URL('../templates', import.meta.url))
