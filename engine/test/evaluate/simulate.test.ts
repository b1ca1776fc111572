import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile, simulate, type PolicySet, type PolicyType } from '../../src';
import { compilePolicy } from '../../src/evaluate/compile';

function set(entries: Partial<Record<keyof PolicySet, unknown[]>>, types: Partial<Record<keyof PolicySet, PolicyType>> = {}): PolicySet {
  const result: Record<string, unknown> = {};
  for (const [key, documents] of Object.entries(entries)) {
    result[key] = documents!.map((document, index) => {
      const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
      const file = parsePolicyFile(text, { type: types[key as keyof PolicySet] ?? (key === 'session' || key === 'boundary' || key === 'scp' || key === 'rcp' ? key : key === 'resource' ? 'resource' : 'identity') as PolicyType });
      return { policy: file.policies[0]!, source: `${key}-${index}.json`, file };
    });
  }
  return result as PolicySet;
}

const conditional = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Tagged', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['dev', 'ops'] }, Bool: { 'aws:SecureTransport': 'true' } } },
    { Sid: 'Other', Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'x' } } },
  ],
};

test('the full trace explains every statement and every condition, with request and policy values', () => {
  const policies = set({ identity: [conditional] });
  const result = simulate(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: 'arn:aws:iam::111111111111:user/alice', context: { 'aws:PrincipalTag/team': 'dev' } });
  assert.equal(result.decision, 'ImplicitDeny');
  assert.equal(result.statements.length, 2);
  const [tagged, other] = result.statements;
  assert.equal(tagged!.sid, 'Tagged');
  assert.equal(tagged!.action, 'match');
  assert.equal(tagged!.resource, 'match');
  assert.equal(tagged!.principal, 'not-applicable');
  assert.equal(tagged!.applies, false);
  assert.deepEqual(
    tagged!.conditions.map(({ operator, key, policyValues, requestValues, matched }) => ({ operator, key, policyValues, requestValues, matched })),
    [
      { operator: 'StringEquals', key: 'aws:PrincipalTag/team', policyValues: ['dev', 'ops'], requestValues: ['dev'], matched: true },
      { operator: 'Bool', key: 'aws:SecureTransport', policyValues: ['true'], requestValues: undefined, matched: false },
    ],
  );
  const text = policies.identity![0]!.file!.text;
  assert.match(text.slice(tagged!.conditions[0]!.span.offset, tagged!.conditions[0]!.span.offset + tagged!.conditions[0]!.span.length), /^"aws:PrincipalTag\/team"/);
  assert.equal(other!.action, 'no-match');
  // ec2:Region belongs to a statement whose action does not match: not reported as missing.
  assert.deepEqual(result.missingContextKeys, ['aws:SecureTransport']);
  assert.equal(result.principalKind, 'user');
  assert.equal(result.crossAccount, false);
  assert.ok(result.notes!.some((note) => note.includes('IAM user')));
});

