import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, openFile, positionOf, runCommand, waitForResultText, waitUntil } from '../workbench.mjs';

/** The code lens titles the active editor shows (lenses of one line are joined by " | " in one decoration). */
async function lensTitles(page) {
  const lines = await page.locator('.editor-instance .contentWidgets .codelens-decoration').allInnerTexts();
  return lines.flatMap((line) => line.split('|').map((title) => title.trim()));
}

// The workspace is a git repository (run.mjs commits it before code-server starts, and turns the Git
// extension on): the edit below is what "IAM: Review Access Changes" compares with HEAD, read through
// VS Code's Git extension. The command itself waits for the Git extension to report the repository.
export const reviewAccessChanges = {
  name: 'adding s3:PutObject shows as added Write access in "IAM: Review Access Changes"',
  slug: 'review-access-changes',
  async run({ page, workspace }) {
    await openFile(page, 'access-review-policy.json');
    const text = readFileSync(join(workspace, 'access-review-policy.json'), 'utf8');
    // The policy summary's lens at the policy's top, before the edit.
    await waitUntil('the summary lens "S3: Limited Read"', async () => (await lensTitles(page)).includes('S3: Limited Read'));
    const { line, column } = positionOf(text, '"s3:GetObject"');
    await goTo(page, line, column);
    await page.keyboard.type('"s3:PutObject", ', { delay: 30 });
    await page.keyboard.press('Escape');
    // The summary follows the edit: Write is granted now.
    await waitUntil('the summary lens to show Limited Write', async () => (await lensTitles(page)).includes('S3: Limited Read, Limited Write'));
    await runCommand(page, 'IAM: Review Access Changes');
    const shown = await waitForResultText(page, (visible) => /Adds access/.test(visible) && visible.includes('s3:PutObject'), TIMEOUT * 2);
    if (!/Write to Amazon S3/.test(shown)) throw new Error(`the view does not name the access level and service: ${shown.slice(0, 500)}`);
    if (!shown.includes('"ReadInvoices"')) throw new Error(`the view does not link the statement: ${shown.slice(0, 500)}`);
    if (!/Removes access \(0\)/.test(shown)) throw new Error(`the edit removes nothing, yet the view says: ${shown.slice(0, 500)}`);
    // The statement that adds access gets its lens.
    await waitUntil('the "+ access" lens on the statement', async () => (await lensTitles(page)).includes('+ access'));
  },
  async after({ page }) {
    // Leave the fixture as it was for any later scenario.
    await page.keyboard.press('Control+Z');
  },
};
