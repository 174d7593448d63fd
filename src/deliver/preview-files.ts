import {existsSync} from 'node:fs'
import path from 'node:path'
import {configFileNames, loadConfig, type Config} from '../config.js'

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

/**
 * The files the preview reads, absolute: the watcher and the rebuilder must agree on them. A flag
 * wins over the config's `content` and `templates` (already absolute), which win over the defaults.
 * Without `config` given, the config file is read for them; a broken one is the rebuild's to report.
 */
export function previewPaths(options: PreviewFiles = {}, config: Pick<Config, 'content' | 'templates'> | undefined = readConfig(options)) {
  const cwd = options.cwd ?? process.cwd()
  return {
    content: options.content === undefined ? config?.content ?? path.resolve(cwd, 'content') : path.resolve(cwd, options.content),
    config: configFile(options),
    templates: options.templates === undefined ? config?.templates : path.resolve(cwd, options.templates)
  }
}

/** Found once, so that a change to it is known as a config change. */
function configFile(options: PreviewFiles) {
  const cwd = options.cwd ?? process.cwd()
  return options.config === undefined ? configFileNames.map((name) => path.join(cwd, name)).find((file) => existsSync(file)) : path.resolve(cwd, options.config)
}

function readConfig(options: PreviewFiles) {
  try {
    return loadConfig(configFile(options), options.cwd ?? process.cwd())
  } catch {
    return undefined
  }
}
