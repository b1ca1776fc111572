import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CatalogActionsResult,
  RequestTemplateResult,
  SimulateAllResult,
  SimulateCommandArgs,
  SimulateResult,
} from '../src/protocol';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient, positionAt, repoRoot } from './lspClient';

// The simulation requests of the server as the VS Code client uses them, over stdio JSON-RPC.

let client: LspClient;
let opened = 0;

function open(text: string, name = 'policy.json'): string {
  const uri = `file:///simulation/${++opened}/${name}`;
  client.open(uri, text);
  return uri;
}

function lineOf(text: string, needle: string): number {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture lacks ${needle}`);
  return positionAt(text, offset).line;
}

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadBucket",
      "Effect": "Allow",
      "Action": ["s3:Get*", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
    },
    {
      "Sid": "NoSecrets",
      "Effect": "Deny",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/secret/*"
    },
    {
      "Sid": "OfficeOnly",
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::reports/*",
      "Condition": {
        "IpAddress": { "aws:SourceIp": "203.0.113.0/24" },
        "Bool": { "aws:MultiFactorAuthPresent": "true" }
      }
    }
  ]
}`;

test('initialize announces code lenses', async () => {
  const other = new LspClient();
  try {
    const result = await other.initialize();
    assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
  } finally {
    assert.equal(await other.close(), 0);
  }
});

const SIMULATIONS: { name: string; action: string; resource: string; context?: Record<string, string | string[]>; decision: SimulateResult['decision']; deciding: string[]; missing?: string[] }[] = [
  { name: 'a wildcard action allows', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv', decision: 'Allow', deciding: ['ReadBucket'] },
  { name: 'a deny wins over the allow', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/secret/k', decision: 'ExplicitDeny', deciding: ['NoSecrets'] },
  { name: 'nothing allows another bucket', action: 's3:GetObject', resource: 'arn:aws:s3:::other/k', decision: 'ImplicitDeny', deciding: [] },
  { name: 'missing context keys deny and are named', action: 's3:PutObject', resource: 'arn:aws:s3:::reports/k', decision: 'ImplicitDeny', deciding: [], missing: ['aws:MultiFactorAuthPresent', 'aws:SourceIp'] },
  {
    name: 'conditions met allow',
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::reports/k',
    context: { 'aws:SourceIp': '203.0.113.9', 'aws:MultiFactorAuthPresent': 'true' },
    decision: 'Allow',
    deciding: ['OfficeOnly'],
  },
];

for (const scenario of SIMULATIONS) {
  test(`iam/simulate: ${scenario.name}`, async () => {
    const uri = open(POLICY);
    const result = await client.request<SimulateResult>('iam/simulate', { uri, action: scenario.action, resource: scenario.resource, context: scenario.context });
    assert.equal(result.error, undefined);
    assert.equal(result.decision, scenario.decision, result.summary);
    assert.deepEqual(result.decidingStatements.map((s) => s.sid), scenario.deciding);
    for (const statement of result.decidingStatements) {
      assert.equal(statement.range.start.line, lineOf(POLICY, `"Sid": "${statement.sid}"`) - 1, 'the range starts at the statement object');
    }
    // Whether keys of statements that did not match otherwise count as missing is the engine's call; the ones asked for must be there.
    const missing = result.missingContextKeys.map((k) => k.toLowerCase());
    for (const key of scenario.missing ?? []) assert.ok(missing.includes(key.toLowerCase()), `${key} missing in ${missing.join()}`);
    assert.equal(result.statements.length, 3);
    assert.equal(typeof result.summary, 'string');
  });
}

test('iam/simulate explains each element and each condition with its place in the file', async () => {
  const uri = open(POLICY);
  const result = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:PutObject', resource: 'arn:aws:s3:::reports/k', context: { 'aws:SourceIp': '198.51.100.1', 'aws:MultiFactorAuthPresent': 'true' } });
  const [read, deny, office] = result.statements;
  assert.equal(read!.action, 'no-match');
  assert.equal(deny!.action, 'no-match');
  assert.equal(office!.action, 'match');
  assert.equal(office!.resource, 'match');
  const ip = office!.conditions.find((c) => c.key === 'aws:SourceIp')!;
  assert.equal(ip.matched, false);
  assert.deepEqual(ip.policyValues, ['203.0.113.0/24']);
  assert.deepEqual(ip.requestValues, ['198.51.100.1']);
  assert.equal(ip.range?.start.line, lineOf(POLICY, '"aws:SourceIp"'));
  assert.equal(office!.conditions.find((c) => c.key === 'aws:MultiFactorAuthPresent')!.matched, true);
  assert.equal(office!.applies, false);
  assert.equal(result.decision, 'ImplicitDeny');
});

const BAD_SIMULATIONS: { name: string; params: unknown; error: RegExp }[] = [
  { name: 'a document that is not open', params: { uri: 'file:///nowhere.json', action: 's3:GetObject', resource: '*' }, error: /not open/ },
  { name: 'no action', params: { uri: 'OPEN', resource: '*' }, error: /action and a resource/ },
  { name: 'a number for a resource', params: { uri: 'OPEN', action: 's3:GetObject', resource: 7 }, error: /action and a resource/ },
  { name: 'no parameters at all', params: null, error: /not open/ },
];

for (const scenario of BAD_SIMULATIONS) {
  test(`iam/simulate answers with an error for ${scenario.name}`, async () => {
    const params = scenario.params && typeof scenario.params === 'object' ? { ...scenario.params, uri: (scenario.params as { uri: string }).uri === 'OPEN' ? open(POLICY) : (scenario.params as { uri: string }).uri } : scenario.params;
    const result = await client.request<SimulateResult>('iam/simulate', params);
    assert.match(result.error ?? '', scenario.error);
    assert.equal(result.decision, 'ImplicitDeny');
  });
}

test('iam/simulate ignores context values that are not strings instead of failing', async () => {
  const uri = open(POLICY);
  const result = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:PutObject', resource: 'arn:aws:s3:::reports/k', context: { 'aws:SourceIp': { nested: true }, 'aws:MultiFactorAuthPresent': true } });
  assert.equal(result.error, undefined);
  assert.deepEqual(result.missingContextKeys.map((k) => k.toLowerCase()), ['aws:sourceip']);
});

test('iam/simulate on a document without a policy says so', async () => {
  const uri = open('{"name": "not a policy"}', 'package.json');
  const result = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:GetObject', resource: '*' });
  assert.match(result.error ?? '', /no IAM policy/);
});

test('iam/requestTemplate expands the policy actions, the scoped statement first', async () => {
  const uri = open(POLICY);
  const template = await client.request<RequestTemplateResult>('iam/requestTemplate', { uri, scope: { policyIndex: 0, statementIndex: 2 } });
  assert.equal(template.actions[0]!.action, 's3:PutObject');
  assert.equal(template.actions[0]!.inScope, true);
  const names = template.actions.map((a) => a.action);
  assert.ok(names.includes('s3:GetObject') && names.includes('s3:GetBucketPolicy') && names.includes('s3:ListBucket'), names.join());
  assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length, 'no duplicates (s3:GetObject is named twice)');
  assert.ok(names.every((n) => !/[*?]/.test(n)), 'wildcards are expanded');
  assert.equal(template.actions.find((a) => a.action === 's3:GetObjectAcl')?.from, 's3:Get*');
  assert.equal(template.actionsTruncated, false);
});

test('iam/requestTemplate suggests the policy resources and the ARN formats of the action', async () => {
  const uri = open(POLICY);
  const template = await client.request<RequestTemplateResult>('iam/requestTemplate', { uri, action: 's3:GetObject' });
  const arns = template.resources.map((r) => r.arn);
  assert.ok(arns.includes('arn:aws:s3:::reports/*'));
  const format = template.resources.find((r) => r.origin === 'resource-type' && r.detail === 's3 object');
  assert.ok(format, JSON.stringify(template.resources));
  assert.equal(format.arn, 'arn:aws:s3:::${BucketName}/${ObjectName}');
  assert.equal(format.needsEditing, true);
  assert.equal(arns[arns.length - 1], '*');
});

test('iam/requestTemplate lists the context keys the conditions read, with their catalogue types', async () => {
  const uri = open(POLICY);
  const template = await client.request<RequestTemplateResult>('iam/requestTemplate', { uri });
  const byKey = Object.fromEntries(template.contextKeys.map((k) => [k.key, k]));
  assert.deepEqual(Object.keys(byKey).sort(), ['aws:MultiFactorAuthPresent', 'aws:SourceIp']);
  assert.equal(byKey['aws:SourceIp']!.type, 'IPAddress');
  assert.deepEqual(byKey['aws:SourceIp']!.operators, ['IpAddress']);
  assert.deepEqual(byKey['aws:SourceIp']!.policyValues, ['203.0.113.0/24']);
  assert.equal(byKey['aws:MultiFactorAuthPresent']!.type, 'Bool');
});

test('iam/requestTemplate offers the principals a trust policy names', async () => {
  const trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/Ci"],"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x1"}}}]}`;
  const uri = open(trust, 'trust-policy.json');
  const template = await client.request<RequestTemplateResult>('iam/requestTemplate', { uri, action: 'sts:AssumeRole' });
  assert.deepEqual(template.principals, ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/Ci', 'ec2.amazonaws.com']);
  assert.deepEqual(template.actions.map((a) => a.action), ['sts:AssumeRole']);
  assert.equal(template.contextKeys[0]?.key, 'sts:ExternalId');
  assert.ok(template.resources.some((r) => r.arn.startsWith('arn:aws:iam::')), 'the role ARN format');
});

test('iam/requestTemplate on an unknown document is empty, not an error', async () => {
  const template = await client.request<RequestTemplateResult>('iam/requestTemplate', { uri: 'file:///missing.json' });
  assert.deepEqual(template, { actions: [], actionsTruncated: false, resources: [], principals: [], contextKeys: [] });
});

test('iam/catalogActions lists every catalogue action once, sorted', async () => {
  const { actions } = await client.request<CatalogActionsResult>('iam/catalogActions', {}, 30_000);
  assert.ok(actions.length > 10_000, `${actions.length} actions`);
  for (const known of ['s3:GetObject', 'iam:PassRole', 'sts:AssumeRole']) assert.ok(actions.includes(known), known);
  const lower = actions.map((a) => a.toLowerCase());
  assert.deepEqual(lower, [...lower].sort((a, b) => a.localeCompare(b)));
  assert.equal(new Set(lower).size, lower.length);
});

test('iam/simulateAll gives a decision per action the policy names', async () => {
  const uri = open(POLICY);
  const result = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: 'arn:aws:s3:::reports/secret/k' });
  assert.equal(result.error, undefined);
  const byAction = Object.fromEntries(result.rows.map((row) => [row.action, row]));
  assert.equal(byAction['s3:GetObject']!.decision, 'ExplicitDeny');
  assert.equal(byAction['s3:GetObject']!.decidingStatements[0]!.sid, 'NoSecrets');
  assert.equal(byAction['s3:GetObject']!.decidingStatements[0]!.range.start.line, lineOf(POLICY, '"Sid": "NoSecrets"') - 1);
  assert.equal(byAction['s3:GetObjectAcl']!.decision, 'Allow');
  assert.equal(byAction['s3:PutObject']!.decision, 'ImplicitDeny');
  assert.equal(result.totalActions, result.rows.length);
  assert.equal(result.truncated, false);
  assert.ok(result.elapsedMs >= 0);
});

test('iam/simulate and iam/simulateAll carry the service rule that decided, with its reason and source', async () => {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Admin', Effect: 'Allow', Action: ['iam:*', 'sts:*'], Resource: '*' },
      { Sid: 'NoSts', Effect: 'Deny', Action: ['sts:GetCallerIdentity', 'sts:GetAccessKeyInfo'], Resource: '*' },
    ],
  }, null, 2);
  const uri = open(text);
  const principal = 'arn:aws:iam::111122223333:user/alice';
  const who = await client.request<SimulateResult>('iam/simulate', { uri, action: 'sts:GetCallerIdentity', resource: '*', principal });
  assert.equal(who.decision, 'Allow', who.summary);
  assert.equal(who.serviceRule?.kind, 'no-permission');
  assert.equal(who.serviceRule?.policyDecision, 'ExplicitDeny');
  assert.match(who.serviceRule!.source, /^https:\/\/docs\.aws\.amazon\.com\/STS\//);
  const refused = await client.request<SimulateResult>('iam/simulate', { uri, action: 'iam:DeletePolicy', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess', principal });
  assert.equal(refused.decision, 'ImplicitDeny');
  assert.equal(refused.serviceRule?.id, 'aws-managed-policy');
  assert.match(refused.summary, /^The service does not allow this for any caller\./);
  const all = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: '*', principal });
  const byAction = Object.fromEntries(all.rows.map((row) => [row.action, row]));
  assert.equal(byAction['sts:GetCallerIdentity']!.decision, 'Allow');
  assert.equal(byAction['sts:GetCallerIdentity']!.serviceRule?.id, 'sts-get-caller-identity');
  assert.equal(byAction['sts:GetAccessKeyInfo']!.decision, 'ExplicitDeny');
  assert.equal(byAction['sts:GetAccessKeyInfo']!.serviceRule, undefined);
});

