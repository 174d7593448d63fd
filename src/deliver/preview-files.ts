import {existsSync} from 'node:fs'
import path from 'node:path'
import {configFileNames} from '../config.js'

/**
 * Where the preview's input is, apart from what reads it: the server's thread watches these files
 * and the rebuild thread reads them, and only the latter loads the pipeline.
 */
export interface PreviewFiles {
  /** Folder of articles, relative to `cwd`. @default "content" */
  content?: string
  /** Config file; undefined looks for `digest.config.yaml` in `cwd`, as `digest build` does. */
  config?: string
  /** Folder whose templates override the defaults. */
  templates?: string
  cwd?: string
}

/** Bytes of HTML before Gmail clips the message: the default `checkEmail` holds `compile`'s output to. */
export const budget = 102_400

/** The files the preview reads, absolute: the watcher and the rebuilder must agree on them. */
export function previewPaths(options: PreviewFiles = {}) {
  const cwd = options.cwd ?? process.cwd()
  return {
    content: path.resolve(cwd, options.content ?? 'content'),
    // Found once, so that a change to it is known as a config change.
    config: options.config === undefined ? configFileNames.map((name) => path.join(cwd, name)).find((file) => existsSync(file)) : path.resolve(cwd, options.config),
    templates: options.templates === undefined ? undefined : path.resolve(cwd, options.templates)
  }
}
