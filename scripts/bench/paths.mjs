import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = join(root, 'dist', 'server.js');
export const catalogDir = join(root, 'dist', 'catalog');
export const vsixPath = join(root, 'iam-author.vsix');

const require = createRequire(import.meta.url);

/** The engine as tsc compiled it, plus the server's catalogue reader: the code dist/server.js bundles. */
export function loadEngine() {
  const engineEntry = join(root, 'out', 'engine', 'src', 'index.js');
  const catalogFiles = join(root, 'out', 'server', 'src', 'catalogFiles.js');
  for (const file of [serverPath, engineEntry, catalogFiles, join(catalogDir, 'index.json')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  const engine = require(engineEntry);
  const { fileCatalogSource } = require(catalogFiles);
  return { engine, newCatalog: () => new engine.Catalog(fileCatalogSource(catalogDir)) };
}

/** Loads the HCL parser into the engine of loadEngine() (as the server does with the first Terraform document). */
export async function loadEngineHcl() {
  await require(join(root, 'out', 'server', 'src', 'hclFiles.js')).loadHcl();
}

/** The extension's environment for the server (server/src/protocol/session.ts), as compiled by tsc. */
export function serverEnvironment(environment) {
  const protocol = join(root, 'out', 'server', 'src', 'protocol', 'session.js');
  if (!existsSync(protocol)) throw new Error(`${protocol} is missing: run "npm run build" first`);
  return require(protocol).serverEnvironment(environment);
}
