// Runs every compiled test file (out/**/*.test.js) with node's test runner.
// Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function testFiles(directory) {
  const files = [];
  for (const name of readdirSync(directory)) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) files.push(...testFiles(full));
    else if (name.endsWith('.test.js')) files.push(full);
  }
  return files;
}

let files = testFiles(join(root, 'out')).sort();
if (only.length > 0) files = files.filter((file) => only.some((part) => file.includes(part)));
if (files.length === 0) {
  console.error('No compiled tests found under out/. Run `npm run build` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
