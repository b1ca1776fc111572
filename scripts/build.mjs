// Bundles the programs with esbuild and writes the IAM catalogue and the AWS managed policies next to them.
// Run after `tsc -b` (which type-checks and compiles the tests); see package.json "build".
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from './build-catalog.mjs';
import { buildManagedPolicies } from './build-managed-policies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV !== 'development';

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
];

/**
 * vscode-jsonrpc and vscode-languageserver require `crypto` (random pipe names) and `child_process`
 * (finding globally installed npm modules) when they load, for features the server never uses;
 * loading those two built-ins cost some 7 ms of every server start. Here they become stand-ins that
 * load the real module on first use.
 */
const LAZY_BUILTINS = ['crypto', 'child_process'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY_BUILTINS.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let real;
const load = () => (real ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true }),
});`,
      loader: 'js',
    }));
  },
};

/**
 * The YAML library is used only when a YAML document is opened; kept out of the server and CLI
 * bundles (a fifth of their size, some 4 ms of every server start) it is bundled on its own into
 * dist/yaml.js and required from there on first use.
 */
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

/**
 * The HCL parser (web-tree-sitter) likewise: its CommonJS build is copied as it is to
 * dist/web-tree-sitter.js (already one file; esbuild would pick its ES module build, which needs
 * import.meta) and required with the first Terraform document; its two WebAssembly modules beside it.
 */
const treeSitterApart = {
  name: 'tree-sitter-apart',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: './web-tree-sitter.js', external: true }));
  },
};
const TREE_SITTER_FILES = [
  ['web-tree-sitter', 'web-tree-sitter.js'],
  ['web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm'],
];

const options = (entry, external = []) => ({
  absWorkingDir: root,
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  minify: production,
  // No maps in the package: they would double its size and point at sources we do not ship.
  sourcemap: false,
  legalComments: 'none',
  // ASCII output (esbuild's default, stated because the embedded server bundle relies on it).
  charset: 'ascii',
  // jsonc-parser's default entry is a UMD build whose requires esbuild cannot follow; take its ES module build.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: [lazyBuiltins, yamlApart, treeSitterApart],
});

/**
 * dist/server.js and dist/cli.js: a small launcher, then the bundle commented out line by line; the
 * launcher compiles the bundle through V8's code cache, kept beside it in `cacheName`
 * (server/src/launch.ts, server/src/cliLaunch.ts, server/src/embeddedBundle.ts).
 */
async function buildLaunched({ entry, launcher, out, cacheName }) {
  const { commentOutBundle } = createRequire(import.meta.url)(join(root, 'out', 'server', 'src', 'embeddedBundle.js'));
  const built = await esbuild.build({ ...options(entry), write: false, outfile: join('dist', out) });
  const body = built.outputFiles[0].text.replace(/^#!.*\n/, '');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 32);
  const launch = await esbuild.build({
    ...options(launcher),
    write: false,
    outfile: join('dist', out),
    define: { IAM_AUTHOR_BUNDLE_HASH: JSON.stringify(hash) },
  });
  writeFileSync(join(root, 'dist', out), `${launch.outputFiles[0].text}${commentOutBundle(body)}`, { mode: 0o755 });
  // A cache for the previous bundle would only be found stale and rewritten; drop it now.
  rmSync(join(root, 'dist', cacheName), { force: true });
}

await Promise.all([
  buildLaunched({ entry: 'server/src/main.ts', launcher: 'server/src/launch.ts', out: 'server.js', cacheName: 'server.v8cache' }),
  buildLaunched({ entry: 'server/src/cli.ts', launcher: 'server/src/cliLaunch.ts', out: 'cli.js', cacheName: 'cli.v8cache' }),
  esbuild.build({ ...options('yaml'), plugins: [], outfile: join('dist', 'yaml.js') }),
  ...entries.map((entry) => esbuild.build({ ...options(entry.in, entry.external), outfile: join('dist', `${entry.out}.js`) })),
]);
const requireFromRoot = createRequire(join(root, 'package.json'));
for (const [from, to] of TREE_SITTER_FILES) copyFileSync(requireFromRoot.resolve(from), join(root, 'dist', to));
buildCatalog(join(root, 'dist', 'catalog'));
buildManagedPolicies(join(root, 'dist', 'managed-policies'));

// The CLI's code cache, written by a first run over the examples (every rule, each kind of file), so
// that even the first check a user runs finds the rules compiled. A run that cannot write it, or a
// Node other than this one, only compiles as before (and writes its own).
spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', join(root, 'examples')], { stdio: 'ignore', timeout: 60_000 });
