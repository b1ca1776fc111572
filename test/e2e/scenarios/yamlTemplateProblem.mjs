import { hideProblemsPanel, openProblemRow } from '../workbench.mjs';

export const yamlTemplateProblem = {
  name: 'an unknown action in a YAML CloudFormation template appears in the Problems panel',
  slug: 'yaml-template-problem',
  image: 'yaml-diagnostics',
  async run({ page }) {
    await openProblemRow(page, 'app-stack.yaml', 's3:GetObjekt', 'IAM102');
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
