import { TIMEOUT, openFile } from '../workbench.mjs';

export const yamlTemplateProblem = {
  name: 'an unknown action in a YAML CloudFormation template appears in the Problems panel',
  slug: 'yaml-template-problem',
  image: 'yaml-diagnostics',
  async run({ page }) {
    await openFile(page, 'app-stack.yaml');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 's3:GetObjekt' }).filter({ hasText: 'IAM102' });
    try {
      await row.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      throw new Error(`no IAM102 problem in app-stack.yaml; Problems panel rows: ${JSON.stringify(rows)}`, { cause: error });
    }
  },
  async after({ page }) {
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
