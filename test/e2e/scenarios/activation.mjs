import { TIMEOUT, openFile, runCommand } from '../workbench.mjs';

export const activation = {
  name: 'the extension activates on a policy file',
  slug: 'activation',
  async run({ page }) {
    await openFile(page, 'reports-policy.json');
    // The Running Extensions view lists only activated extensions, with the event that activated them.
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'IAM Author' });
    try {
      await row.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (error) {
      const rows = await page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts();
      throw new Error(`IAM Author is not among the running extensions: ${JSON.stringify(rows)}`, { cause: error });
    }
  },
  async after({ page }) {
    // Recent workbenches show this view in a modal editor, older ones in a tab: Escape closes the one,
    // Ctrl+W the other.
    const view = page.locator('.runtime-extensions-editor');
    await page.keyboard.press('Escape');
    if (await view.isVisible()) await page.keyboard.press('Control+W');
    await view.waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
