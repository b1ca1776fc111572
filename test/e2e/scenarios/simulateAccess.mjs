import { answerSimulationPrompts, decoratedLineTexts, openFile, runCommand, waitUntil } from '../workbench.mjs';

const ACTION = 's3:GetObject';
const RESOURCE = 'arn:aws:s3:::example-reports/2024/q1.csv';

/** What to type when the command asks; any other prompt (principal, context keys) gets its default. */
export const ANSWERS = [
  [/\bResource\b/i, RESOURCE],
  [/\bAction\b/i, ACTION],
];

export const showsDecision = (text) => /\bAllow(ed)?\b/.test(text) && text.includes(ACTION);

export const simulateAccess = {
  name: '"IAM: Simulate Access" returns a decision and highlights the deciding statement',
  slug: 'simulate-access',
  image: 'simulation',
  async run({ page }) {
    await openFile(page, 'reports-policy.json');
    await runCommand(page, 'IAM: Simulate Access');

    await answerSimulationPrompts(page, ANSWERS, showsDecision);

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