test('iam/simulateAll with a resource pattern answers per action for every resource it matches, and per action pattern', async () => {
  const uri = open(POLICY);
  const result = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: 'arn:aws:s3:::reports/*' });
  assert.equal(result.error, undefined);
  assert.equal(result.resourcePattern, true);
  const byAction = Object.fromEntries(result.rows.map((row) => [row.action, row]));
  const get = byAction['s3:GetObject']!;
  assert.equal(get.coverage, 'AllowSome');
  assert.equal(get.allowedResource, 'arn:aws:s3:::reports/example');
  assert.equal(get.deniedResource, 'arn:aws:s3:::reports/secret/example');
  assert.equal(get.decision, 'ExplicitDeny');
  assert.equal(get.decidingStatements[0]!.sid, 'NoSecrets');
  assert.equal(byAction['s3:GetObjectAcl']!.coverage, 'AllowAll');
  assert.equal(byAction['s3:PutObject']!.coverage, 'DenyAll');
  const getStar = result.actionPatterns?.find((entry) => entry.pattern === 's3:Get*');
  assert.equal(getStar?.coverage, 'AllowSome');
  assert.equal(getStar?.deniedAction, 's3:GetObject');
  assert.ok(getStar!.actions > 20);
  // A literal resource keeps the one-decision rows, and "*" stays literal.
  for (const resource of ['arn:aws:s3:::reports/q1.csv', '*']) {
    const literal = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource });
    assert.equal(literal.resourcePattern, undefined);
    assert.ok(literal.rows.every((row) => row.coverage === undefined));
  }
});

