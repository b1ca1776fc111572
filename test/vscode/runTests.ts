// Runs the extension-host suite in a desktop VS Code that @vscode/test-electron downloads (`npm run test:vscode`).
// The same scenarios as the code-server suite in test/e2e, asserted through the VS Code API instead of the DOM.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'iam-author-vscode-'));
  // The scenarios edit files; they get a copy of the fixtures, never the originals.
  const workspace = join(scratch, 'workspace');
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(scratch, 'user-data'),
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
