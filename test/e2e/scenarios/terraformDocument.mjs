import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, hideProblemsPanel, openFile, openProblemRow, positionOf } from '../workbench.mjs';

// A Terraform file (opened as plain text: code-server has no Terraform extension): an unknown action in
// an aws_iam_policy_document reaches the Problems panel, and completion offers actions inside `actions = [...]`.
export const terraformDocument = {
  name: 'an unknown action in an aws_iam_policy_document appears in the Problems panel, and actions = [...] completes',
  slug: 'terraform-document',
  image: 'terraform',
  async run({ page, workspace }) {
    await openProblemRow(page, 'main.tf', 's3:GetObjekt', 'IAM102');
    await hideProblemsPanel(page);
    await openFile(page, 'main.tf');
    const text = readFileSync(join(workspace, 'infra', 'main.tf'), 'utf8');
    const { line, column } = positionOf(text, '[]');
    await goTo(page, line, column + 1);
    // A plain-text editor closes no quotes: type both, step back inside, then type the action.
    await page.keyboard.type('""', { delay: 40 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('s3:Get', { delay: 40 });
    const widget = page.locator('.suggest-widget.visible');
    const offered = widget.locator('.monaco-list-row', { hasText: 's3:Get' }).first();
    try {
      await offered.waitFor({ timeout: 10_000 });
    } catch {
      await page.keyboard.press('Control+Space');
      await offered.waitFor({ timeout: TIMEOUT });
    }
    await page.keyboard.type('Obj', { delay: 40 });
    await widget.locator('.monaco-list-row .label-name', { hasText: /^\s*s3:GetObject\s*$/ }).first().waitFor({ timeout: TIMEOUT });
  },
  async after({ page }) {
    await page.keyboard.press('Escape');
  },
};
