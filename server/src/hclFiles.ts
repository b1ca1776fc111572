import * as fs from 'fs';
import * as path from 'path';
import { hclParserReady, loadHclParser } from '../../engine/src';

/**
 * The HCL parser's two WebAssembly modules sit beside the bundles in dist/ (scripts/build.mjs copies
 * them there); compiled but unbundled code (out/server/src) finds them in dist/ of the package too.
 */
function wasmDir(): string {
  const beside = __dirname;
  return fs.existsSync(path.join(beside, 'tree-sitter-terraform.wasm')) ? beside : path.join(__dirname, '..', '..', '..', 'dist');
}

/** Loads the HCL parser once (with the first Terraform document); later calls return the same promise. */
export function loadHcl(): Promise<void> {
  return loadHclParser(() => {
    const dir = wasmDir();
    return { runtime: fs.readFileSync(path.join(dir, 'web-tree-sitter.wasm')), grammar: fs.readFileSync(path.join(dir, 'tree-sitter-terraform.wasm')) };
  });
}

export { hclParserReady };
