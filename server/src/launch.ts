#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { cacheKey, compileModule } from './codeCache';
import { embeddedBundle } from './embeddedBundle';
import { SAVE_CODE_CACHE } from './codeCacheSave';

// dist/server.js: runs the language server bundle embedded below it (see embeddedBundle.ts) through
// V8's code cache. scripts/build.mjs defines the bundle's hash.
declare const IAM_AUTHOR_BUNDLE_HASH: string;

/** A session that lasts this long saves the cache even if the process is later killed without exiting. */
const SAVE_AFTER_MS = 10_000;

const bundle = embeddedBundle(fs.readFileSync(__filename, 'utf8'));
if (!bundle) throw new Error(`${__filename} carries no server bundle: rebuild with npm run build`);
const setting = process.env.IAM_AUTHOR_CODE_CACHE;
const cache = setting === '0' || setting === 'off' ? undefined : { path: path.join(__dirname, 'server.v8cache'), key: cacheKey(IAM_AUTHOR_BUNDLE_HASH) };
const compiled = compileModule(bundle.body, __filename, cache, bundle.lineOffset);
if (compiled.state !== 'used' && compiled.state !== 'disabled') {
  process.once('exit', compiled.save);
  setTimeout(compiled.save, SAVE_AFTER_MS).unref();
}
// The server writes the cache itself before it loads the HCL parser in the background
// (hclPreload.ts), so that the cache holds what a start needs and not the Terraform reader.
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = compiled.save;
compiled.run(exports, require, module, __filename, __dirname);
