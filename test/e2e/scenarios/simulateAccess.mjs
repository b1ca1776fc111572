import { TIMEOUT, answerQuickPick, decoratedLineTexts, openFile, quickInputTitle, runCommand, visibleResultText, waitUntil } from '../workbench.mjs';

const ACTION = 's3:GetObject';
const RESOURCE = 'arn:aws:s3:::example-reports/2024/q1.csv';

/** What to type when the command asks; any other prompt (principal, context keys) gets its default. */
const ANSWERS = [
  [/\bResource\b/i, RESOURCE],
  [/\bAction\b/i, ACTION],
];

const showsDecision = (text) => /\bAllow(ed)?\b/.test(text) && text.includes(ACTION);

export const simulateAccess = {
  name: '"IAM: Simulate Access" returns a decision and highlights the deciding statement',
  slug: 'simulate-access',
  image: 'simulation',
  async run({ page }) {
    await openFile(page, 'reports-policy.json');
    await runCommand(page, 'IAM: Simulate Access');

    // Answers the prompts as they come, however many the command asks, until the decision is on screen.
    const asked = [];
    let resultText = '';
    await waitUntil('the simulation prompts to finish and a decision to show', async () => {
      const title = await quickInputTitle(page);
      if (title && !title.startsWith('IAM: Simulate Access')) return false;
      if (title) {
        const step = title.split('—').pop() ?? title;
        asked.push(step.trim());
        await answerQuickPick(page, ANSWERS.find(([pattern]) => pattern.test(step))?.[1]);
        return false;
      }
      resultText = await visibleResultText(page);
      return showsDecision(resultText);
    }, TIMEOUT * 2).catch((error) => {
      throw new Error(`${error.message}; prompts answered: ${JSON.stringify(asked)}; visible result text: ${JSON.stringify(resultText.slice(0, 500))}`);
    });
    if (!asked.some((step) => /Action/i.test(step)) || !asked.some((step) => /Resource/i.test(step))) {
      throw new Error(`the command did not ask for an action and a resource: ${JSON.stringify(asked)}`);
    }

    // The deciding statement is "ReadReports": its lines carry the decision decoration, the others do not.
    let decorated = [];
    await waitUntil('the deciding statement to be highlighted', async () => {
      decorated = await decoratedLineTexts(page);
      return decorated.some((line) => line.includes('"ReadReports"'));
    }).catch((error) => {
      throw new Error(`${error.message}; decorated lines: ${JSON.stringify(decorated)}`);
    });
    const wrong = decorated.filter((line) => /WriteUploads|NeverDeleteReports/.test(line));
    if (wrong.length > 0) throw new Error(`statements that did not decide are highlighted: ${JSON.stringify(wrong)}`);
  },
};
