import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicySummaryResult } from '../src/protocol';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// The policy summary over JSON-RPC: the lens above Statement, the hover on Statement and the
// iam/policySummary request the summary view is drawn from.

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Lists', Effect: 'Allow', Action: 's3:List*', Resource: '*' },
      { Sid: 'Reports', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::reports/`odd`*' },
      { Sid: 'NoTerminate', Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' },
    ],
  },
  null,
  2,
);

interface Lens {
  readonly range: { start: { line: number; character: number } };
  readonly command: { title: string; command: string; arguments?: unknown[] };
}

test('the summary lens sits above Statement, says what the policy grants, and opens the view', async () => {
  const uri = nextUri();
  client.open(uri, POLICY);
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  const lens = lenses.find((candidate) => candidate.command.command === 'iamAuthor.showPolicySummary');
  assert.ok(lens);
  assert.equal(lens.command.title, 'S3: Full List, Limited Read, Limited Write · Deny: EC2 Write');
  assert.deepEqual(lens.range.start, positionAt(POLICY, POLICY.indexOf('"Statement"')));
  assert.deepEqual(lens.command.arguments, [{ uri, policyIndex: 0 }]);
});

test('iam/policySummary gives levels, limits and links to the statements', async () => {
  const uri = nextUri();
  client.open(uri, POLICY);
  const result = await client.request<PolicySummaryResult>('iam/policySummary', { uri, policyIndex: 0 });
  assert.equal(result.error, undefined);
  const [policy] = result.policies;
  assert.equal(policy!.type, 'identity');
  const s3 = policy!.services.find((service) => service.prefix === 's3')!;
  assert.deepEqual(s3.grants.map((grant) => `${grant.extent} ${grant.level}`), ['Full List', 'Limited Read', 'Limited Write']);
  const write = s3.grants[2]!;
  assert.deepEqual(write.sample, ['s3:PutObject']);
  assert.deepEqual(write.resources, ['arn:aws:s3:::reports/`odd`*']);
  assert.deepEqual(write.statements.map((statement) => statement.sid), ['Reports']);
  assert.equal(write.statements[0]!.range.start.line, positionAt(POLICY, POLICY.indexOf('"Sid": "Reports"')).line - 1);
  const ec2 = policy!.services.find((service) => service.prefix === 'ec2')!;
  assert.deepEqual(ec2.denials.map((denial) => `${denial.extent} ${denial.level}`), ['removes Write']);

  assert.match((await client.request<PolicySummaryResult>('iam/policySummary', { uri: 'file:///not/open.json' })).error ?? '', /not open/);
  const other = nextUri();
  client.open(other, '{"compilerOptions": {}}');
  assert.match((await client.request<PolicySummaryResult>('iam/policySummary', { uri: other })).error ?? '', /no IAM policy/);
});

test('the hover on Statement shows the summary, with policy text kept in code spans', async () => {
  const uri = nextUri();
  client.open(uri, POLICY);
  const at = positionAt(POLICY, POLICY.indexOf('"Statement"') + 3);
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
  const markdown = hover.contents.value;
  assert.match(markdown, /Access this policy defines:\*\* S3: Full List, Limited Read, Limited Write/);
  assert.match(markdown, /Limited Write \(1 of \d+: `s3:PutObject`\) on ``arn:aws:s3:::reports\/`odd`\*``/);
  assert.match(markdown, /Deny removes Write/);
});
