import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, openFile, positionOf } from '../workbench.mjs';

export const actionCompletion = {
  name: 'typing "s3:Get in an Action offers s3:GetObject',
  slug: 'action-completion',
  image: 'completion',
  async run({ page, workspace }) {
    await openFile(page, 'draft-policy.json');
    const text = readFileSync(join(workspace, 'draft-policy.json'), 'utf8');
    const { line, column } = positionOf(text, '[]');
    await goTo(page, line, column + 1);
    // Typed the way a user types it; the editor closes the quote itself.
    await page.keyboard.type('"s3:Get', { delay: 40 });
    const widget = page.locator('.suggest-widget.visible');
    const offered = widget.locator('.monaco-list-row', { hasText: 's3:Get' }).first();
    try {
      await offered.waitFor({ timeout: 10_000 });
    } catch {
      // Quick suggestions inside strings depend on the user's settings; Ctrl+Space is what a user does then.
      await page.keyboard.press('Control+Space');
      await offered.waitFor({ timeout: TIMEOUT });
    }
    // s3 has dozens of Get* actions and the list shows a dozen rows; narrowing it the way a user would
    // keeps the same completion session (the widget filters what the server offered).
    await page.keyboard.type('Obj', { delay: 40 });
    await widget.locator('.monaco-list-row .label-name', { hasText: /^\s*s3:GetObject\s*$/ }).first().waitFor({ timeout: TIMEOUT });
  },
  async after({ page }) {
    // Accepting the suggestion leaves a valid policy behind, so its diagnostic does not crowd later screenshots.
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
