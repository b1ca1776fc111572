import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PERMISSION_ACTIONS, parsePolicyFile, SERVICE_GUARDRAILS, simulate, type PolicySet } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { packageManagedPolicies } from '../fixtures/managedPolicies';

// The service rules are data: every action they name must exist, every rule must cite AWS, and the
// guardrail on AWS managed policies must hold for every policy of the real dataset.

const managed = packageManagedPolicies();

function identity(document: unknown): PolicySet {
  const file = parsePolicyFile(JSON.stringify(document), { type: 'identity' });
  return { identity: [{ policy: file.policies[0]!, source: 'admin.json', file }] };
}

function managedDocument(name: string): unknown {
  const entry = Object.values(managed).find((each) => each.arn === `arn:aws:iam::aws:policy/${name}`);
  assert.ok(entry, `${name} is in the dataset`);
  return entry.versions[entry.latestVersionId]!.document;
}

test('every action a service rule names is a catalogue action, and every rule cites an AWS page', () => {
  const actions = [...NO_PERMISSION_ACTIONS.map((rule) => rule.action), ...SERVICE_GUARDRAILS.flatMap((rule) => rule.actions)];
  for (const action of actions) {
    const [prefix, name] = action.split(':');
    const known = realCatalog().service(prefix!)?.actions.some((each) => each.name.toLowerCase() === name);
    assert.ok(known, `${action} is not in the catalogue`);
    assert.equal(action, action.toLowerCase());
  }
  for (const rule of [...NO_PERMISSION_ACTIONS, ...SERVICE_GUARDRAILS]) {
    assert.match(rule.source, /^https:\/\/docs\.aws\.amazon\.com\//, rule.id);
    assert.ok(rule.reason.length > 40, rule.id);
  }
  assert.equal(new Set([...NO_PERMISSION_ACTIONS, ...SERVICE_GUARDRAILS].map((rule) => rule.id)).size, NO_PERMISSION_ACTIONS.length + SERVICE_GUARDRAILS.length);
});

test('AdministratorAccess cannot change, version, tag or delete any AWS managed policy of the dataset', () => {
  const admin = identity(managedDocument('AdministratorAccess'));
  const principal = 'arn:aws:sts::111122223333:assumed-role/Admin/s1';
  const arns = Object.values(managed).map((each) => each.arn);
  assert.ok(arns.length > 1000);
  for (const arn of arns) {
    for (const action of ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:TagPolicy']) {
      const result = simulate(admin, { action, resource: arn, principal }, { trace: 'deciding' });
      assert.equal(result.decision, 'ImplicitDeny', `${action} ${arn}`);
      assert.equal(result.serviceRule?.id, 'aws-managed-policy');
      assert.equal(result.serviceRule?.policyDecision, 'Allow');
    }
  }
  // Reading and attaching them is ordinary.
  for (const [action, resource] of [['iam:GetPolicyVersion', arns[0]!], ['iam:AttachRolePolicy', 'arn:aws:iam::111122223333:role/app']] as const) {
    const result = simulate(admin, { action, resource, principal });
    assert.equal(result.decision, 'Allow', `${action} ${resource}`);
    assert.equal(result.serviceRule, undefined);
  }
});

test('GetCallerIdentity is allowed under the real AWSDenyAll policy, and the notes keep what the policies said', () => {
  const result = simulate(identity(managedDocument('AWSDenyAll')), { action: 'sts:GetCallerIdentity', resource: '*', principal: 'arn:aws:iam::111122223333:user/alice' });
  assert.equal(result.decision, 'Allow');
  assert.equal(result.serviceRule?.kind, 'no-permission');
  assert.equal(result.serviceRule?.policyDecision, 'ExplicitDeny');
  assert.match(result.summary, /No permissions are required/);
  assert.ok(result.notes?.some((note) => note.startsWith('The policies alone decide ExplicitDeny')));
  assert.equal(simulate(identity(managedDocument('AWSDenyAll')), { action: 'sts:GetAccessKeyInfo', resource: '*' }).decision, 'ExplicitDeny');
});

test('every rule of the data takes effect in simulate, for each action it names, in any case', () => {
  // The simulator passes over requests for services no rule names before looking a rule up: a rule
  // for any action it lists must still be found, whatever the case the request writes it in.
  const admin = identity(managedDocument('AdministratorAccess'));
  for (const rule of NO_PERMISSION_ACTIONS) {
    for (const action of [rule.action, rule.action.toUpperCase()]) {
      const result = simulate({}, { action, resource: '*' }, { trace: 'deciding' });
      assert.equal(result.decision, 'Allow', action);
      assert.equal(result.serviceRule?.id, rule.id, action);
    }
  }
  for (const rule of SERVICE_GUARDRAILS) {
    // A resource each glob matches: every `*` and `?` written as one letter.
    const resource = rule.resources[0]!.replace(/[*?]/g, 'x');
    for (const action of rule.actions.flatMap((each) => [each, each.toUpperCase()])) {
      const result = simulate(admin, { action, resource }, { trace: 'deciding' });
      assert.equal(result.decision, 'ImplicitDeny', `${action} ${resource}`);
      assert.equal(result.serviceRule?.id, rule.id, `${action} ${resource}`);
    }
  }
  // The same actions on a resource no guardrail covers are the policies' to decide.
  const ordinary = simulate(admin, { action: 'iam:DeleteRole', resource: 'arn:aws:iam::111122223333:role/app' });
  assert.equal(ordinary.decision, 'Allow');
  assert.equal(ordinary.serviceRule, undefined);
});
