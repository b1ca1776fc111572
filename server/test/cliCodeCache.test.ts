import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './lspClient';

// dist/cli.js compiles the CLI bundle through V8's code cache (cliLaunch.ts), kept beside it in
// cli.v8cache: run as a process from a copy of dist/, so that the tests own the cache file.

let dist: string;
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}';

before(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-author-cli-cache-'));
  const real = path.join(repoRoot(), 'dist');
  fs.copyFileSync(path.join(real, 'cli.js'), path.join(dist, 'cli.js'));
  for (const name of ['catalog', 'managed-policies', 'yaml.js', 'web-tree-sitter.js', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) fs.symlinkSync(path.join(real, name), path.join(dist, name));
  fs.writeFileSync(path.join(dist, 'policy.json'), POLICY);
});

after(() => fs.rmSync(dist, { recursive: true, force: true }));

const cacheFile = () => path.join(dist, 'cli.v8cache');

function check(env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', 'policy.json'], { cwd: dist, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 1, result.stderr);
  return result.stdout;
}

test('the first run writes the cache, later runs use it unchanged, and the output is the same', () => {
  assert.equal(fs.existsSync(cacheFile()), false);
  const first = check();
  assert.match(first, /IAM102 Unknown action "s3:GetObjekt"/);
  const written = fs.readFileSync(cacheFile());
  assert.equal(written.subarray(0, 22).toString(), 'iam-author code cache\n');
  assert.equal(check(), first);
  assert.deepEqual(fs.readFileSync(cacheFile()), written, 'a run that used the cache does not write it again');
});

test('a damaged cache is never a failed run: it is compiled as usual and written again', () => {
  fs.writeFileSync(cacheFile(), 'iam-author code cache\nnot the key\n');
  assert.match(check(), /IAM102/);
  assert.notEqual(fs.readFileSync(cacheFile(), 'utf8').split('\n')[1], 'not the key');
});

test('IAM_AUTHOR_CODE_CACHE=0 neither reads nor writes it', () => {
  fs.rmSync(cacheFile());
  assert.match(check({ IAM_AUTHOR_CODE_CACHE: '0' }), /IAM102/);
  assert.equal(fs.existsSync(cacheFile()), false);
});
