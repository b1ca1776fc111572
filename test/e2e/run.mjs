// End-to-end suite: the built iam-author.vsix installed into a real VS Code workbench (code-server), driven by
// Playwright over Debian's Chromium. Run with `npm run test:e2e` (which packages the .vsix first).
// `--update-images` also refreshes the README's screenshots in docs/images/.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { startCodeServer } from '../../scripts/e2e/code-server.mjs';
import { chromiumArgs, chromiumPath, repoRoot } from '../../scripts/e2e/versions.mjs';
import { openWorkbench } from './workbench.mjs';
import { scenarios } from './scenarios/index.mjs';

const resultsDir = join(repoRoot, 'test-results', 'e2e');
const imagesDir = join(repoRoot, 'docs', 'images');
const updateImages = process.argv.includes('--update-images');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const vsix = join(repoRoot, 'iam-author.vsix');

const started = Date.now();
const elapsed = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`e2e [${elapsed()}] ${message}`);

/**
 * The workspace as a git repository with its fixtures committed: "IAM: Review Access Changes" compares
 * an edited file with HEAD through VS Code's Git extension. The test runs git; the extension does not.
 */
function commitWorkspace(workspace) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
  const quiet = ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main'];
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'fixtures']]) execFileSync('git', [...quiet, ...args], { cwd: workspace, env, stdio: 'pipe' });
}

/**
 * The quiet settings turn the Git extension off; the review scenario needs it to read HEAD. It may
 * find the workspace's repository but must not fetch, ask questions or decorate what the screenshots show.
 */
const gitSettings = {
  'git.enabled': true,
  'git.autofetch': false,
  'git.autoRepositoryDetection': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.decorations.enabled': false,
  'scm.diffDecorations': 'none',
  'git.terminalAuthentication': false,
  'git.useEditorAsCommitInput': false,
};

async function main() {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does).`);
  rmSync(resultsDir, { recursive: true, force: true });
  const runDir = join(resultsDir, 'run');
  const workspace = join(runDir, 'workspace');
  mkdirSync(runDir, { recursive: true });
  // The scenarios type into files; a copy keeps the fixtures in the repository untouched.
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  commitWorkspace(workspace);

  const server = await startCodeServer({ vsix, runDir, log, settings: gitSettings });
  log(`code-server at ${server.url}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const results = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const browserErrors = [];
    page.on('pageerror', (error) => browserErrors.push(String(error)));
    try {
      await openWorkbench(page, server.folderUrl(workspace), 'reports-policy.json');
    } catch (error) {
      const shot = join(resultsDir, '00-workbench.FAILED');
      await page.screenshot({ path: `${shot}.png` }).catch(() => undefined);
      keepLogs(server, shot, browserErrors);
      throw new Error(`the workbench did not load (see ${relative(repoRoot, shot)}.*): ${error.message}`);
    }
    log('workbench loaded');

    const selected = scenarios.filter((scenario) => only.length === 0 || only.some((part) => scenario.name.includes(part)));
    for (const [index, scenario] of selected.entries()) {
      const stepStarted = Date.now();
      const shot = join(resultsDir, `${String(index + 1).padStart(2, '0')}-${scenario.slug}`);
      try {
        await scenario.run({ page, workspace });
        await page.screenshot({ path: `${shot}.png` });
        if (updateImages && scenario.image) await saveReadmeImage(page, scenario);
        results.push({ name: scenario.name, pass: true });
        console.log(`✔ ${scenario.name} (${elapsed(stepStarted)})`);
      } catch (error) {
        await page.screenshot({ path: `${shot}.FAILED.png` }).catch(() => undefined);
        const logs = keepLogs(server, `${shot}.FAILED`, browserErrors);
        results.push({ name: scenario.name, pass: false });
        console.log(`✘ ${scenario.name} (${elapsed(stepStarted)})\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}`);
        console.log(`  screenshot: ${relative(repoRoot, `${shot}.FAILED.png`)}; logs: ${logs.map((file) => relative(repoRoot, file)).join(', ')}`);
      }
      await scenario.after?.({ page, workspace }).catch((error) => console.log(`  (clean-up after "${scenario.name}" failed: ${error.message.split('\n')[0]})`));
      await resetWorkbench(page);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  return results;
}

/** Closes widgets a scenario left open, so the next one starts from a quiet workbench. */
async function resetWorkbench(page) {
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
}

async function saveReadmeImage(page, scenario) {
  mkdirSync(imagesDir, { recursive: true });
  const target = join(imagesDir, `${scenario.image}.png`);
  // Everything right of the side bar: the editor, the panel and the notifications, without the explorer.
  const editor = await page.locator('.part.editor').boundingBox();
  const viewport = page.viewportSize();
  const clip = editor && viewport ? { x: editor.x, y: 0, width: viewport.width - editor.x, height: viewport.height } : undefined;
  await page.screenshot({ path: target, clip });
  log(`updated ${relative(repoRoot, target)}`);
}

/**
 * Copies what explains a failure next to its screenshot: the "IAM Author" output channel logs, the extension
 * host log and code-server's own output.
 */
function keepLogs(server, prefix, browserErrors) {
  const kept = [];
  const logsRoot = join(server.userDataDir, 'logs');
  for (const file of walk(logsRoot)) {
    const name = basename(file);
    if (/IAM Author/i.test(name) || name === 'exthost.log' || name === 'remoteexthost.log') {
      const target = `${prefix}.${name.replace(/\s+/g, '-')}`;
      copyFileSync(file, target);
      kept.push(target);
    }
  }
  if (existsSync(server.serverLog)) {
    copyFileSync(server.serverLog, `${prefix}.code-server.log`);
    kept.push(`${prefix}.code-server.log`);
  }
  if (browserErrors.length > 0) {
    writeFileSync(`${prefix}.browser-errors.log`, browserErrors.join('\n'));
    kept.push(`${prefix}.browser-errors.log`);
  }
  return kept;
}

function walk(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

try {
  const results = await main();
  const passed = results.filter((result) => result.pass).length;
  const failed = results.length - passed;
  log(`done; screenshots in ${relative(repoRoot, resultsDir)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
} catch (error) {
  console.error(`e2e: ${error?.stack ?? error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
