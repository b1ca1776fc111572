import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, goTo, openFile, positionOf } from '../workbench.mjs';

const EXPLAINS_INSTANCE_ROLE = /instance profile|EC2 instance role/i;

export const trustPrincipalHover = {
  name: 'hovering ec2.amazonaws.com in a trust policy explains an EC2 instance role',
  slug: 'trust-principal-hover',
  image: 'role-hover',
  async run({ page, workspace }) {
    await openFile(page, 'ec2-trust-policy.json');
    const text = readFileSync(join(workspace, 'ec2-trust-policy.json'), 'utf8');
    const { line, column } = positionOf(text, 'ec2.amazonaws.com');
    await goTo(page, line, column + 3);
    // Ctrl+K Ctrl+I: "Show or Focus Hover" at the cursor.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: EXPLAINS_INSTANCE_ROLE });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      const shown = await page.locator('.monaco-hover').allInnerTexts();
      throw new Error(`no hover mentioning an instance profile / EC2 instance role; hovers shown: ${JSON.stringify(shown)}`, { cause: error });
    }
  },
};
