// Bundles the three programs with esbuild and writes the IAM catalogue next to them.
// Run after `tsc -b` (which type-checks and compiles the tests); see package.json "build".
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from './build-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV !== 'development';

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/main.ts', out: 'server', external: [] },
  { in: 'server/src/cli.ts', out: 'cli', external: [] },
];

await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry.in],
      outfile: join('dist', `${entry.out}.js`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: entry.external,
      minify: production,
      // No maps in the package: they would double its size and point at sources we do not ship.
      sourcemap: false,
      legalComments: 'none',
      // jsonc-parser's default entry is a UMD build whose requires esbuild cannot follow; take its ES module build.
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    }),
  ),
);
buildCatalog(join(root, 'dist', 'catalog'));
