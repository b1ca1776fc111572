import { TIMEOUT, openFile } from '../workbench.mjs';

export const unknownActionProblem = {
  name: 'an unknown action appears in the Problems panel with its rule id',
  slug: 'unknown-action-problem',
  image: 'diagnostics',
  async run({ page }) {
    await openFile(page, 'typo-policy.json');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 's3:GetObjekt' }).filter({ hasText: 'IAM102' });
    try {
      await row.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      throw new Error(`no IAM102 problem for s3:GetObjekt; Problems panel rows: ${JSON.stringify(rows)}`, { cause: error });
    }
  },
  async after({ page }) {
    // Ctrl+J hides the panel again, leaving the editor its full height for the next scenario.
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