test('iam/simulate on a template with an AWS::EC2::VPCEndpoint: its policy gates the request and is named as the endpoint policy', async () => {
  const text = fs.readFileSync(path.join(repoRoot(), 'server', 'test', 'fixtures', 'endpoints', 'gateway-endpoint.yaml'), 'utf8');
  const uri = open(text, 'network.yaml');
  const principal = 'arn:aws:sts::111122223333:assumed-role/App/s1';
  const deleted = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:DeleteObject', resource: 'arn:aws:s3:::corp-data/a.csv', principal, context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
  assert.equal(deleted.decision, 'ExplicitDeny', deleted.summary);
  assert.deepEqual(deleted.decidingStatements.map((s) => `${s.policyType}:${s.sid}`), ['endpoint:NoDeletes']);
  assert.equal(deleted.decidingStatements[0]!.range.start.line, lineOf(text, 'Sid: NoDeletes'));
  // The bucket policy is a resource policy, the endpoint's Allow grants nothing: nothing grants the read.
  const read = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::corp-data/a.csv', principal, context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
  assert.equal(read.decision, 'ImplicitDeny', read.summary);
  assert.ok(read.statements.some((s) => s.policyType === 'endpoint' && s.sid === 'CorpBucketsOnly' && s.applies));
});

test('iam/simulateAll caps the expansion and says how many there were', async () => {
  const uri = open(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`);
  const capped = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: '*' }, 30_000);
  assert.equal(capped.rows.length, 500);
  assert.equal(capped.truncated, true);
  assert.ok(capped.totalActions > 10_000, String(capped.totalActions));
  assert.ok(capped.rows.every((row) => row.decision === 'Allow'));
  const small = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: '*', limit: 3 });
  assert.equal(small.rows.length, 3);
  const silly = await client.request<SimulateAllResult>('iam/simulateAll', { uri, resource: '*', limit: -4 });
  assert.equal(silly.rows.length, 500, 'a limit below 1 falls back to the default');
});

test('iam/simulateAll without a resource is an error answer', async () => {
  const uri = open(POLICY);
  const result = await client.request<SimulateAllResult>('iam/simulateAll', { uri });
  assert.match(result.error ?? '', /resource/);
  assert.deepEqual(result.rows, []);
});

test('a "Simulate" code lens sits above each statement and names it', async () => {
  const uri = open(POLICY);
  const all = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: SimulateCommandArgs[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
  // The policy's own lens (its access summary) comes first, above "Statement".
  assert.equal(all[0]!.command.command, 'iamAuthor.showPolicySummary');
  assert.equal(all[0]!.range.start.line, lineOf(POLICY, '"Statement"'));
  const lenses = all.slice(1);
  assert.equal(lenses.length, 3);
  lenses.forEach((lens, index) => {
    assert.equal(lens.command.title, 'Simulate');
    assert.equal(lens.command.command, 'iamAuthor.simulateAccess');
    assert.deepEqual(lens.command.arguments, [{ uri, scope: { policyIndex: 0, statementIndex: index } }]);
  });
  assert.deepEqual(
    lenses.map((lens) => lens.range.start.line),
    ['ReadBucket', 'NoSecrets', 'OfficeOnly'].map((sid) => lineOf(POLICY, `"Sid": "${sid}"`) - 1),
  );
});

test('no code lens in JSON that holds no policy', async () => {
  const uri = open('{"compilerOptions": {}}', 'tsconfig.json');
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
});

test('the server is still alive after every odd request above', async () => {
  assert.equal(client.alive, true);
  const uri = open(POLICY);
  const result = await client.request<SimulateResult>('iam/simulate', { uri, action: 's3:ListBucket', resource: 'arn:aws:s3:::reports' });
  assert.equal(result.decision, 'Allow');
});
