import { hideProblemsPanel, openProblemRow, waitUntil } from '../workbench.mjs';

const FILE = 'half-typed-policy.json';

/** The Problems panel's rows under one file, as text: the panel lists a file's row, then its markers. */
async function problemsOf(page, fileName) {
  return page.evaluate((name) => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
    const texts = [];
    let inFile = false;
    for (const row of rows) {
      const level = row.getAttribute('aria-level');
      const text = row.innerText.replace(/\s+/g, ' ').trim();
      if (level === '1') inFile = text.includes(name);
      else if (inFile) texts.push(text);
    }
    return texts;
  }, fileName);
}

export const syntaxErrorOnce = {
  name: 'a half-typed key is reported once, by the JSON checker, with no IAM001 or cascaded findings',
  slug: 'syntax-error-once',
  async run({ page }) {
    // The server's findings for this file have arrived once its IAM102 row shows.
    await openProblemRow(page, FILE, 's3:GetObjekt', 'IAM102');
    let rows = [];
    await waitUntil('the JSON checker to report the syntax error', async () => {
      rows = await problemsOf(page, FILE);
      return rows.some((row) => /expected/i.test(row) && !/IAM\d{3}/.test(row));
    }).catch((error) => {
      throw new Error(`${error.message}; rows for ${FILE}: ${JSON.stringify(rows)}`);
    });
    const echoes = rows.filter((row) => /IAM00[15679]/.test(row));
    if (echoes.length > 0) throw new Error(`the syntax error is reported again: ${JSON.stringify(echoes)}; all rows: ${JSON.stringify(rows)}`);
  },
  async after({ page }) {
    await hideProblemsPanel(page);
  },
};
