import { TIMEOUT, openFile } from '../workbench.mjs';

export const projectRuleSettings = {
  name: "a folder's .iam-author.json turns an unknown action into a warning",
  slug: 'project-rule-settings',
  image: 'rule-settings',
  async run({ page }) {
    await openFile(page, 'lenient-policy.json');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 's3:PutObjekt' }).filter({ hasText: 'IAM102' });
    try {
      await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT });
      // The Problems panel draws a row's severity as a codicon: the project file asked for a warning.
      await rows.first().locator('.codicon-warning').waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      const html = await page.locator('.markers-panel .monaco-list-row').evaluateAll((found) => found.map((row) => row.innerHTML.slice(0, 600)));
      throw new Error(`no IAM102 warning for s3:PutObjekt; Problems panel rows: ${JSON.stringify(html)}`, { cause: error });
    }
    if ((await rows.locator('.codicon-error').count()) > 0) throw new Error('IAM102 is still shown as an error');
  },
  async after({ page }) {
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
