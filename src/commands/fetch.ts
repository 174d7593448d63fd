import path from 'node:path'
import type {Command} from 'commander'
import {DigestError} from '../errors.js'
import type {Io} from '../io.js'
import {runIngest, type IngestFlags} from './add.js'

/** `digest fetch [--config FILE] [--content DIR] [--json]`: what is new from the config's `sources:`. */
export function registerFetch(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('fetch')
    .description('Add what is new from the feeds and pages listed under `sources:` in the config')
    .option('--config <file>', 'config file (default: digest.config.yaml in the current folder, if present)')
    .option('--content <dir>', 'folder the articles are written into', 'content')
    .option('--ignore-robots', 'fetch pages even where robots.txt disallows them')
    .option('--json', 'one JSON object per page or feed item (JSON Lines)')
    .action((flags: IngestFlags & {config?: string}) => run(async () => {
      const {loadConfig} = await import('../config.js')
      const config = loadConfig(flags.config ? path.resolve(io.cwd, flags.config) : undefined, io.cwd)
      if (config.sources.length === 0) {
        throw new DigestError('Unexpected config without sources, expected a `sources:` list of feed and page URLs (see "From feeds and pages" in the README)')
      }
      const sources = config.sources.map((source) => (typeof source === 'string' ? {location: source} : {location: source.url, ...(source.name ? {name: source.name} : {}), ...(source.topics ? {topics: source.topics} : {})}))
      return runIngest(io, sources, flags)
    }))
}
