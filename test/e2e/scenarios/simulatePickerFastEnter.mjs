import { TIMEOUT, openFile, quickInputTitle, runCommand, waitUntil } from '../workbench.mjs';

// Each typed exactly, as a user types an action they know, and accepted at once. The policy holds some
// (s3:GetObject sits before s3:ListBucket), the catalogue has the rest, and several have a longer
// neighbour (s3:PutObject before s3:PutObjectAcl) that a shifted row would pick instead.
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:GetObject',
  's3:DeleteObject',
  's3:PutObject',
  'sqs:SendMessage',
  's3:GetObject',
  'ec2:DescribeInstances',
  's3:PutObject',
  'kms:Decrypt',
  's3:GetObject',
];

const ACTION_TITLE = 'IAM: Simulate Access — Action';
const RESOURCE_TITLE = /^IAM: Simulate Access — Resource for (.+)$/;

export const simulatePickerFastEnter = {
  name: 'Simulate Access simulates the action typed and accepted at once, every time',
  slug: 'simulate-picker-fast-enter',
  async run({ page }) {
    await openFile(page, 'reports-policy.json');
    const wrong = [];
    for (const action of ACTIONS) {
      await runCommand(page, 'IAM: Simulate Access');
      await waitUntil('the action picker', async () => (await quickInputTitle(page)) === ACTION_TITLE);
      // No wait between the keys and Enter: the list is still being filtered and rebuilt when Enter lands.
      await page.keyboard.type(action);
      await page.keyboard.press('Enter');
      let title;
      await waitUntil(`the resource prompt after accepting ${action}`, async () => {
        title = await quickInputTitle(page);
        return title !== undefined && RESOURCE_TITLE.test(title);
      });
      const picked = RESOURCE_TITLE.exec(title)[1];
      if (picked !== action) wrong.push(`typed ${action}, simulated ${picked}`);
      await page.keyboard.press('Escape');
      await waitUntil('the prompt to close', async () => (await quickInputTitle(page)) === undefined, TIMEOUT);
    }
    if (wrong.length > 0) throw new Error(`${wrong.length} of ${ACTIONS.length} picks were not what was typed: ${wrong.join('; ')}`);
  },
};
