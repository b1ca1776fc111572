import { hideProblemsPanel, openProblemRow } from '../workbench.mjs';

export const serverlessProblem = {
  name: 'an unknown action in serverless.yml appears in the Problems panel',
  slug: 'serverless-problem',
  async run({ page }) {
    await openProblemRow(page, 'serverless.yml', 's3:ListBukket', 'IAM102');
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
