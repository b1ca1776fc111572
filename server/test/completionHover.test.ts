import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ITEMS } from '../src/features/completion';
import { LspClient } from './lspClient';
import { policy, requestAt, trust } from './lspFixtures';

// Completion and hover as an editor gets them from `node dist/server.js --stdio`: small completion
// replies whose documentation arrives through completionItem/resolve, and hovers that teach.

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: { newText: string; range: unknown };
  insertTextFormat?: number;
  data?: unknown;
}
interface List {
  isIncomplete: boolean;
  items: Item[];
}

let client: LspClient;

before(async () => {
  client = new LspClient();
  const result = await client.initialize();
  assert.equal(result.capabilities.completionProvider.resolveProvider, true, 'completion items resolve lazily');
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const complete = (marked: string, name?: string) => requestAt<List | null>(client, 'textDocument/completion', marked, name);

/** The documentation of an item: inline for short fixed texts, else from completionItem/resolve. */
async function documentationOf(item: Item): Promise<string> {
  if (item.documentation) return item.documentation.value;
  const resolved = await client.request<Item>('completionItem/resolve', item);
  assert.equal(resolved.label, item.label);
  return resolved.documentation?.value ?? '';
}

interface CompletionCase {
  readonly name: string;
  readonly text: string;
  readonly includes: readonly string[];
  readonly excludes?: readonly string[];
  /** The file name, when it decides the policy type. */
  readonly file?: string;
  /** An item whose documentation (inline or resolved) must match, and what it must say. */
  readonly documents?: readonly [label: string, expected: RegExp];
  /** An item that must insert a snippet matching this. */
  readonly snippet?: readonly [label: string, expected: RegExp];
}

const CASES: readonly CompletionCase[] = [
  { name: 'structure keys of an identity statement', text: policy('"Effect": "Allow",\n      "Action": "s3:GetObject",\n      "|"'), includes: ['Resource', 'Condition', 'Sid'], excludes: ['Principal', 'Effect', 'Action'], documents: ['Resource', /ARNs/] },
  { name: 'structure keys of a trust statement', text: trust('{"Service": "ec2.amazonaws.com"}').replace('"Effect"', '"|",\n      "Effect"'), includes: ['Condition', 'Sid'], excludes: ['Resource', 'Principal'] },
  { name: 'Effect values', text: policy('"Effect": "|"'), includes: ['Allow', 'Deny'], documents: ['Deny', /explicit Deny wins/] },
  { name: 'service prefixes', text: policy('"Effect": "Allow", "Action": "dyn|"'), includes: ['dynamodb'], excludes: ['s3', 'ec2'], documents: ['dynamodb', /^\*\*Amazon DynamoDB\*\*/] },
  { name: 'actions of a service', text: policy('"Effect": "Allow", "Action": "s3:GetObj|"'), includes: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'], excludes: ['s3:PutObject', 's3:ListBucket'], documents: ['s3:GetObject', /^\*\*s3:GetObject\*\* · Read[\s\S]*Resource types:[\s\S]*`object`/] },
  { name: 'action wildcards', text: policy('"Effect": "Allow", "Action": "s3:List|"'), includes: ['s3:ListBucket', 's3:List*'], documents: ['s3:List*', /^Every Amazon S3 action whose name starts with List \(\d+ today\)/] },
  { name: 'trust actions first in a trust policy', text: trust('{"Service": "lambda.amazonaws.com"}').replace('"sts:AssumeRole"', '["sts:AssumeRole", "|"]'), file: 'trust-policy.json', includes: ['sts:AssumeRole', 'sts:TagSession'], documents: ['sts:AssumeRole', /^\*\*sts:AssumeRole\*\*/] },
  { name: 'ARN snippets of the statement actions', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"'), includes: ['*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'], excludes: ['arn:${Partition}:s3:::${BucketName}'], documents: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}', /Format: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`[\s\S]*Taken by `s3:GetObject`\./], snippet: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}', /^arn:\$\{1:aws\}:s3:::\$\{2:[A-Za-z-]+\}\/\$\{3:[A-Za-z-]+\}$/] },
  { name: 'ARN segment: Regions', text: policy('"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "arn:aws:ec2:eu-w|"'), includes: ['eu-west-1', 'eu-west-3'], excludes: ['us-east-1'] },
  { name: 'condition operators', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"|"}'), includes: ['StringEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'Bool', 'IpAddress'], documents: ['ForAllValues:StringEquals', /\*\*ForAllValues:StringEquals\*\*[\s\S]*every/] },
  { name: 'condition keys', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:Sour|"}}'), includes: ['aws:SourceIp', 'aws:SourceVpc'], excludes: ['aws:RequestedRegion'], documents: ['aws:SourceIp', /^\*\*aws:SourceIp\*\* · IPAddress · single-valued/] },
  { name: 'service condition keys of the actions', text: policy('"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:pre|"}}'), includes: ['s3:prefix'], documents: ['s3:prefix', /^\*\*s3:prefix\*\* · String/] },
  { name: 'Bool condition values', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "|"}}'), includes: ['true', 'false'] },
  { name: 'Region condition values', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-|"}}'), includes: ['eu-west-1', 'eu-central-1'], excludes: ['us-east-1'], documents: ['eu-west-1', /Ireland/] },
  { name: 'principal types', text: trust('{"|"}'), includes: ['AWS', 'Service', 'Federated'], excludes: ['CanonicalUser'] },
  { name: 'service principals', text: trust('{"Service": "lamb|"}'), includes: ['lambda.amazonaws.com'], documents: ['lambda.amazonaws.com', /service role[\s\S]*AWS Lambda[\s\S]*iam:PassRole/i] },
  { name: 'the EC2 service principal explains instance roles', text: trust('{"Service": "ec2.|"}'), includes: ['ec2.amazonaws.com'], documents: ['ec2.amazonaws.com', /instance profile[\s\S]*instance metadata service/] },
  { name: 'identity providers', text: trust('{"Federated": "|"}', 'sts:AssumeRoleWithWebIdentity'), includes: ['accounts.google.com', 'cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com', 'arn:aws:iam::<account>:saml-provider/<name>'], documents: ['arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com', /GitHub[\s\S]*token\.actions\.githubusercontent\.com:sub/] },
  { name: 'account and role shapes', text: trust('{"AWS": "|"}'), includes: ['arn:aws:iam::<account>:root', '<account-id>', 'arn:aws:iam::<account>:role/<name>'], snippet: ['arn:aws:iam::<account>:role/<name>', /^arn:\$\{1:aws\}:iam::\$\{2:\d{12}\}:role\/\$\{3:RoleName\}$/] },
];

for (const c of CASES) {
  test(`completion over JSON-RPC: ${c.name}`, async () => {
    const list = await complete(c.text, c.file);
    assert.ok(list, 'expected a completion list');
    const labels = list.items.map((item) => item.label);
    for (const label of c.includes) assert.ok(labels.includes(label), `missing ${label} in ${labels.slice(0, 30).join(', ')}`);
    for (const label of c.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
    for (const item of list.items) assert.ok(item.textEdit, `${item.label} has a textEdit`);
    if (c.documents) {
      const [label, expected] = c.documents;
      assert.match(await documentationOf(list.items.find((item) => item.label === label)!), expected);
    }
    if (c.snippet) {
      const [label, expected] = c.snippet;
      const item = list.items.find((candidate) => candidate.label === label)!;
      assert.equal(item.insertTextFormat, 2, 'a snippet');
      assert.match(item.textEdit!.newText, expected);
    }
  });
}

test('completion: a long list goes out without documentation, capped and marked incomplete', async () => {
  const list = (await complete(policy('"Effect": "Allow", "Action": "ec2:|"')))!;
  assert.equal(list.isIncomplete, true);
  assert.equal(list.items.length, MAX_ITEMS);
  assert.ok(list.items.every((item) => item.label.startsWith('ec2:') && item.documentation === undefined && item.data), 'keys, not text');
  const size = JSON.stringify(list).length;
  assert.ok(size < 60_000, `reply of ${size} characters`);
  const long = list.items.filter((item) => (item.detail ?? '').length > 72).map((item) => item.detail);
  assert.deepEqual(long, [], 'details stay one short line');
});

test('completion: typing narrows the list to what the editor can show, complete again', async () => {
  const list = (await complete(policy('"Effect": "Allow", "Action": "ec2:TerminateInst|"')))!;
  assert.equal(list.isIncomplete, false);
  assert.deepEqual(list.items.map((item) => item.label), ['ec2:TerminateInstances']);
});

test('completion: a typo of swapped neighbours still finds the action', async () => {
  const list = (await complete(policy('"Effect": "Allow", "Action": "ec2:eDscribeInstanceS|"')))!;
  assert.ok(list.items.some((item) => item.label === 'ec2:DescribeInstances'));
});

test('completionItem/resolve leaves items with unknown or junk data as they were', async () => {
  for (const data of [undefined, null, 42, 'action', { kind: 'nosuch', key: 'x' }, { kind: 'action', key: 'nosuchsvc:Get' }, { kind: 'action', key: ['s3:GetObject'] }]) {
    const item = { label: 's3:NoSuchAction', data };
    assert.deepEqual(await client.request('completionItem/resolve', item), JSON.parse(JSON.stringify(item)), JSON.stringify(data));
  }
  assert.equal(client.alive, true);
});

const hoverAt = (marked: string) => requestAt<{ contents: { kind: string; value: string } } | null>(client, 'textDocument/hover', marked);

const HOVERS: readonly [name: string, marked: string, expected: RegExp][] = [
  ['an action', policy('"Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*"'), /^\*\*s3:GetObject\*\* · Read[\s\S]*arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}[\s\S]*Service Authorization Reference/],
  ['a wildcard action', policy('"Effect": "Allow", "Action": "s3:G|et*", "Resource": "*"'), /^\*\*s3:Get\\\*\*\* matches \d+ of the \d+ Amazon S3 actions[\s\S]*`s3:GetBucketAcl` · Read/],
  ['a resource ARN', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/|q1.csv"'), /resource type `object`[\s\S]*Format: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`[\s\S]*Taken by `s3:GetObject`/],
  ['a condition key', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:Sou|rceIp": "10.0.0.0/8"}}'), /^\*\*aws:SourceIp\*\* · IPAddress · single-valued[\s\S]*VPC endpoint/],
];

for (const [name, marked, expected] of HOVERS) {
  test(`hover over JSON-RPC: ${name}`, async () => {
    const result = await hoverAt(marked);
    assert.equal(result?.contents.kind, 'markdown');
    assert.match(result!.contents.value, expected);
  });
}
