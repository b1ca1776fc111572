import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { parseJsonOutput, runCli } from './cliRunner';
import { repoRoot } from './lspClient';

// A real-shaped Terraform root module (engine/test/fixtures/terraform/platform), checked and
// simulated by the CLI as a process: roles with trust documents, attachments, inline policies,
// managed policy ARNs and a boundary; bucket, key, queue, endpoint and repository policies;
// Organizations SCP and RCP; a `.tf.json` file; documents in one file used in another; a child
// module's output and variables without defaults that stay unknown.

const MODULE = path.join(repoRoot(), 'engine', 'test', 'fixtures', 'terraform');
const cli = (...args: string[]) => runCli(MODULE, args);

/**
 * The genuine mistakes the module holds, and nothing else at error level:
 * - iam_lambda.tf: `dynamodb:Qurey` in the orders function's inline_policy (jsonencode).
 */
const GENUINE_ERRORS = [['iam_lambda.tf', 'IAM102', 'dynamodb:Qurey', 'Statement[0].Action[2]']];

test('check on the module: every policy found, typed by where it is used, and only the genuine mistake at error level', () => {
  const result = cli('check', '--format', 'json', 'platform');
  assert.equal(result.status, 1, result.stderr);
  const output = parseJsonOutput(result);
  const policies = output.files.flatMap((file: any) => file.policies.map((policy: any) => `${path.basename(file.file)} ${policy.path} ${policy.type}`));
  assert.deepEqual(policies, [
    // Documents of documents.tf take their types from iam_app.tf and org.tf.
    'documents.tf data.aws_iam_policy_document.ec2_assume trust',
    'documents.tf data.aws_iam_policy_document.guardrails scp',
    'iam_app.tf data.aws_iam_policy_document.app_reports identity',
    'iam_app.tf aws_iam_role_policy.app_logs.policy identity',
    'iam_app.tf aws_iam_policy.boundary.policy boundary',
    'iam_ci.tf data.aws_iam_policy_document.github_assume trust',
    'iam_ci.tf data.aws_iam_policy_document.deploy_base identity',
    'iam_ci.tf data.aws_iam_policy_document.deploy identity',
    'iam_lambda.tf aws_iam_role.orders_fn.assume_role_policy trust',
    'iam_lambda.tf aws_iam_role.orders_fn.inline_policy[0].policy identity',
    'network.tf.json data.aws_iam_policy_document.s3_endpoint resource',
    'network.tf.json aws_ecr_repository_policy.app.policy resource',
    // The tag policy of org.tf is not an IAM policy.
    'org.tf aws_organizations_policy.data_perimeter.content rcp',
    'storage.tf data.aws_iam_policy_document.reports_bucket resource',
    'storage.tf aws_kms_key.reports.policy resource',
    'storage.tf aws_sqs_queue_policy.orders.policy resource',
  ]);
  const errors = output.files.flatMap((file: any) =>
    file.policies.flatMap((policy: any) =>
      policy.findings.filter((finding: any) => finding.severity === 'error').map((finding: any) => [path.basename(file.file), finding.code, /"([^"]+)"/.exec(finding.message)?.[1], finding.path]),
    ),
  );
  assert.deepEqual(errors, GENUINE_ERRORS);
  // The dynamic "statement" over a variable without a default is said once, as information.
  const notes = output.files.flatMap((file: any) => file.policies.flatMap((policy: any) => policy.findings.filter((finding: any) => finding.code === 'IAM023').map((finding: any) => `${path.basename(file.file)} ${finding.severity}`)));
  assert.deepEqual(notes, ['iam_ci.tf info']);
  // Files without a policy (the variables, the child module) are passed over, named.
  assert.deepEqual(
    output.passedOver.map((entry: any) => [entry.file, entry.reason]),
    [
      ['platform/modules/table/main.tf', 'no IAM policy'],
      ['platform/variables.tf', 'no IAM policy'],
    ],
  );
});

test('a document checked alone takes its type from its content; in its module, from its use', () => {
  const alone = parseJsonOutput(cli('check', '--format', 'json', '--fail-on', 'never', 'platform/documents.tf'));
  assert.deepEqual(
    alone.files[0].policies.map((policy: any) => policy.type),
    ['trust', 'identity'],
  );
});

type Scenario = [name: string, args: string[], decision: string, dependsOn: string[]];

