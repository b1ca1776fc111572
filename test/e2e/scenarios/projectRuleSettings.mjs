import { TIMEOUT, hideProblemsPanel, openProblemRow } from '../workbench.mjs';

export const projectRuleSettings = {
  name: "a folder's .iam-author.json turns an unknown action into a warning",
  slug: 'project-rule-settings',
  image: 'rule-settings',
  async run({ page }) {
    const row = await openProblemRow(page, 'lenient-policy.json', 's3:PutObjekt', 'IAM102');
    // The Problems panel draws a row's severity as a codicon: the project file asked for a warning.
    try {
      await row.locator('.codicon-warning').waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      throw new Error(`IAM102 for s3:PutObjekt is not shown as a warning: ${(await row.innerHTML()).slice(0, 600)}`, { cause: error });
    }
    const rows = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 's3:PutObjekt' }).filter({ hasText: 'IAM102' });
    if ((await rows.locator('.codicon-error').count()) > 0) throw new Error('IAM102 is still shown as an error');
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
