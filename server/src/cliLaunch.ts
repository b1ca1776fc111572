#!/usr/bin/env node
import { tuneJitForBatchRun } from './cli/batchJit';
import { compileEmbeddedBundle } from './codeCache';

// dist/cli.js: runs the CLI bundle embedded below it through V8's code cache, as dist/server.js runs
// the server's (launch.ts). A one-file check spent some 7% of its time compiling the bundle, and a
// folder of policies the rules' first compilation. scripts/build.mjs defines the bundle's hash.
declare const IAM_AUTHOR_BUNDLE_HASH: string;

// V8 takes a cache only under the flags it was written with: the batch run's JIT setting is made
// here, before the bundle is compiled, in every run (the bundle makes it again, to the same value).
tuneJitForBatchRun();
const compiled = compileEmbeddedBundle(__filename, 'cli.v8cache', IAM_AUTHOR_BUNDLE_HASH, 'CLI');
// The first run writes the cache as it exits, with all it compiled (a folder check: the rules too).
// A folder that cannot be written to (a global install) keeps compiling as before.
if (compiled.state !== 'used' && compiled.state !== 'disabled') process.once('exit', compiled.save);
compiled.run(exports, require, module, __filename, __dirname);
