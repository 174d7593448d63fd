/**
 * Bundles the command line's front (dist/cli.js, the command definitions and commander) into one
 * file, dist/cli.bundle.js, which bin/digest.js loads. Node spends a few milliseconds on every ES
 * module it resolves and reads; one file instead of seventeen brings `digest --help` close to a bare
 * `node` (see bench/startup.ts).
 *
 * Only the front is inlined. Every `import()` stays a lazy import of the compiled module beside it,
 * and so does every static import outside `commands/`: errors, paths and reports are shared with
 * the lazily loaded stages, and one copy of each keeps `instanceof DigestError` true across them.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const front = new Set([path.join(dist, 'cli.js')])

/** The import as seen from dist/cli.bundle.js: `./pipeline.js` for `../pipeline.js` in commands/. */
function fromBundle(resolveDir, specifier) {
  const relative = path.relative(dist, path.resolve(resolveDir, specifier)).split(path.sep).join('/')
  return relative.startsWith('.') ? relative : `./${relative}`
}

const keepLazy = {
  name: 'keep-lazy',
  setup(build) {
    build.onResolve({filter: /.*/}, (args) => {
      const relative = args.path.startsWith('.')
      // Inside a package (commander's own files) everything is inlined.
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      if (args.kind === 'dynamic-import') return {path: relative ? fromBundle(args.resolveDir, args.path) : args.path, external: true}
      if (!relative || args.kind === 'entry-point') return undefined
      const target = path.resolve(args.resolveDir, args.path)
      if (front.has(target) || path.dirname(target) === path.join(dist, 'commands')) return undefined
      return {path: fromBundle(args.resolveDir, args.path), external: true}
    })
  }
}

await build({
  entryPoints: [path.join(dist, 'cli.js')],
  outfile: path.join(dist, 'cli.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [keepLazy],
  // commander is CommonJS: its require('node:events') needs a real require inside an ES module.
  banner: {js: "import {createRequire as createRequireForCommander} from 'node:module'; const require = createRequireForCommander(import.meta.url);"},
  logLevel: 'warning'
})
