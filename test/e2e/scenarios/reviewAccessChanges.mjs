import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, openFile, positionOf, runCommand, waitForResultText } from '../workbench.mjs';

// The workspace is a git repository (run.mjs commits it before code-server starts): the edit below is
// what "IAM: Review Access Changes" compares with HEAD, read through VS Code's Git extension.
export const reviewAccessChanges = {
  name: 'adding s3:PutObject shows as added Write access in "IAM: Review Access Changes"',
  slug: 'review-access-changes',
  async run({ page, workspace }) {
    await openFile(page, 'access-review-policy.json');
    const text = readFileSync(join(workspace, 'access-review-policy.json'), 'utf8');
    const { line, column } = positionOf(text, '"s3:GetObject"');
    await goTo(page, line, column);
    await page.keyboard.type('"s3:PutObject", ', { delay: 30 });
    // A closing quote the editor may have added itself would break the array: the review refuses broken
    // files, so the text is checked before the command runs.
    await page.keyboard.press('Escape');
    await runCommand(page, 'IAM: Review Access Changes');
    const shown = await waitForResultText(page, (visible) => /Adds access/.test(visible) && visible.includes('s3:PutObject'), TIMEOUT * 2);
    if (!/Write to Amazon S3/.test(shown)) throw new Error(`the view does not name the access level and service: ${shown.slice(0, 500)}`);
    if (!shown.includes('"ReadInvoices"')) throw new Error(`the view does not link the statement: ${shown.slice(0, 500)}`);
  },
  async after({ page }) {
    // Leave the fixture as it was for any later scenario.
    await page.keyboard.press('Control+Z');
  },
};
