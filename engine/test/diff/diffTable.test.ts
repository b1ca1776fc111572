import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile, type PolicyType } from '../../src/document';
import { diffPolicies, harness } from '../../src/diff';
import { simulate, type SourcedPolicy } from '../../src/evaluate';
import { realCatalog } from '../fixtures/catalog';

// One pair per single-element widening (and each reversed: a narrowing), with the action a witness must show.

const catalog = realCatalog();

function side(statements: object[] | undefined, type: PolicyType, name: string): SourcedPolicy[] {
  if (!statements) return [];
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  const file = parsePolicyFile(text, { type });
  return file.policies.map((policy) => ({ policy, source: name, file }));
}

interface Case {
  readonly name: string;
  readonly type: PolicyType;
  readonly old: object[] | undefined;
  readonly new: object[];
  /** An action some added witness must show (case-insensitive), or a test on the witness. */
  readonly witness: string;
  readonly resource?: RegExp;
  readonly principal?: RegExp;
}

const READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' };

const CASES: readonly Case[] = [
  { name: 'an added action', type: 'identity', old: [READ], new: [{ ...READ, Action: ['s3:GetObject', 's3:PutObject'] }], witness: 's3:PutObject' },
  { name: 'a wider wildcard', type: 'identity', old: [{ ...READ, Action: 's3:Get*' }], new: [{ ...READ, Action: 's3:*' }], witness: 's3:PutObject' },
  {
    name: 'an added resource',
    type: 'identity',
    old: [READ],
    new: [{ ...READ, Resource: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::secrets/*'] }],
    witness: 's3:GetObject',
    resource: /^arn:aws:s3:::secrets\//,
  },
  { name: 'a shorter path', type: 'identity', old: [{ ...READ, Resource: 'arn:aws:s3:::reports/2024/*' }], new: [READ], witness: 's3:GetObject', resource: /^arn:aws:s3:::reports\/x/ },
  {
    name: 'another account',
    type: 'identity',
    old: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:jobs' }],
    new: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:*:jobs' }],
    witness: 'sqs:SendMessage',
    resource: /:444455556666:jobs$/,
  },
  {
    name: 'another region',
    type: 'identity',
    old: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:jobs' }],
    new: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:111122223333:jobs' }],
    witness: 'sqs:SendMessage',
    resource: /^arn:aws:sqs:eu-central-2:/,
  },
  { name: 'a removed condition', type: 'identity', old: [{ ...READ, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }], new: [READ], witness: 's3:GetObject' },
  {
    name: 'a loosened string condition',
    type: 'identity',
    old: [{ ...READ, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } }],
    new: [{ ...READ, Condition: { StringLike: { 'aws:PrincipalTag/team': 'data*' } } }],
    witness: 's3:GetObject',
  },
  {
    name: 'a wider IP range',
    type: 'identity',
    old: [{ ...READ, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/24' } } }],
    new: [{ ...READ, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/16' } } }],
    witness: 's3:GetObject',
  },
  {
    name: 'a later date',
    type: 'identity',
    old: [{ ...READ, Condition: { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } } }],
    new: [{ ...READ, Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } }],
    witness: 's3:GetObject',
  },
  { name: 'NotAction', type: 'identity', old: [READ], new: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::reports/*' }], witness: 's3:PutObject' },
  { name: 'NotResource', type: 'identity', old: [READ], new: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secrets/*' }], witness: 's3:GetObject' },
  { name: 'a removed Deny', type: 'identity', old: [{ ...READ, Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::secrets/*' }], new: [{ ...READ, Resource: '*' }], witness: 's3:GetObject', resource: /secrets/ },
  { name: 'an unknown action', type: 'identity', old: [READ], new: [READ, { Effect: 'Allow', Action: 's3:FrobnicateThings', Resource: '*' }], witness: 's3:FrobnicateThings' },
  { name: 'a new policy', type: 'identity', old: undefined, new: [READ], witness: 's3:GetObject' },
  {
    name: 'a resource policy whose principal widens to *',
    type: 'resource',
    old: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
    new: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
    witness: 's3:GetObject',
    principal: /^(\*|arn:aws:iam::(?!444455556666)\d{12}:.*)$/,
  },
  {
    name: 'a resource policy with a new action',
    type: 'resource',
    old: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
    new: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::reports/*' }],
    witness: 's3:DeleteObject',
    principal: /444455556666/,
  },
  {
    name: 'a trust policy with a new principal',
    type: 'trust',
    old: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    new: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
    witness: 'sts:AssumeRole',
    principal: /^lambda\.amazonaws\.com$/,
  },
  {
    name: 'a trust policy opened to another account',
    type: 'trust',
    old: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
    new: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '999988887777'] }, Action: 'sts:AssumeRole' }],
    witness: 'sts:AssumeRole',
    principal: /999988887777/,
  },
  {
    name: 'an SCP that stops denying',
    type: 'scp',
    old: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }],
    new: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    witness: 'ec2:RunInstances',
  },
  { name: 'a boundary that allows more', type: 'boundary', old: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], new: [{ Effect: 'Allow', Action: ['s3:*', 'sqs:*'], Resource: '*' }], witness: 'sqs:' },
  { name: 'an RCP that stops limiting', type: 'rcp', old: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }], new: [{ Effect: 'Allow', Action: '*', Resource: '*' }], witness: 's3:' },
];

function confirm(type: PolicyType, policies: readonly SourcedPolicy[], witness: { action: string; resource: string; principal?: string; context?: object }): boolean {
  const { set, request } = harness(type, policies, witness as never);
  return simulate(set, request).decision === 'Allow';
}

for (const entry of CASES) {
  test(`widening: ${entry.name}`, () => {
    const oldSide = side(entry.old, entry.type, 'old.json');
    const newSide = side(entry.new, entry.type, 'new.json');
    const result = diffPolicies({ policies: oldSide }, { policies: newSide }, catalog, { type: entry.type });
    assert.equal(result.complete, true);
    assert.equal(result.newAccess, true, `no witness among ${result.checked} requests`);
    const matching = result.added.filter((witness) => [witness.action, ...witness.sameFor].some((action) => action.toLowerCase().startsWith(entry.witness.toLowerCase())));
    assert.ok(matching.length > 0, `no witness for ${entry.witness}: ${JSON.stringify(result.added.map((w) => w.action))}`);
    if (entry.resource) assert.ok(matching.some((witness) => entry.resource!.test(witness.resource)), JSON.stringify(matching.map((w) => w.resource)));
    if (entry.principal) assert.ok(matching.some((witness) => entry.principal!.test(witness.principal ?? '')), JSON.stringify(matching.map((w) => w.principal)));
    for (const witness of result.added) {
      assert.equal(confirm(entry.type, newSide, witness), true, 'the new side allows the witness');
      assert.equal(confirm(entry.type, oldSide, witness), false, 'the old side does not');
      assert.ok(witness.statement, 'the witness points at the statement that allows it');
      assert.equal(witness.statement!.source, 'new.json');
    }
  });

  test(`narrowing: ${entry.name}, reversed`, () => {
    const oldSide = side(entry.new, entry.type, 'old.json');
    const newSide = side(entry.old, entry.type, 'new.json');
    const result = diffPolicies({ policies: oldSide }, { policies: newSide }, catalog, { type: entry.type });
    assert.equal(result.complete, true);
    assert.equal(result.newAccess, false, JSON.stringify(result.added[0]));
    assert.ok(result.removed.length > 0, 'the narrowing shows as removed access');
    for (const witness of result.removed) assert.equal(confirm(entry.type, oldSide, witness), true);
  });
}

test('the same policy twice: no new access, nothing removed', () => {
  const policy = side([READ, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }], 'identity', 'p.json');
  const result = diffPolicies({ policies: policy }, { policies: policy }, catalog);
  assert.deepEqual([result.newAccess, result.added, result.removed, result.complete], [false, [], [], true]);
});

test('an RCP that stops denying a service RCPs do not govern: no access changes', () => {
  // The fixture's catalogue lists the services RCPs govern (Catalog.rcpServices): s3, not ec2.
  const allowAll = { Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' };
  const old = side([allowAll, { Effect: 'Deny', Action: ['ec2:RunInstances', 's3:GetObject'], Resource: '*', Principal: '*' }], 'rcp', 'old.json');
  const stopsDenyingEc2 = side([allowAll, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Principal: '*' }], 'rcp', 'new.json');
  const result = diffPolicies({ policies: old }, { policies: stopsDenyingEc2 }, catalog, { type: 'rcp' });
  assert.deepEqual([result.newAccess, result.added, result.removed, result.complete], [false, [], [], true]);
  const stopsDenyingS3 = side([allowAll, { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Principal: '*' }], 'rcp', 'new.json');
  const widened = diffPolicies({ policies: old }, { policies: stopsDenyingS3 }, catalog, { type: 'rcp' });
  assert.deepEqual(widened.added.map((witness) => witness.action), ['s3:GetObject']);
});

test('a space larger than the bound: incomplete, and it says what was checked', () => {
  const keys = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`aws:PrincipalTag/k${i}`, ['a', 'b', 'c']]));
  // A narrowing (PutObject dropped) whose conditions test eight keys: 2^8 contexts per resource.
  const old = side([{ ...READ, Action: ['s3:GetObject', 's3:PutObject'], Condition: { StringEquals: keys } }], 'identity', 'old.json');
  const narrower = side([{ ...READ, Condition: { StringEquals: keys } }], 'identity', 'new.json');
  const result = diffPolicies({ policies: old }, { policies: narrower }, catalog, { maxRequests: 100 });
  assert.equal(result.complete, false);
  assert.equal(result.newAccess, false);
  assert.equal(result.checked, 100);
  assert.ok(result.space.requests > 100);
  const finished = diffPolicies({ policies: old }, { policies: narrower }, catalog);
  assert.deepEqual([finished.complete, finished.newAccess], [true, false], 'with room, the same comparison finishes');
});
