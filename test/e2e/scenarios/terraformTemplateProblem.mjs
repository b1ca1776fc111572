import { hideProblemsPanel, openProblemRow } from '../workbench.mjs';

// A policy template that templatefile() renders (.tftpl, plain text in code-server): its own mistake
// reaches the Problems panel, and nothing is reported about the ${...} Terraform fills in.
export const terraformTemplateProblem = {
  name: 'an unknown action in a templatefile() policy template (.tftpl) appears in the Problems panel, its ${...} do not',
  slug: 'terraform-template-problem',
  async run({ page }) {
    await openProblemRow(page, 'queue-writer.tftpl', 'sqs:SendMesage', 'IAM102');
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const aboutTemplate = rows.filter((row) => /\$\{(partition|region|account_id|queue_name)\}/.test(row));
    if (aboutTemplate.length > 0) throw new Error(`findings about what templatefile() fills in: ${JSON.stringify(aboutTemplate)}`);
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
