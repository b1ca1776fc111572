import { TIMEOUT, quickInputTitle, runCommand, waitUntil } from '../workbench.mjs';

const STEPS = ['Create the role', 'Write the permissions policy with completion', 'Service role, instance profile, service-linked role', 'Simulate GetObject and PutObject', 'Add a policy test, and run it'];

export const walkthrough = {
  name: 'the walkthrough "Give an EC2 instance access to an S3 bucket with a role" lists its steps and its buttons run the real commands',
  slug: 'walkthrough',
  async run({ page }) {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill('EC2 instance access to an S3 bucket');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'EC2 instance access' }).waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    const steps = page.locator('.getting-started-step');
    for (const title of STEPS) await steps.filter({ hasText: title }).first().waitFor({ timeout: TIMEOUT });
    // The first step is open; its button starts the New Role flow.
    const first = steps.filter({ hasText: 'Create the role' }).first();
    await first.click();
    await first.getByRole('button', { name: 'Create the role' }).or(first.locator('a', { hasText: /^Create the role$/ })).first().click({ timeout: TIMEOUT });
    await waitUntil('the New Role flow to ask for the trusted entity', async () => (await quickInputTitle(page))?.includes('IAM: New Role — Trusted entity'));
    await page.keyboard.press('Escape');
    // The simulate step's button runs Simulate Access (which asks for a policy file when none is active).
    const simulate = steps.filter({ hasText: 'Simulate GetObject and PutObject' }).first();
    await simulate.click();
    await simulate.getByRole('button', { name: 'Simulate Access' }).or(simulate.locator('a', { hasText: /^Simulate Access$/ })).first().waitFor({ timeout: TIMEOUT });
  },
  async after({ page }) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+W');
  },
};
