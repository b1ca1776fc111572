import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/e2e/versions.mjs';
import { TIMEOUT, openFile, quickInputTitle, runCommand, waitUntil } from '../workbench.mjs';

const quickInput = '.quick-input-widget';
const ACCOUNT = '123456789012';

/**
 * Answers "IAM: New Role" step by step. Each answer names the step by its title: `pick` accepts the row
 * with that label, `type` enters text in an input box, `check` ticks rows of the permissions list
 * before accepting it.
 */
async function answerNewRole(page, answers) {
  const done = [];
  for (const answer of answers) {
    let title;
    await waitUntil(`the "${answer.step}" step (after ${JSON.stringify(done)})`, async () => {
      title = await quickInputTitle(page);
      return title !== undefined && title.includes(answer.step);
    });
    const input = page.locator(`${quickInput} input.input`).first();
    if (answer.type !== undefined) {
      await input.fill(answer.type);
      // The box validates as it is typed: accept once no message says the value is wrong.
      await page.locator(`${quickInput} .monaco-inputbox.error`).waitFor({ state: 'hidden', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
    } else if (answer.pick !== undefined) {
      await input.fill(answer.pick);
      await page.locator(`${quickInput} .monaco-list-row.focused`, { hasText: answer.pick }).first().waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
    } else {
      for (const label of answer.check ?? []) {
        await input.fill(label);
        const row = page.locator(`${quickInput} .monaco-list-row`, { hasText: label }).first();
        await row.waitFor({ timeout: TIMEOUT });
        await row.locator('.quick-input-list-checkbox, .monaco-custom-toggle, input[type=checkbox]').first().click();
      }
      await input.fill('');
      await page.keyboard.press('Enter');
    }
    await waitUntil(`the "${answer.step}" step to close`, async () => (await quickInputTitle(page)) !== title);
    done.push(answer.step);
  }
}

/** `iam-author check --fail-on warning`: exit 0 means no finding above info. */
function checkPasses(files) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', '--fail-on', 'warning', ...files], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`iam-author check found something above info (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

async function waitForFile(path) {
  await waitUntil(`${path} to be written`, async () => existsSync(path));
}

export const newRoleEc2 = {
  name: 'New Role: an EC2 service role with its instance profile, inserted into the open YAML template',
  slug: 'new-role-ec2',
  async run({ page, workspace }) {
    await openFile(page, 'web-stack.yaml');
    await runCommand(page, 'IAM: New Role...');
    await answerNewRole(page, [
      { step: 'Trusted entity', pick: 'AWS service' },
      { step: 'Service or use case', pick: 'EC2' },
      { step: 'Your AWS account ID', type: ACCOUNT },
      { step: 'Permissions', check: ['AmazonSSMManagedInstanceCore'] },
      { step: 'Role name', type: 'web-server' },
      { step: 'Where', pick: 'Insert into' },
    ]);
    const path = join(workspace, 'web-stack.yaml');
    await waitUntil('the template to hold the role', async () => readFileSync(path, 'utf8').includes('AWS::IAM::InstanceProfile'));
    const text = readFileSync(path, 'utf8');
    for (const expected of ['WebServerRole:', 'ec2.amazonaws.com', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', 's3:GetObject', 'WebServerRoleInstanceProfile:', 'Ref: WebServerRole', 'Outputs:']) {
      if (!text.includes(expected)) throw new Error(`the template lacks ${expected}:\n${text}`);
    }
    checkPasses([path]);
  },
};

export const newRoleGithub = {
  name: 'New Role: a GitHub Actions OIDC role written as JSON files',
  slug: 'new-role-github',
  async run({ page, workspace }) {
    await openFile(page, 'reports-policy.json');
    await runCommand(page, 'IAM: New Role...');
    await answerNewRole(page, [
      { step: 'Trusted entity', pick: 'Web identity' },
      { step: 'Identity provider', pick: 'GitHub Actions' },
      { step: 'Your AWS account ID', type: ACCOUNT },
      { step: 'GitHub repository', type: 'my-org/web-app' },
      { step: 'Branch', type: 'main' },
      { step: 'Permissions', check: ['ReadOnlyAccess'] },
      { step: 'Role name', type: 'github-deploy' },
    ]);
    const trust = join(workspace, 'github-deploy-trust-policy.json');
    await waitForFile(trust);
    const document = JSON.parse(readFileSync(trust, 'utf8'));
    const condition = document.Statement[0].Condition.StringEquals;
    if (condition['token.actions.githubusercontent.com:sub'] !== 'repo:my-org/web-app:ref:refs/heads/main' || condition['token.actions.githubusercontent.com:aud'] !== 'sts.amazonaws.com') {
      throw new Error(`the trust policy does not pin the repository and audience: ${JSON.stringify(document)}`);
    }
    await page.locator('.tab.active', { hasText: 'github-deploy-trust-policy.json' }).waitFor({ timeout: TIMEOUT });
    checkPasses([trust]);
  },
};

export const newRoleCrossAccount = {
  name: 'New Role: a cross-account role with an external ID and MFA, written as JSON files',
  slug: 'new-role-cross-account',
  async run({ page, workspace }) {
    await openFile(page, 'reports-policy.json');
    await runCommand(page, 'IAM: New Role...');
    await answerNewRole(page, [
      { step: 'Trusted entity', pick: 'AWS account' },
      { step: 'Which account', pick: 'Another AWS account' },
      { step: "other account's ID", type: '210987654321' },
      { step: 'External ID', type: 'partner-7f3a' },
      { step: 'Require MFA', pick: 'Require MFA' },
      { step: 'Permissions', check: ['AmazonS3ReadOnlyAccess'] },
      { step: 'Role name', type: 'partner-audit' },
    ]);
    const trust = join(workspace, 'partner-audit-trust-policy.json');
    await waitForFile(trust);
    const statement = JSON.parse(readFileSync(trust, 'utf8')).Statement[0];
    if (statement.Principal.AWS !== 'arn:aws:iam::210987654321:root' || statement.Condition.StringEquals['sts:ExternalId'] !== 'partner-7f3a' || statement.Condition.Bool['aws:MultiFactorAuthPresent'] !== 'true') {
      throw new Error(`the trust policy is not the one asked for: ${JSON.stringify(statement)}`);
    }
    checkPasses([trust]);
  },
};
