import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, positionAt } from './lspClient';
import { nextUri, requestAt, trust } from './lspFixtures';

// Each role kind explained over JSON-RPC: the hover on the trusted principal, and the code lens that
// names the kind once at the top of the trust policy.

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

interface RoleCase {
  readonly name: string;
  /** A trust policy with a `|` cursor marker on the principal. */
  readonly marked: string;
  readonly headline: string;
  /** What the hover must teach about this kind. */
  readonly explains: readonly RegExp[];
}

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

const CASES: readonly RoleCase[] = [
  {
    name: 'service role for Lambda',
    marked: trust('{"Service": "lambda.amazon|aws.com"}'),
    headline: 'Role kind: service role for AWS Lambda',
    explains: [/service assumes it to act for you/, /Typical use: the execution role/, /role of your own account/, /iam:PassRole/],
  },
  {
    name: 'EC2 instance role',
    marked: trust('{"Service": "ec2.amazon|aws.com"}'),
    headline: 'Role kind: EC2 instance role (service role for Amazon EC2)',
    explains: [/instance profile/, /instance metadata service/, /rotated/],
  },
  {
    name: 'service-linked role ARN',
    marked: trust('{"AWS": "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleFor|ElasticBeanstalk"}'),
    headline: 'Role kind: trusts a service-linked role',
    explains: [/Service-linked role of AWS Elastic Beanstalk/, /not edit the permissions/, /AWSServiceRoleFor/],
  },
  {
    name: 'account principal (the file does not say where the role is)',
    marked: trust('{"AWS": "arn:aws:iam::444455556666:r|oot"}'),
    headline: 'Role kind: role trusted by account 444455556666',
    explains: [/whole account/, /sts:ExternalId/],
  },
  {
    name: 'GitHub Actions OIDC web identity',
    marked: trust(`{"Federated": "${GITHUB.replace('token.actions', 'token.act|ions')}"}`, 'sts:AssumeRoleWithWebIdentity', '{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}'),
    headline: 'Role kind: web identity role for GitHub Actions (OIDC)',
    explains: [/AssumeRoleWithWebIdentity/, /token\.actions\.githubusercontent\.com:sub/, /repository and branch/],
  },
  {
    name: 'SAML federation',
    marked: trust('{"Federated": "arn:aws:iam::111122223333:saml-provider/Ok|ta"}', 'sts:AssumeRoleWithSAML'),
    headline: 'Role kind: SAML 2.0 federation role',
    explains: [/sts:AssumeRoleWithSAML/, /SAML:aud/],
  },
];

interface Lens {
  range: { start: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

for (const c of CASES) {
  test(`role kind over JSON-RPC: ${c.name} (hover)`, async () => {
    const result = await requestAt<{ contents: { value: string } } | null>(client, 'textDocument/hover', c.marked);
    const markdown = result?.contents.value ?? '';
    assert.match(markdown, /Role kind:/);
    for (const phrase of c.explains) assert.match(markdown, phrase);
  });

  test(`role kind over JSON-RPC: ${c.name} (code lens)`, async () => {
    const text = c.marked.replace('|', '');
    const uri = nextUri();
    client.open(uri, text);
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const roleLenses = lenses.filter((lens) => lens.command?.title.startsWith('Role kind:'));
    assert.equal(roleLenses.length, 1, JSON.stringify(lenses));
    assert.equal(roleLenses[0]!.command!.title, c.headline);
    assert.equal(roleLenses[0]!.command!.command, '', 'a label, not a clickable command');
    assert.deepEqual(roleLenses[0]!.range.start, positionAt(text, text.indexOf('"Statement"')));
    const simulate = lenses.filter((lens) => lens.command?.title === 'Simulate');
    assert.equal(simulate.length, 1, 'the Simulate lens of the statement is still there');
    assert.deepEqual(simulate[0]!.command!.arguments, [{ uri, scope: { policyIndex: 0, statementIndex: 0 } }]);
  });
}

test('role-kind lens: none on an identity policy', async () => {
  const uri = nextUri();
  client.open(uri, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((lens) => lens.command?.title), ['S3: Limited Read', 'Simulate']);
});

test('role-kind lens: a trust policy inside a CloudFormation template', async () => {
  const text = JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        AppRole: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
        },
      },
    },
    null,
    2,
  );
  const uri = nextUri('template.json');
  client.open(uri, text);
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  const role = lenses.find((lens) => lens.command?.title.startsWith('Role kind:'));
  assert.match(role?.command?.title ?? '', /^Role kind: service role for .*ECS/);
  assert.deepEqual(role!.range.start, positionAt(text, text.indexOf('"Statement"')));
});

test('service-linked role hover over JSON-RPC: what its AWS managed policy allows, read from the shipped data', async () => {
  const marked = '{"Resources": {"Rule": {"Type": "AWS::Events::Rule", "Properties": {"RoleArn": "arn:aws:iam::111122223333:role/aws-service-role/events.amazonaws.com/AWSServiceRoleFor|CloudWatchEvents"}}}}';
  const result = await requestAt<{ contents: { value: string } } | null>(client, 'textDocument/hover', marked, 'template.json');
  const markdown = result?.contents.value ?? '';
  assert.match(markdown, /Service-linked role of Amazon EventBridge/);
  assert.match(markdown, /`CloudWatchEventsServiceRolePolicy`/);
  assert.match(markdown, /\*\*Amazon EC2\*\*\n(- .*\n)*- Limited Write \(\d+ of \d+: .*`ec2:RebootInstances`/);
});

// Role knowledge is data with its pages: the sentences a hover shows come with links to the AWS pages
// that state them, also the per-service "typical use" and the managed policy and resource-policy facts.

const hoverAt = async (marked: string, name?: string) =>
  (await requestAt<{ contents: { value: string } } | null>(client, 'textDocument/hover', marked, name))?.contents.value ?? '';

test('service principal hover over JSON-RPC: the typical use with the service\'s own page', async () => {
  const markdown = await hoverAt(trust('{"Service": "scheduler.amazon|aws.com"}'));
  assert.match(markdown, /Typical use: the execution role with which a schedule calls its target API operation\./);
  assert.match(markdown, /\(https:\/\/docs\.aws\.amazon\.com\/scheduler\/latest\/UserGuide\/managing-targets\.html\)/);
  assert.match(markdown, /A service principal identifies an AWS service\./);
  assert.match(markdown, /\(https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_policies_elements_principal\.html#principal-services\)/);
});

test('service principal in a bucket policy over JSON-RPC: what it may do there, with the confused-deputy page', async () => {
  const bucket = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.amazon|aws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}]}';
  const markdown = await hoverAt(bucket);
  assert.match(markdown, /Roles that trust it are typically used for: delivering the log events of a subscription filter/);
  assert.match(markdown, /API_PutSubscriptionFilter\.html\)/);
  assert.match(markdown, /lets that service act on the resource itself; add `aws:SourceArn` or `aws:SourceAccount`/);
  assert.match(markdown, /\(https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/confused-deputy\.html\)/);
});

test('customer managed policy ARN over JSON-RPC: the fact with its page, the name kept as code', async () => {
  const template = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::111122223333:policy/Depl|oy_*[x](e.example)"]}}}}';
  const markdown = await hoverAt(template, 'template.json');
  assert.match(markdown, /\*\*Customer managed policy\*\* `Deploy_\*\[x\]\(e\.example\)` in account `111122223333`/);
  assert.match(markdown, /A customer managed policy: a standalone policy that you create and administer in your own account/);
  assert.match(markdown, /\(https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/access_policies_managed-vs-inline\.html\)/);
});
