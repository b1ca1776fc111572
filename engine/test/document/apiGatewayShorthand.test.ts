import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocument, parsePolicyFile, renderValue, simulate, type PolicyType } from '../../src';
import { realCatalog } from '../fixtures/catalog';

// API Gateway's abbreviated resources in a REST API's resource policy: "execute-api:/*" stands for
// arn:aws:execute-api:<Region>:<account>:<api-id>/*, which API Gateway fills in when it saves the policy.

const catalog = realCatalog();

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*', 'execute-api:/prod/GET/pets'] },
    { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', NotResource: 'execute-api:/prod/*' },
  ],
});

const read = (type: PolicyType) => parsePolicyFile(POLICY, { type });

test('in a resource policy they are the ARNs API Gateway makes of them, with its parts unknown', () => {
  const [policy] = read('resource').policies;
  const values = policy!.statements.flatMap((statement) => statement.resource!.values.map(renderValue));
  assert.deepEqual(values, [
    'arn:${partition}:execute-api:${region}:${account}:${api-id}/*',
    'arn:${partition}:execute-api:${region}:${account}:${api-id}/prod/GET/pets',
    'arn:${partition}:execute-api:${region}:${account}:${api-id}/prod/*',
  ]);
  assert.deepEqual(lintDocument(read('resource'), catalog).filter((finding) => finding.severity === 'error'), []);
});

test('an identity policy has no such shorthand: IAM rejects it there', () => {
  const errors = lintDocument(read('identity'), catalog).filter((finding) => finding.ruleId === 'IAM105');
  assert.ok(errors.length >= 2, JSON.stringify(errors.map((finding) => finding.message)));
});

test('the simulator matches them against the API\'s ARNs: allowed on prod, denied elsewhere', () => {
  const file = read('resource');
  const policies = { resource: [{ policy: file.policies[0]!, source: 'api.json', file }] };
  const ask = (resource: string) => simulate(policies, { action: 'execute-api:Invoke', resource, principal: 'arn:aws:iam::111122223333:role/caller', resourceAccount: '111122223333' }).decision;
  assert.equal(ask('arn:aws:execute-api:us-east-1:111122223333:a1b2c3/prod/GET/pets'), 'Allow');
  assert.equal(ask('arn:aws:execute-api:us-east-1:111122223333:a1b2c3/test/GET/pets'), 'ExplicitDeny');
});
