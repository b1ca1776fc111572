import { TIMEOUT, hideProblemsPanel, openProblemRow, waitUntil } from '../workbench.mjs';

/** The first heading of any rendered frame (webviews nest theirs), or of the workbench. */
async function renderedHeadings(page) {
  const headings = [];
  for (const frame of page.frames()) {
    try {
      headings.push(...(await frame.evaluate(() => [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''))));
    } catch {
      // A frame that navigated away mid-read has nothing to show.
    }
  }
  return headings;
}

export const ruleDocsRendered = {
  name: 'clicking a rule code in the Problems panel opens its page rendered, not as Markdown source',
  slug: 'rule-docs-rendered',
  async run({ page }) {
    const row = await openProblemRow(page, 'typo-policy.json', 's3:GetObjekt', 'IAM102');
    await row.hover();
    // The rule code is a link after the source ("iam-author(IAM102)").
    await row.getByText('IAM102', { exact: true }).first().click({ timeout: TIMEOUT });
    let headings = [];
    await waitUntil('the rule page to show rendered', async () => {
      headings = await renderedHeadings(page);
      return headings.some((text) => /^IAM102\b/.test(text));
    }).catch((error) => {
      throw new Error(`${error.message}; headings on screen: ${JSON.stringify(headings)}`);
    });
    const source = page.locator('.editor-instance .monaco-editor .view-line', { hasText: /^# IAM102/ });
    if (await source.count()) throw new Error('the Markdown source of the rule page is open in a text editor');
  },
  async after({ page }) {
    // Closes the page (focus is in its editor group) and the panel.
    await page.keyboard.press('Control+W');
    await hideProblemsPanel(page).catch(() => undefined);
  },
};
