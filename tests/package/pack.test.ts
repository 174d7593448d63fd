import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {digestBin, repoRoot} from '../cli/run.js'

const run = promisify(execFile)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const env = {...process.env, CI: '1', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}

/**
 * The package as a user gets it: `npm pack`, a folder made by `digest init`, the tarball
 * installed there, the command and the typed API used from that folder, nothing from the clone.
 */
describe('the packed package', () => {
  let work: string
  let folder: string
  let tarball: string

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'digest-pack-'))
    const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: repoRoot, env})
    tarball = path.join(work, (JSON.parse(packed.stdout) as {filename: string}[])[0]?.filename ?? '')
    folder = path.join(work, 'my-briefing')
    await run(process.execPath, [digestBin, 'init', folder, '--no-install'], {cwd: work, env})
    // The registry copies are in npm's cache after `npm ci`; only the tarball is new.
    await run(npm, ['install', '--save-dev', '--prefer-offline', tarball], {cwd: folder, env, timeout: 280_000})
  }, 300_000)

  afterAll(async () => {
    await rm(work, {recursive: true, force: true})
  })

  it('holds the built code, its declarations, the templates and the starter, not the sources or tests', async () => {
    const listed = await run('tar', ['-tzf', tarball])
    const names = listed.stdout.split('\n')
    for (const name of ['package/dist/index.js', 'package/dist/index.d.ts', 'package/bin/digest.js', 'package/templates/layout.mjml.hbs', 'package/starter/digest.config.yaml']) expect(names).toContain(name)
    expect(names.some((name) => name.startsWith('package/src/') || name.startsWith('package/tests/'))).toBe(false)
  })

  it('declares only types its dependencies provide', async () => {
    const manifest = JSON.parse(await readFile(path.join(folder, 'node_modules/briefing-digest/package.json'), 'utf8')) as {dependencies: Record<string, string>}
    const files = (await readdir(path.join(folder, 'node_modules/briefing-digest/dist'), {recursive: true})).filter((name) => name.endsWith('.d.ts'))
    expect(files).toContain('index.d.ts')
    const imported = new Set<string>()
    for (const name of files) {
      const text = await readFile(path.join(folder, 'node_modules/briefing-digest/dist', name), 'utf8')
      for (const match of text.matchAll(/from '([^'.][^']*)'|import\("([^".][^"]*)"\)/g)) imported.add(match[1] ?? match[2] ?? '')
    }
    for (const specifier of imported) {
      if (specifier.startsWith('node:')) continue
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0] ?? ''
      expect(Object.keys(manifest.dependencies).some((dependency) => dependency === name || dependency === `@types/${name}`), `${specifier} in the declarations`).toBe(true)
    }
  })

  it('installs with a dependency tree npm accepts', async () => {
    await expect(run(npm, ['ls', '--all'], {cwd: folder, env})).resolves.toBeDefined()
  }, 60_000)

  it('builds the folder `digest init` wrote with `npx digest build`, with no warning', async () => {
    const {stdout, stderr} = await run(npm, ['exec', '--offline', '--', 'digest', 'build'], {cwd: folder, env})
    expect(stdout.trim()).toMatch(/out[/\\]\d{4}-W\d{2}$/)
    expect(stderr).not.toMatch(/warning|warn|install "cssnano"/i)
    expect(stderr).toMatch(/^Built 1 article, /m)
  }, 60_000)

  it('imports with its types: a consumer typechecks against the declarations and builds the sample', async () => {
    await cp(path.join(repoRoot, 'content'), path.join(folder, 'sample'), {recursive: true})
    await writeFile(path.join(folder, 'consumer.ts'), `import {build, check, compile, extract, send, type Built, type Finding, type SendResult} from 'briefing-digest'

const written = await build({content: 'sample', out: 'out-api', window: {kind: 'all'}})
const compiled: Built = await compile({content: 'sample', window: {kind: 'all'}})
const findings: Finding[] = check({html: compiled.html, text: compiled.text})
const {articles} = await extract('sample')
const sending: (options: Parameters<typeof send>[0]) => Promise<SendResult> = send
console.log(JSON.stringify({dir: written.dir, articles: articles.length, quotes: articles.reduce((sum, article) => sum + article.quotes.length, 0), errors: findings.filter((finding) => finding.severity === 'error').length, send: typeof sending}))
`)
    await writeFile(path.join(folder, 'tsconfig.json'), JSON.stringify({
      // Only Node's own types from outside: everything else must come with the package.
      compilerOptions: {target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'], typeRoots: ['types']},
      files: ['consumer.ts']
    }))
    await mkdir(path.join(folder, 'types'))
    await symlink(path.join(repoRoot, 'node_modules/@types/node'), path.join(folder, 'types/node'), 'dir')
    // A wrong use must fail, so the check is known to read the declarations.
    await writeFile(path.join(folder, 'wrong.ts'), `import {build} from 'briefing-digest'\nawait build({content: 42})\n`)
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc')
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {cwd: folder, env})
    await expect(run(process.execPath, [tsc, '--noEmit', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2023', '--skipLibCheck', '--typeRoots', 'types', 'wrong.ts'], {cwd: folder, env})).rejects.toMatchObject({stdout: expect.stringMatching(/wrong\.ts\(2,14\): error TS2322/)})

    await rm(path.join(folder, 'wrong.ts'))
    // tsc wrote consumer.js from the checked source: run it as the user would.
    const {stdout} = await run(process.execPath, ['consumer.js'], {cwd: folder, env})
    const result = JSON.parse(stdout) as {dir: string; articles: number; quotes: number; errors: number; send: string}
    expect(result).toMatchObject({articles: 5, errors: 0, send: 'function'})
    expect(result.quotes).toBeGreaterThan(5)
    expect(await readdir(result.dir)).toEqual(expect.arrayContaining(['index.html', 'index.txt', 'digest.json', 'email.eml']))
  }, 120_000)
})
