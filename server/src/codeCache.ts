import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { embeddedBundle } from './embeddedBundle';

/**
 * Compiling the server bundle and lazily compiling the functions its first validation runs cost a
 * noticeable part of a cold start. V8 can serialise that compiled code; the next start deserialises it
 * instead (Node 20 has no built-in compile cache for CommonJS). The cache lives beside the bundle, so it
 * is exactly as trusted as the code itself, and is ignored unless written for the same bundle and
 * runtime. Any problem with it means compiling as usual, never a failed start.
 */

/** The CommonJS wrapper the bundle runs in, as Node's own loader would call it. */
export type ModuleFunction = (exports: unknown, require: NodeRequire, module: NodeModule, filename: string, dirname: string) => void;

export interface CodeCacheFile {
  readonly path: string;
  /** What the cache must have been written for: the bundle's hash and the runtime; see cacheKey. */
  readonly key: string;
}

/** How a start used the cache: `used`, or why not. */
export type CacheState = 'used' | 'disabled' | 'absent' | 'stale' | 'rejected';

export interface CompiledModule {
  readonly state: CacheState;
  readonly run: ModuleFunction;
  /**
   * Writes a fresh cache, including everything compiled so far, unless the one read was used.
   * Safe to call more than once (only the first call writes); never throws. True if written.
   */
  save(): boolean;
}

const MAGIC = 'iam-author code cache\n';

/** The key for a bundle: V8 itself checks only the source length, so the bundle's content hash goes in. */
export function cacheKey(bundleHash: string): string {
  return `${bundleHash} node ${process.version} v8 ${process.versions.v8} ${process.arch}`;
}

/**
 * Compiles `body`, the text of a CommonJS module, as Node would, with the code cache when it fits.
 * `lineOffset` is the (0-based) line of `filename` where `body` starts, so stack traces name the right line.
 */
export function compileModule(body: string, filename: string, cache: CodeCacheFile | undefined, lineOffset = 0): CompiledModule {
  // The wrapper sits on a line of its own so that the body's lines keep their numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {\n${body}\n})`;
  const found = cache ? readCache(cache) : 'disabled';
  const cachedData = typeof found === 'string' ? undefined : found;
  const script = new vm.Script(source, { filename, lineOffset: lineOffset - 1, cachedData });
  const state: CacheState = typeof found === 'string' ? found : script.cachedDataRejected ? 'rejected' : 'used';
  let saved = state === 'used' || state === 'disabled';
  return {
    state,
    run: script.runInThisContext() as ModuleFunction,
    save: () => {
      if (saved || !cache) return false;
      saved = true;
      try {
        return writeCache(cache, script.createCachedData());
      } catch {
        return false;
      }
    },
  };
}

function readCache(cache: CodeCacheFile): Buffer | 'absent' | 'stale' {
  let data: Buffer;
  try {
    data = fs.readFileSync(cache.path);
  } catch {
    return 'absent';
  }
  const header = `${MAGIC}${cache.key}\n`;
  const length = Buffer.byteLength(header);
  if (data.length <= length || data.toString('utf8', 0, length) !== header) return 'stale';
  return data.subarray(length);
}

/** Written under a temporary name and renamed, so that a concurrent start never reads half a file. */
function writeCache(cache: CodeCacheFile, data: Buffer): boolean {
  const temporary = `${cache.path}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${cache.key}\n`), data]));
    fs.renameSync(temporary, cache.path);
    return true;
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    return false;
  }
}

/**
 * What dist/server.js and dist/cli.js do first: compile the bundle embedded below the launcher
 * (embeddedBundle.ts) through the code cache `cacheName` beside it, unless IAM_AUTHOR_CODE_CACHE is
 * "0" or "off". `what` names the bundle in the message of a launcher built without one.
 */
export function compileEmbeddedBundle(launcher: string, cacheName: string, bundleHash: string, what: string): CompiledModule {
  const bundle = embeddedBundle(fs.readFileSync(launcher, 'utf8'));
  if (!bundle) throw new Error(`${launcher} carries no ${what} bundle: rebuild with npm run build`);
  const setting = process.env.IAM_AUTHOR_CODE_CACHE;
  const cache = setting === '0' || setting === 'off' ? undefined : { path: path.join(path.dirname(launcher), cacheName), key: cacheKey(bundleHash) };
  return compileModule(bundle.body, launcher, cache, bundle.lineOffset);
}
