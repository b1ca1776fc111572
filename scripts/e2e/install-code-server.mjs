// Installs code-server (with the Node 24 it needs) into .cache/, keyed by versions, plus the Debian packages
// its native modules build against and the Chromium that drives it. A warm cache makes this a no-op.
// Run directly (`node scripts/e2e/install-code-server.mjs`) or through ensureCodeServer().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APT_PACKAGES,
  CODE_SERVER_VERSION,
  NODE_VERSION,
  cacheRoot,
  codeServerEntry,
  completeMarker,
  installDir,
  nodeBinary,
  nodeDir,
} from './versions.mjs';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

export function ensureAptPackages(log = console.log) {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`e2e: apt-get installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

export function isCodeServerInstalled() {
  return existsSync(completeMarker) && existsSync(nodeBinary) && existsSync(codeServerEntry);
}

/** Returns the Node binary and code-server entry point, installing both on a cold cache. */
export function ensureCodeServer(log = console.log) {
  ensureAptPackages(log);
  if (isCodeServerInstalled()) return { node: nodeBinary, entry: codeServerEntry };
  // Two test runs that share a cache (worktrees, parallel jobs) must not install over each other: the
  // second waits for the first, which removes the folder it is about to fill.
  withInstallLock(log, () => {
    if (!isCodeServerInstalled()) install(log);
  });
  return { node: nodeBinary, entry: codeServerEntry };
}

const LOCK_WAIT_MS = 20 * 60_000;

function withInstallLock(log, work) {
  mkdirSync(cacheRoot, { recursive: true });
  const lock = join(cacheRoot, 'install.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lock, 'utf8'));
    if (!isAlive(owner)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for the code-server install of process ${owner} (${lock})`);
    if (!told) log(`e2e: waiting for another run (process ${owner}) to finish installing code-server`);
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  }
  try {
    work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function install(log) {
  const started = Date.now();
  log(`e2e: installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${installDir} (takes a few minutes, once)`);
  rmSync(installDir, { recursive: true, force: true });
  // Installs for other versions are ~800 MB each and never used again.
  for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    if (name.startsWith('code-server-') && join(cacheRoot, name) !== installDir) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  }
  const nodePrefix = join(installDir, 'node');
  const codeServerPrefix = join(installDir, 'code-server');
  for (const prefix of [nodePrefix, codeServerPrefix]) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  }
  const npmFlags = ['--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];
  run('npm', ['install', ...npmFlags, `node@${NODE_VERSION}`], { cwd: nodePrefix });

  // Node 24 first on PATH, so npm, code-server's postinstall and node-gyp all run on it; the machine's npm
  // config may point nodedir at another Node's headers, and the native modules must match Node 24's ABI.
  const env = {
    ...process.env,
    PATH: `${dirname(nodeBinary)}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_build_from_source: undefined,
  };
  delete env.npm_config_build_from_source;
  run('npm', ['install', ...npmFlags, '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerPrefix, env });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  writeFileSync(completeMarker, `${new Date().toISOString()} ${Math.round((Date.now() - started) / 1000)}s\n`);
  log(`e2e: code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { node, entry } = ensureCodeServer();
    console.log(`e2e: code-server ready: ${node} ${entry}`);
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
