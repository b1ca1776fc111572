import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { RunPolicyTestsResult } from '../src/protocol';
import { runCli, tempFolder } from './cliRunner';
import { LspClient, repoRoot } from './lspClient';

// A hostile workspace or command line: devices, FIFOs, symlinks to them, huge files, unreadable
// folders. Each must end quickly with a clear message (exit 2), never hang or grow without bound.

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] };
const hasDevZero = fs.existsSync('/dev/zero');

function expectRefused(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, pattern);
}

describe('the CLI reads only regular files, within a stated size', { skip: !hasDevZero && 'no /dev/zero here' }, () => {
  let folder: { dir: string; cleanup: () => void };
  before(() => {
    folder = tempFolder({ 'policy.json': POLICY, 'config/.iam-author.json': { rules: {} } });
  });
  after(() => folder.cleanup());

  it('check /dev/zero: not a regular file', () => {
    expectRefused(runCli(folder.dir, ['check', '/dev/zero']), /\/dev\/zero: is not a regular file/);
  });

  it('check a FIFO with no writer: refused at once, not waited on', () => {
    const fifo = path.join(folder.dir, 'pipe.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    try {
      expectRefused(runCli(folder.dir, ['check', fifo]), /pipe\.json: is not a regular file/);
      // Found by walking the folder, too.
      const walked = runCli(folder.dir, ['check', folder.dir]);
      expectRefused(walked, /pipe\.json: is not a regular file/);
    } finally {
      fs.rmSync(fifo);
    }
  });

  it('a folder scan does not follow a symlink x.json -> /dev/zero', () => {
    const link = path.join(folder.dir, 'x.json');
    fs.symlinkSync('/dev/zero', link);
    try {
      const result = runCli(folder.dir, ['check', '--format', 'json', folder.dir]);
      expectRefused(result, /x\.json: is not a regular file/);
      // The other files were still checked.
      assert.match(result.stdout, /policy\.json/);
    } finally {
      fs.rmSync(link);
    }
  });

  it('standard input from /dev/zero stops at the cap', () => {
    const cli = path.join(repoRoot(), 'dist', 'cli.js');
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const result = spawnSync(process.execPath, [cli, 'check', '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expectRefused(result, /standard input is larger than 32 MB/);
    } finally {
      fs.closeSync(zero);
    }
  });

  it('--config /dev/zero, a symlinked project file and an oversized one', () => {
    expectRefused(runCli(folder.dir, ['check', '--config', '/dev/zero', 'policy.json']), /is not a regular file/);
    const big = path.join(folder.dir, 'big.iam-author.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 * 1024 * 1024);
    try {
      expectRefused(runCli(folder.dir, ['check', '--config', big, 'policy.json']), /larger than 1 MB/);
    } finally {
      fs.rmSync(big);
    }
  });

  it('a file over 32 MB is reported, not read', () => {
    const big = path.join(folder.dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 33 * 1024 * 1024);
    try {
      expectRefused(runCli(folder.dir, ['check', big]), /big\.json: is larger than 32 MB/);
    } finally {
      fs.rmSync(big);
    }
  });

  it('simulate and test refuse /dev/zero as a policy', () => {
    expectRefused(runCli(folder.dir, ['simulate', '--identity', '/dev/zero', '--action', 's3:GetObject', '--resource', '*']), /\/dev\/zero: is not a regular file/);
    fs.writeFileSync(path.join(folder.dir, 'zero.iamtest.json'), JSON.stringify({ policies: { identity: ['/dev/zero'] }, tests: [] }));
    expectRefused(runCli(folder.dir, ['test', 'zero.iamtest.json']), /is not a regular file/);
    expectRefused(runCli(folder.dir, ['test', '/dev/zero']), /is not a regular file/);
  });

  it('a UTF-8 byte order mark is accepted, as editors and AWS accept it', () => {
    fs.writeFileSync(path.join(folder.dir, 'bom.json'), `\uFEFF${JSON.stringify(POLICY)}`);
    const result = runCli(folder.dir, ['check', 'bom.json']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const piped = runCli(folder.dir, ['check', '-'], `\uFEFF${JSON.stringify(POLICY)}`);
    assert.equal(piped.status, 0, piped.stdout + piped.stderr);
  });
});

describe('a folder that cannot be read fails the run (exit 2)', () => {
  it('check DIR with an unreadable subfolder', () => {
    const folder = tempFolder({ 'ok/policy.json': POLICY, 'locked/hidden.json': POLICY });
    const locked = path.join(folder.dir, 'locked');
    // As root, permissions do not stop a read: the CLI then runs as an unprivileged user.
    const asRoot = process.getuid?.() === 0;
    try {
      if (asRoot) {
        for (const entry of [folder.dir, path.join(folder.dir, 'ok'), path.join(folder.dir, 'ok', 'policy.json')]) fs.chmodSync(entry, 0o755);
      }
      fs.chmodSync(locked, 0o000);
      const cli = asRoot ? cliReadableBy(UNPRIVILEGED) : { path: path.join(repoRoot(), 'dist', 'cli.js'), cleanup: () => undefined };
      let result;
      try {
        result = spawnSync(process.execPath, [cli.path, 'check', folder.dir], { encoding: 'utf8', timeout: 60_000, ...(asRoot && { uid: UNPRIVILEGED, gid: UNPRIVILEGED }) });
      } finally {
        cli.cleanup();
      }
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /locked: folder cannot be read \(permission denied\): its files were not checked/);
      assert.match(result.stdout, /1 file/);
    } finally {
      fs.chmodSync(locked, 0o755);
      folder.cleanup();
    }
  });
});

describe('the server reads policy tests and project files only inside the workspace', () => {
  let client: LspClient;
  let base: string;
  let workspace: string;
  let outside: string;
  before(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-workspace-'));
    workspace = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    fs.mkdirSync(workspace);
    fs.mkdirSync(outside);
    client = new LspClient();
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }] });
  });
  after(async () => {
    fs.rmSync(base, { recursive: true, force: true });
    assert.equal(await client.close(), 0, client.stderr);
  });

  const run = (name: string, identity: string[]) => {
    const file = path.join(workspace, name);
    fs.writeFileSync(file, JSON.stringify({ policies: { identity }, tests: [{ name: 'reads', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a', expect: 'Allow' }] }));
    return client.request<RunPolicyTestsResult>('iam/runPolicyTests', { uri: pathToFileURL(file).href });
  };

  it('a policy inside the workspace runs', async () => {
    fs.writeFileSync(path.join(workspace, 'reader.json'), JSON.stringify(POLICY));
    const outcome = await run('inside.iamtest.json', ['reader.json']);
    assert.equal(outcome.error, undefined);
    assert.deepEqual(outcome.results.map((result) => result.pass), [true]);
  });

  it('a policy outside the workspace (by path, by .., by symlink) is refused with a reason', async () => {
    fs.writeFileSync(path.join(outside, 'reader.json'), JSON.stringify(POLICY));
    fs.symlinkSync(path.join(outside, 'reader.json'), path.join(workspace, 'link.json'));
    for (const [name, reference] of [
      ['absolute.iamtest.json', path.join(outside, 'reader.json')],
      ['dotdot.iamtest.json', path.relative(workspace, path.join(outside, 'reader.json'))],
      ['symlink.iamtest.json', 'link.json'],
    ] as const) {
      const outcome = await run(name, [reference]);
      assert.match(outcome.error ?? '', /is outside the workspace/, name);
      assert.deepEqual(outcome.results, [], name);
    }
  });

  it('a policy test naming /dev/zero ends with a message, and the server keeps answering', async () => {
    const outcome = await run('zero.iamtest.json', ['/dev/zero']);
    assert.match(outcome.error ?? '', /outside the workspace|not a regular file/);
    fs.symlinkSync('/dev/zero', path.join(workspace, 'zero.json'));
    const linked = await run('zero-link.iamtest.json', ['zero.json']);
    assert.match(linked.error ?? '', /outside the workspace|not a regular file/);
    const again = await run('inside-again.iamtest.json', ['reader.json']);
    assert.deepEqual(again.results.map((result) => result.pass), [true]);
  });

  it('a project file above the workspace is not read', async () => {
    // A .iam-author.json in the folder above the workspace would turn a rule off if it were read.
    const above = path.join(base, '.iam-author.json');
    fs.writeFileSync(above, JSON.stringify({ rules: { IAM102: 'off' } }));
    try {
      const uri = pathToFileURL(path.join(workspace, 'policy.json')).href;
      client.open(uri, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjectt', Resource: '*' }] }));
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), JSON.stringify(diagnostics));
    } finally {
      fs.rmSync(above);
    }
  });
});

/** The user `nobody`: as root, the CLI runs as this user so that permissions apply. */
const UNPRIVILEGED = 65534;

/**
 * dist/cli.js as `uid` can run it: in place when that user can reach it, or else (a checkout in a
 * private folder, as `mktemp -d` makes) from a copy of dist/ in a folder every user can read.
 */
function cliReadableBy(uid: number): { path: string; cleanup: () => void } {
  const dist = path.join(repoRoot(), 'dist');
  const inPlace = path.join(dist, 'cli.js');
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(inPlace)}, require('fs').constants.R_OK)`], { uid, gid: uid });
  if (probe.status === 0) return { path: inPlace, cleanup: () => undefined };
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-author-dist-'));
  fs.chmodSync(copy, 0o755);
  fs.cpSync(dist, path.join(copy, 'dist'), { recursive: true });
  return { path: path.join(copy, 'dist', 'cli.js'), cleanup: () => fs.rmSync(copy, { recursive: true, force: true }) };
}
