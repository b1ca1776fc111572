import { hideProblemsPanel, openProblemRow } from '../workbench.mjs';

export const unknownActionProblem = {
  name: 'an unknown action appears in the Problems panel with its rule id',
  slug: 'unknown-action-problem',
  image: 'diagnostics',
  async run({ page }) {
    await openProblemRow(page, 'typo-policy.json', 's3:GetObjekt', 'IAM102');
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
