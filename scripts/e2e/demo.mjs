// `npm run demo`: code-server with the freshly packaged extension, opened on examples/. Prints the URL and
// runs until interrupted. PORT picks the port (default 8080, or a free one when 8080 is taken); the demo's
// state lives in .cache/demo.
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { repoRoot } from './versions.mjs';

const vsix = join(repoRoot, 'iam-author.vsix');
if (!existsSync(vsix)) {
  console.error('iam-author.vsix is missing: run `npm run package` first (npm run demo does).');
  process.exit(1);
}
const runDir = join(repoRoot, '.cache', 'demo');
// A fresh profile each time, so the demo always shows the extension as just built.
rmSync(runDir, { recursive: true, force: true });
const port = process.env.PORT ? Number(process.env.PORT) : (await isFree(8080)) ? 8080 : undefined;
const server = await startCodeServer({ vsix, runDir, port });
const examples = join(repoRoot, 'examples');

console.log('');
console.log(`IAM Author demo: open ${server.folderUrl(examples)}`);
console.log('  Try: policy-with-mistakes.json (Problems: Ctrl+Shift+M), hover a principal in a trust policy,');
console.log('  "IAM: Simulate Access" from the command palette (F1) in lambda-service-role/permissions-policy.json.');
console.log(`  The CLI on the same files: node dist/cli.js check examples/ ; node dist/cli.js test examples/access.iamtest.json`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  });
}

function isFree(candidate) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