const SCENARIOS: Scenario[] = [
  ['the attached policy allows the environment prefix of the bucket the provider names', ['--role', 'app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::acme-prod-reports/prod/q3.csv'], 'Allow', []],
  ['... and not another prefix', ['--role', 'app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::acme-prod-reports/dev/q3.csv'], 'ImplicitDeny', []],
  ['the boundary denies IAM', ['--role', 'app', '--action', 'iam:CreateUser', '--resource', '*'], 'ExplicitDeny', []],
  ['the AWS managed policy in managed_policy_arns, within the boundary', ['--role', 'app', '--action', 'ssm:UpdateInstanceInformation', '--resource', '*'], 'Allow', []],
  ['the inline jsonencode policy over a local with the account unknown', ['--role', 'aws_iam_role.app', '--action', 'logs:PutLogEvents', '--resource', 'arn:aws:logs:eu-west-1:111122223333:log-group:/acme/prod/web:log-stream:i-1'], 'Allow', ['var.account_id']],
  ['EC2 may assume the app role (its trust document is in documents.tf)', ['--role', 'app', '--action', 'sts:AssumeRole', '--principal', 'ec2.amazonaws.com', '--resource-account', '111122223333'], 'Allow', []],
  ['Lambda may not assume it', ['--role', 'app', '--action', 'sts:AssumeRole', '--principal', 'lambda.amazonaws.com', '--resource-account', '111122223333'], 'ImplicitDeny', []],
  ['the inline_policy block on a table from a child module', ['--role', 'orders_fn', '--action', 'dynamodb:GetItem', '--resource', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders'], 'Allow', ['module.orders_table.arn']],
  ['the queue the provider names, in a region and account known at apply', ['--role', 'orders_fn', '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:eu-west-1:111122223333:acme-prod-orders'], 'Allow', ['aws_sqs_queue.orders.arn']],
  ['... and not another queue', ['--role', 'orders_fn', '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:eu-west-1:111122223333:other'], 'ImplicitDeny', []],
  ['the deploy role by its name: the overriding Artifacts statement', ['--role', 'acme-prod-deploy', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::acme-artifacts/prod/app.zip'], 'Allow', []],
  ['the overridden statement of the source document no longer applies', ['--role', 'deploy', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::acme-artifacts/dev/app.zip'], 'ImplicitDeny', []],
  ['the source document statement without an override is kept', ['--role', 'deploy', '--action', 'ec2:DescribeInstances', '--resource', '*'], 'Allow', []],
  ['GitHub Actions on main may assume the deploy role: the OIDC provider is in an account known at apply', githubAssume('repo:acme/platform:ref:refs/heads/main'), 'Allow', ['var.account_id']],
  ['... another repository may not', githubAssume('repo:someone/platform:ref:refs/heads/main'), 'ImplicitDeny', []],
];

function githubAssume(subject: string): string[] {
  return [
    ...['--role', 'deploy', '--action', 'sts:AssumeRoleWithWebIdentity', '--resource-account', '111122223333'],
    ...['--principal', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'],
    ...['--context', 'token.actions.githubusercontent.com:aud=sts.amazonaws.com', '--context', `token.actions.githubusercontent.com:sub=${subject}`],
  ];
}

for (const [name, args, decision, dependsOn] of SCENARIOS) {
  test(`simulate --template platform: ${name}`, () => {
    const result = cli('simulate', '--template', 'platform', '--format', 'json', ...args);
    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.equal(output.decision, decision, result.stdout);
    assert.deepEqual([...new Set((output.dependsOn?.unknowns ?? []).map((part: { source: string }) => part.source))], dependsOn);
  });
}

test('the Terraform EC2 instance role example checks clean and simulates as its comment says', () => {
  const example = path.join(repoRoot(), 'examples', 'terraform-ec2-instance-role');
  const checked = runCli(example, ['check', '--format', 'json', '.']);
  assert.equal(checked.status, 0, checked.stdout);
  const output = parseJsonOutput(checked);
  assert.deepEqual(
    output.files.flatMap((file: any) => file.policies.map((policy: any) => `${policy.path} ${policy.type} ${policy.findings.length}`)),
    ['data.aws_iam_policy_document.assume trust 0', 'data.aws_iam_policy_document.app identity 0'],
  );
  const simulate = (...args: string[]) => JSON.parse(runCli(example, ['simulate', '--role', 'app', '--template', '.', '--format', 'json', ...args]).stdout);
  assert.equal(simulate('--action', 's3:GetObject', '--resource', 'arn:aws:s3:::example-releases/app.tar.gz').decision, 'Allow');
  assert.equal(simulate('--action', 's3:PutObject', '--resource', 'arn:aws:s3:::example-releases/app.tar.gz').decision, 'ImplicitDeny');
  assert.equal(simulate('--action', 'sts:AssumeRole', '--principal', 'ec2.amazonaws.com', '--resource-account', '111122223333').decision, 'Allow');
});
