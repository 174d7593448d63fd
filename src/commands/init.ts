import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Command} from 'commander'
import {DigestError} from '../errors.js'
import type {Io} from '../io.js'
import {defaultTemplatesDir, packageRoot} from '../paths.js'

/** What `init` did with each file: a file that exists is never overwritten. */
export interface InitResult {
  dir: string
  written: string[]
  kept: string[]
}

export interface InitOptions {
  /** Also copy the default templates into `templates/` and name them in the config. */
  templates?: boolean
  /** The day the example article is dated (so the default `week` window finds it). @default today, UTC */
  today?: string
}

const starterDir = path.join(packageRoot, 'starter')

/**
 * Writes a briefing folder: `content/` with one example article, a commented
 * `digest.config.yaml`, a `.gitignore` for `out/`, a `package.json` that pins this package, and
 * with `templates` a copy of the default templates. Existing files are kept as they are.
 */
export async function initFolder(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const result: InitResult = {dir, written: [], kept: []}
  const put = async (name: string, text: string | Buffer) => {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), {recursive: true})
    try {
      await writeFile(file, text, {flag: 'wx'})
      result.written.push(name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DigestError(`Cannot write ${file}`, {cause: error, place: {file}})
      result.kept.push(name)
    }
  }
  const starter = (name: string) => readFile(path.join(starterDir, name), 'utf8')
  let config = await starter('digest.config.yaml')
  if (options.templates) config = config.replace(/^# (templates: templates)$/m, '$1')
  await put('digest.config.yaml', config)
  await put('.gitignore', await starter('gitignore'))
  // An example in the folder already means the user has started: a second one would only be noise.
  const hasArticles = await readdir(path.join(dir, 'content')).then((names) => names.some((name) => /\.(?:md|markdown|txt)$/i.test(name)), () => false)
  if (hasArticles) result.kept.push('content/')
  else await put(`content/${today}-example.md`, (await starter('content/example.md')).replace(/^date: DATE$/m, `date: ${today}`))
  await put('package.json', `${JSON.stringify({
    name: slug(path.basename(path.resolve(dir))),
    private: true,
    type: 'module',
    scripts: {build: 'digest build', preview: 'digest preview', check: 'digest check'},
    devDependencies: {[packageName()]: `^${packageVersion()}`}
  }, null, 2)}\n`)
  if (options.templates) {
    for (const name of await readdir(defaultTemplatesDir, {recursive: true})) {
      if (name.endsWith('.hbs')) await put(path.join('templates', name), await readFile(path.join(defaultTemplatesDir, name)))
    }
  }
  return result
}

/** `digest init [DIR] [--templates] [--no-install]`. */
export function registerInit(program: Command, io: Io, run: (task: () => Promise<number>) => Promise<void>) {
  program
    .command('init')
    .description('Start a briefing folder: an example article, a commented config, .gitignore; never overwrites a file')
    .argument('[dir]', 'the folder to write (default: the current folder)', '.')
    .option('--templates', 'also copy the default templates into templates/ to edit')
    .option('--no-install', 'do not run `npm install` for the digest package in the folder')
    .action((dirArgument: string, flags: {templates?: boolean; install: boolean}) => run(async () => {
      const dir = path.resolve(io.cwd, dirArgument)
      const result = await initFolder(dir, {templates: Boolean(flags.templates)})
      const shown = path.relative(io.cwd, dir) || '.'
      for (const name of result.written) io.stderr.write(`created  ${path.join(shown, name)}\n`)
      for (const name of result.kept) io.stderr.write(`kept     ${path.join(shown, name)} (it exists)\n`)
      if (flags.install) await install(dir, io)
      io.stdout.write(`${dir}\n`)
      io.stderr.write(`Next: ${shown === '.' ? '' : `cd ${shown} && `}npx digest build\n`)
      return 0
    }))
}

/**
 * Installs the digest package into the new folder, so `npx digest` there runs it and not an
 * unrelated package of that name. Run through `npx`, it installs what npx installed (a tarball,
 * a version); otherwise this version from the registry.
 */
async function install(dir: string, io: Io) {
  const spec = await npxSpec() ?? `${packageName()}@^${packageVersion()}`
  io.stderr.write(`Installing ${spec} …\n`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(npm, ['install', '--save-dev', '--no-audit', '--no-fund', spec], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk))
    child.on('error', reject)
    child.on('close', (exitCode) => {
      if (exitCode !== 0) io.stderr.write(errors)
      resolve(exitCode)
    })
  }).catch((error: unknown) => {
    throw new DigestError('Having trouble running npm install', {cause: error})
  })
  if (code !== 0) throw new DigestError(`Unexpected npm install failure (exit ${code}) in ${dir}, expected ${spec} installed; the folder is written: run \`npm install --save-dev ${spec}\` there`)
}

/** npx installs into `_npx/<hash>/node_modules/<name>` next to a package.json naming what was asked for. */
async function npxSpec(): Promise<string | undefined> {
  const cache = path.resolve(packageRoot, '..', '..')
  if (path.basename(path.dirname(cache)) !== '_npx') return undefined
  try {
    const manifest = JSON.parse(await readFile(path.join(cache, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
    const spec = manifest.dependencies?.[packageName()]
    return spec ? (spec.startsWith('file:') ? spec.slice('file:'.length) : `${packageName()}@${spec}`) : undefined
  } catch {
    return undefined
  }
}

let manifest: {name: string; version: string} | undefined
function readManifest() {
  manifest ??= JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {name: string; version: string}
  return manifest
}

const packageName = () => readManifest().name
const packageVersion = () => readManifest().version

function slug(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '') || 'briefing'
}
