#!/usr/bin/env node
import { compileEmbeddedBundle } from './codeCache';
import { SAVE_CODE_CACHE } from './codeCacheSave';

// dist/server.js: runs the language server bundle embedded below it (see embeddedBundle.ts) through
// V8's code cache. scripts/build.mjs defines the bundle's hash.
declare const IAM_AUTHOR_BUNDLE_HASH: string;

/** A session that lasts this long saves the cache even if the process is later killed without exiting. */
const SAVE_AFTER_MS = 10_000;

const compiled = compileEmbeddedBundle(__filename, 'server.v8cache', IAM_AUTHOR_BUNDLE_HASH, 'server');
if (compiled.state !== 'used' && compiled.state !== 'disabled') {
  process.once('exit', compiled.save);
  setTimeout(compiled.save, SAVE_AFTER_MS).unref();
}
// The server writes the cache itself before it loads the HCL parser in the background
// (hclPreload.ts), so that the cache holds what a start needs and not the Terraform reader.
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = compiled.save;
compiled.run(exports, require, module, __filename, __dirname);
