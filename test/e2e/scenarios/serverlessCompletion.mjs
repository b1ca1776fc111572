import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, openFile, positionOf } from '../workbench.mjs';

const FILE = join('lambda-service', 'serverless.yml');

export const serverlessCompletion = {
  name: 'an empty "- " item under Action: in serverless.yml offers the catalogue',
  slug: 'serverless-completion',
  async run({ page, workspace }) {
    await openFile(page, 'serverless.yml');
    const text = readFileSync(join(workspace, FILE), 'utf8');
    const { line } = positionOf(text, '- s3:ListBukket');
    await goTo(page, line, 1);
    // A new item below the existing one, typed as a user types it: the editor keeps the list's indentation.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ', { delay: 40 });
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget.visible');
    // Nothing typed yet: the service prefixes are offered in order, as on an empty JSON string (the list
    // shows its first dozen rows).
    await widget.locator('.monaco-list-row .label-name', { hasText: /^\s*acm\s*$/ }).first().waitFor({ timeout: TIMEOUT });
    // Narrowing to one service keeps the session and reaches its actions.
    await page.keyboard.type('s3:GetObj', { delay: 40 });
    await widget.locator('.monaco-list-row .label-name', { hasText: /^\s*s3:GetObject\s*$/ }).first().waitFor({ timeout: TIMEOUT });
  },
  async after({ page }) {
    await page.keyboard.press('Escape');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: TIMEOUT });
    // Leave the file as the workspace has it for the scenarios that follow.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Z');
  },
};
