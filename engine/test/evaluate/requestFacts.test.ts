import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile, simulate, type AccessRequest, type ContextValue, type PolicySet, type PolicyType, type SimulateOptions } from '../../src';

/**
 * Statements keep what they worked out for the last request (requestFacts.ts) and simulate() reuses
 * the last request context while the caller passes an equal one. These tests check that no result
 * depends on what was simulated before: every request gives what it gives against policies parsed
 * afresh, with a context object never seen before.
 */

const DOCUMENTS: Record<string, { type: PolicyType; document: unknown }> = {
  identity: {
    type: 'identity',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Own', Effect: 'Allow', Action: 's3:*Object', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' },
        { Sid: 'Team', Effect: 'Allow', Action: ['kms:Decrypt', 's3:List*'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['dev', 'ops'] } } },
        { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:Delete*', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['secret*', '${aws:username}'] } } },
        { Sid: 'Region', Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Condition: { StringEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' }, Null: { 'aws:SourceVpc': 'false' } } },
      ],
    },
  },
  resource: {
    type: 'resource',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Role', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
        { Sid: 'Outsiders', Effect: 'Deny', NotPrincipal: { AWS: '111111111111' }, Action: 's3:PutObject', Resource: '*' },
      ],
    },
  },
  boundary: { type: 'boundary', document: { Statement: [{ Effect: 'Allow', Action: ['s3:*', 'kms:*'], Resource: '*' }] } },
  scp: { type: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } },
};

function freshPolicies(kinds: readonly string[]): PolicySet {
  const set: Record<string, unknown> = {};
  for (const kind of kinds) {
    const { type, document } = DOCUMENTS[kind]!;
    const file = parsePolicyFile(JSON.stringify(document, null, 2), { type });
    set[kind] = [{ policy: file.policies[0]!, source: `${kind}.json`, file }];
  }
  return set as PolicySet;
}

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 'kms:Decrypt', 'iam:PassRole'];
const CONTEXTS: Record<string, ContextValue>[] = [
  { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'dev', 'aws:TagKeys': ['a', 'secret1'] },
  { 'aws:username': 'bob', 'aws:PrincipalTag/team': 'dev', 'aws:TagKeys': ['a', 'bob'], 'aws:SecureTransport': 'false' },
  { 'AWS:USERNAME': 'alice', 'aws:RequestedRegion': 'us-east-1', 'aws:SourceVpc': 'vpc-1' },
  {},
];
const PRINCIPALS = [undefined, 'arn:aws:sts::111111111111:assumed-role/app/s', 'arn:aws:iam::222222222222:user/alice'];
const RESOURCES = ['arn:aws:s3:::bucket/alice/k', 'arn:aws:s3:::bucket/bob/k', '*'];
const SETS: string[][] = [['identity', 'resource', 'boundary', 'scp'], ['identity', 'resource'], ['identity']];
const MODES: SimulateOptions[] = [{}, { trace: 'deciding' }];

interface Case {
  kinds: string[];
  request: AccessRequest;
  options: SimulateOptions;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const kinds of SETS) {
    for (const principal of PRINCIPALS) {
      for (const resource of RESOURCES) {
        for (const context of CONTEXTS) {
          for (const action of ACTIONS) for (const options of MODES) all.push({ kinds, request: { action, resource, principal, context }, options });
        }
      }
    }
  }
  return all;
}

/** A deterministic shuffle, so that consecutive requests differ in every part in turn. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  let seed = 12345;
  for (let i = result.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function expected(kinds: readonly string[], request: AccessRequest, options: SimulateOptions) {
  return simulate(freshPolicies(kinds), { ...request, context: structuredClone(request.context) }, options);
}

test('results do not depend on the requests simulated before, in order or shuffled', () => {
  const warm = new Map(SETS.map((kinds) => [kinds, freshPolicies(kinds)]));
  const all = cases();
  let allows = 0;
  for (const order of [all, shuffled(all)]) {
    for (const { kinds, request, options } of order) {
      const result = simulate(warm.get(kinds)!, request, options);
      assert.deepEqual(result, expected(kinds, request, options), `${request.action} ${request.principal} ${request.resource} ${JSON.stringify(request.context)} ${options.trace}`);
      if (result.decision === 'Allow') allows++;
    }
  }
  // The corpus must exercise every decision, or agreeing would prove little.
  assert.ok(allows > 0);
  const decisions = new Set(all.map(({ kinds, request, options }) => simulate(warm.get(kinds)!, request, options).decision));
  assert.deepEqual([...decisions].sort(), ['Allow', 'ExplicitDeny', 'ImplicitDeny']);
});

test('a context object changed between requests is read again', () => {
  const policies = freshPolicies(['identity']);
  const context: Record<string, string | string[]> = { 'aws:username': 'alice', 'aws:TagKeys': ['a'] };
  const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/alice/k', context };
  assert.equal(simulate(policies, request).decision, 'Allow');
  context['aws:username'] = 'bob';
  assert.equal(simulate(policies, request).decision, 'ImplicitDeny');
  context['aws:username'] = 'alice';
  const deleting = { ...request, action: 's3:DeleteObject' };
  assert.equal(simulate(policies, deleting).decision, 'Allow');
  (context['aws:TagKeys'] as string[]).push('secret-x');
  assert.equal(simulate(policies, deleting).decision, 'ExplicitDeny');
  delete context['aws:TagKeys'];
  const result = simulate(policies, deleting);
  assert.equal(result.decision, 'Allow');
  assert.deepEqual(result, expected(['identity'], deleting, {}));
});

test('statement traces show the request values as they were when the request was made', () => {
  const policies = freshPolicies(['identity']);
  const tags = ['a', 'b'];
  const request = { action: 's3:DeleteObject', resource: '*', context: { 'aws:TagKeys': tags, 'aws:SourceVpc': 'vpc-1' } };
  const first = simulate(policies, request);
  tags.push('secret');
  const second = simulate(policies, request);
  const requestValues = (result: typeof first) => result.statements.find((trace) => trace.sid === 'NoDelete')!.conditions[0]!.requestValues;
  assert.deepEqual(requestValues(first), ['a', 'b']);
  assert.deepEqual(requestValues(second), ['a', 'b', 'secret']);
  assert.equal(first.decision, 'Allow');
  assert.equal(second.decision, 'ExplicitDeny');
});