test('the deciding-only trace gives the same decision, deciding statements and missing keys', () => {
  const policies = set({ identity: [conditional, { Version: '2012-10-17', Statement: [{ Sid: 'No', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::secret/*' }] }] });
  for (const resource of ['arn:aws:s3:::b/k', 'arn:aws:s3:::secret/k']) {
    const request = { action: 's3:GetObject', resource, context: { 'aws:PrincipalTag/team': 'ops', 'aws:SecureTransport': 'true' } };
    const full = simulate(policies, request);
    const fast = simulate(policies, request, { trace: 'deciding' });
    assert.equal(fast.decision, full.decision);
    assert.deepEqual(fast.decidingStatements, full.decidingStatements);
    assert.deepEqual(fast.missingContextKeys, full.missingContextKeys);
    assert.deepEqual(fast.statements, fast.decidingStatements);
    assert.ok(full.statements.length > fast.statements.length);
  }
});

test('policies are compiled once per policy object', () => {
  const policies = set({ identity: [conditional] });
  const policy = policies.identity![0]!.policy;
  assert.equal(compilePolicy(policy), compilePolicy(policy));
  const again = set({ identity: [conditional] }).identity![0]!.policy;
  assert.notEqual(compilePolicy(again), compilePolicy(policy));
});

test('policy types that do not apply to the caller are traced but marked and take no part', () => {
  const policies = set({ identity: [{ Version: '2012-10-17', Statement: [{ Sid: 'Deny', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'x:only-here': 'y' } } }] }], scp: [{ Version: '2012-10-17', Statement: [{ Sid: 'Nothing', Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }] });
  const result = simulate(policies, { action: 'ec2:RunInstances', resource: '*', principal: '111111111111', resourceAccount: '' });
  assert.equal(result.crossAccount, false);
  // The root user has no identity policies, but SCPs do limit it.
  assert.equal(result.decision, 'ImplicitDeny');
  const ignored = result.statements.find((trace) => trace.sid === 'Deny')!;
  assert.match(ignored.ignoredBecause!, /root user/);
  assert.deepEqual(result.missingContextKeys, []);
  assert.equal(result.statements.find((trace) => trace.sid === 'Nothing')!.ignoredBecause, undefined);
  assert.equal(result.statements.find((trace) => trace.sid === 'Nothing')!.level, undefined);
});

test('SCPs from one source form one level unless levels are given', () => {
  const scp = (action: string) => ({ Version: '2012-10-17', Statement: [{ Sid: action, Effect: 'Allow', Action: action, Resource: '*' }] });
  const identity = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }];
  const two = set({ identity, scp: [scp('s3:*'), scp('ec2:*')] });
  const request = { action: 'ec2:RunInstances', resource: '*', principal: 'arn:aws:iam::111111111111:user/a' };
  // Two sources: two levels, and the s3-only level does not allow EC2.
  assert.equal(simulate(two, request).decision, 'ImplicitDeny');
  const oneLevel: PolicySet = { ...two, scp: two.scp!.map((sourced) => ({ ...sourced, level: 'ou' })) };
  assert.equal(simulate(oneLevel, request).decision, 'Allow');
});

test('bad input never throws', () => {
  const weird = [
    '{"Statement": 5}',
    '{"Statement": [null, 1, "x", {"Effect": "Allow"}]}',
    '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [1, null], "Resource": {"a": 1}, "Condition": {"StringEquals": 5, "Null": {"k": [true, null]}, "Bogus": {"k": "v"}}}}',
    '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotPrincipal": 7, "Principal": {"AWS": [1]}, "Action": "*", "Resource": "${", "Condition": {"IpAddress": {"aws:SourceIp": "::::"}, "DateEquals": {"aws:CurrentTime": "x"}}}}',
  ];
  for (const text of weird) {
    const policies = set({ identity: [text], resource: [text], scp: [text], boundary: [text], session: [text] });
    for (const principal of [undefined, 'x', 'arn:aws:sts::1:assumed-role/', '*', '123456789012']) {
      const result = simulate(policies, { action: '', resource: '', principal, context: { k: [] } });
      assert.ok(['Allow', 'ExplicitDeny', 'ImplicitDeny'].includes(result.decision));
    }
  }
});

test('human-readable text counts statements from 1, as the rule messages and the result view do', () => {
  const policies = set({ identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }] });
  const result = simulate(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
  assert.equal(result.decision, 'Allow');
  assert.match(result.summary, /\bstatement 2\b/);
  assert.doesNotMatch(result.summary, /\bstatement 1\b/);
});

test('RCPs limit only the services they govern, when the caller says which (Catalog.rcpServices)', () => {
  const policies = set({
    identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:RunInstances'], Resource: '*' }] }],
    rcp: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }],
  });
  const rcpServices = new Set(['s3', 'sts']);
  const request = (action: string) => ({ action, resource: '*', principal: 'arn:aws:iam::111111111111:role/app' });
  const ec2 = simulate(policies, request('ec2:RunInstances'), { rcpServices });
  assert.equal(ec2.decision, 'Allow');
  assert.ok(ec2.notes?.some((note) => /RCPs do not apply: ec2 is not among the services whose resources RCPs govern/.test(note)), ec2.notes?.join('\n'));
  assert.equal(simulate(policies, request('s3:GetObject'), { rcpServices }).decision, 'ExplicitDeny');
  // Without the list, as before: every request is limited.
  assert.equal(simulate(policies, request('ec2:RunInstances')).decision, 'ExplicitDeny');
});
