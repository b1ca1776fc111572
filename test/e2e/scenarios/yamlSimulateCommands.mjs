import { TIMEOUT, openFile } from '../workbench.mjs';

const TITLES = ['IAM: Simulate Access', 'IAM: Simulate All Actions'];

export const yamlSimulateCommands = {
  name: 'in a YAML template the simulate commands are in the command palette and the editor context menu',
  slug: 'yaml-simulate-commands',
  async run({ page }) {
    await openFile(page, 'app-stack.yaml');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.type('IAM: Simulate');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    for (const title of TITLES) {
      await rows.filter({ hasText: title }).first().waitFor({ timeout: TIMEOUT }).catch(async (error) => {
        throw new Error(`"${title}" is not in the command palette for YAML; rows: ${JSON.stringify(await rows.allInnerTexts())}`, { cause: error });
      });
    }
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });

    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ button: 'right', position: { x: 200, y: 60 } });
    const menu = page.locator('.monaco-menu');
    for (const title of ['Simulate Access', 'Simulate All Actions']) {
      await menu.locator('.action-label', { hasText: new RegExp(`^\\s*${title}\\s*$`) }).first().waitFor({ timeout: TIMEOUT }).catch(async (error) => {
        throw new Error(`"${title}" is not in the editor context menu for YAML; items: ${JSON.stringify(await menu.locator('.action-label').allInnerTexts())}`, { cause: error });
      });
    }
  },
  async after({ page }) {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-menu').waitFor({ state: 'hidden', timeout: TIMEOUT });
  },
};
