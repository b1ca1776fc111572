import { TIMEOUT, answerSimulationPrompts, decoratedLineTexts, openFile, runCommand, waitUntil } from '../workbench.mjs';

const ACTION = 's3:GetObject';
const RESOURCE = 'arn:aws:s3:::acme-uploads/orders/2024-06.csv';
const AS_ROLE = 'as role OrdersRole';

/** The prompts of Simulate Access in a template: the principal step offers the template's role. */
const ANSWERS = [
  [/\bResource\b/i, RESOURCE],
  [/\bAction\b/i, ACTION],
  [/\bPrincipal\b/i, AS_ROLE],
];

export const simulateAsTemplateRole = {
  name: '"IAM: Simulate Access" in a YAML template, as the template\'s role, allows what the role grants on a !Sub bucket ARN',
  slug: 'simulate-as-template-role',
  async run({ page }) {
    await openFile(page, 'orders-stack.yaml');
    await runCommand(page, 'IAM: Simulate Access');
    const resultText = await answerSimulationPrompts(page, ANSWERS, (text) => /\bAllowed\b/.test(text) && text.includes(ACTION));
    if (!/Simulated as role OrdersRole/.test(resultText)) throw new Error(`the result does not say it simulated as the role: ${JSON.stringify(resultText.slice(0, 600))}`);

    // The deciding statement of the role's inline policy is highlighted in the YAML text.
    let decorated = [];
    await waitUntil('the deciding statement to be highlighted', async () => {
      decorated = await decoratedLineTexts(page);
      return decorated.some((line) => line.includes('ReadUploads'));
    }, TIMEOUT).catch((error) => {
      throw new Error(`${error.message}; decorated lines: ${JSON.stringify(decorated)}`);
    });
  },
};
