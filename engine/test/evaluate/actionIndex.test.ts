import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile, simulate } from '../../src';
import { candidates, serviceOfAction } from '../../src/evaluate/actionIndex';
import { compilePolicy } from '../../src/evaluate/compile';
import { matchesPattern } from '../../src/evaluate/pattern';

const ACTION_VALUES: unknown[] = [
  '*',
  's3*',
  '*:Get*',
  's3:Get?bject',
  'S3:GetObject',
  ['ec2:*', 'iam:PassRole'],
  ':odd',
  'noColon',
  's?:GetObject',
  'kms:Decrypt\uE000',
];

const policyText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    ...ACTION_VALUES.map((action, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: action, Resource: '*' })),
    { Sid: 'Not', Effect: 'Deny', NotAction: 's3:*', Resource: '*' },
    { Sid: 'NoAction', Effect: 'Allow', Resource: '*' },
    { Sid: 'NoEffect', Action: 's3:GetObject', Resource: '*' },
  ],
});

const ACTIONS = ['s3:GetObject', 'S3:GETOBJECT', 's3:PutObject', 's3:getobject', 'ec2:RunInstances', 'iam:PassRole', 'iam:GetRole', 'kms:Decrypt', 'kms:Decrypt*', ':odd', 'noColon', 'sts:AssumeRole', '', 's3', 's3x:GetObject'];

/** Whether the statement's Action/NotAction matches, straight from the policy text. */
function matchesAction(statement: { Action?: unknown; NotAction?: unknown }, action: string): boolean {
  const values = statement.Action ?? statement.NotAction;
  if (values === undefined) return false;
  const any = (Array.isArray(values) ? values : [values]).some((value: string) => matchesPattern(value.toLowerCase(), action.toLowerCase()));
  return statement.NotAction !== undefined ? !any : any;
}

test('the statements looked at for an action include every statement that matches it, in order, and traces agree', () => {
  const file = parsePolicyFile(policyText, { type: 'identity' });
  const policy = compilePolicy(file.policies[0]!);
  const written = JSON.parse(policyText).Statement as { Action?: unknown; NotAction?: unknown }[];
  let looked = 0;
  for (const action of ACTIONS) {
    const traces = simulate({ identity: [{ policy: file.policies[0]!, source: 'p.json', file }] }, { action, resource: '*' }).statements;
    const indexes = candidates(policy.actions, serviceOfAction(action.toLowerCase())).map((statement) => statement.index);
    assert.deepEqual(indexes, [...indexes].sort((a, b) => a - b), `${action}: out of order`);
    written.forEach((statement, index) => {
      const matches = matchesAction(statement, action);
      assert.equal(traces[index]!.action, matches ? 'match' : 'no-match', `${action}: statement ${index}`);
      if (matches) assert.ok(indexes.includes(index), `${action}: statement ${index} matches but is not looked at`);
    });
    looked += indexes.length;
  }
  // Statements without Action are never looked at; the services named must leave out more.
  assert.ok(looked < ACTIONS.length * (policy.statements.length - 1), `${looked} statements looked at`);
});

test('the statements looked at for an action of a service no statement names are those that may match any action', () => {
  const policy = compilePolicy(parsePolicyFile(policyText, { type: 'identity' }).policies[0]!);
  const sids = candidates(policy.actions, serviceOfAction('dynamodb:getitem')).map((statement) => statement.sid);
  // ':odd' names the service ''; values holding the literal markers of pattern.ts are not indexed.
  assert.deepEqual(sids, ['S0', 'S1', 'S2', 'S7', 'S8', 'S9', 'Not']);
  assert.deepEqual(
    candidates(policy.actions, serviceOfAction('s3:getobject')).map((statement) => statement.sid),
    ['S0', 'S1', 'S2', 'S3', 'S4', 'S7', 'S8', 'S9', 'Not', 'NoEffect'],
  );
});

test('both trace modes agree on every action of the mixed policy', () => {
  const file = parsePolicyFile(policyText, { type: 'identity' });
  const identity = [{ policy: file.policies[0]!, source: 'p.json', file }];
  for (const action of ACTIONS) {
    const full = simulate({ identity }, { action, resource: '*' });
    const deciding = simulate({ identity }, { action, resource: '*' }, { trace: 'deciding' });
    assert.equal(deciding.decision, full.decision, action);
    assert.deepEqual(deciding.decidingStatements, full.decidingStatements, action);
  }
});
