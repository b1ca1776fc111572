import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { collectRolePolicies, listRoles, parsePolicyFile, simulate, type Policy, type SourcedPolicy } from '../../src';

const FIXTURES = path.resolve(__dirname, '../../../../engine/test/evaluate/fixtures');
const load = (name: string) => parsePolicyFile(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), { fileName: name });
const sids = (policies: readonly Policy[]) => policies.flatMap((policy) => policy.statements.map((statement) => (statement.sid?.value as { value: string }).value));
const sourced = (policies: readonly (Policy | undefined)[]): SourcedPolicy[] => policies.filter((p): p is Policy => !!p).map((policy) => ({ policy, source: 'fixture' }));

test('CloudFormation: a role\'s trust, inline, attached (by Ref, by name, by Roles) and boundary policies', () => {
  const file = load('role-template.json');
  assert.deepEqual(listRoles(file).map((role) => role.name), ['app-role', 'OtherRole']);
  const role = collectRolePolicies(file, 'AppRole')!;
  assert.equal(role.role.name, 'app-role');
  assert.deepEqual(sids(role.identity), ['ReadBucket', 'Logs', 'Tables', 'Queue']);
  assert.deepEqual(sids([role.boundary!]), ['BoundaryReadOnly']);
  assert.equal(role.boundary!.type, 'boundary');
  assert.deepEqual(sids([role.trust!]), ['LambdaTrust']);
  assert.equal(role.trust!.type, 'trust');
  assert.deepEqual(role.unresolved, ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  assert.equal(collectRolePolicies(file, 'app-role')?.role.logicalId, 'AppRole');
  assert.equal(collectRolePolicies(file, 'nope'), undefined);
});

test('simulating as the collected role: identity ∩ boundary', () => {
  const role = collectRolePolicies(load('role-template.json'), 'AppRole')!;
  const set = { identity: sourced(role.identity), boundary: sourced([role.boundary]) };
  const principal = 'arn:aws:iam::111111111111:role/app-role';
  const request = (action: string) => ({ action, resource: 'arn:aws:s3:::app-bucket/a', principal, resourceAccount: '111111111111' });
  assert.equal(simulate(set, request('s3:GetObject')).decision, 'Allow');
  // Allowed inline, but the boundary grants only s3:Get*.
  assert.equal(simulate(set, request('s3:PutObject')).decision, 'ImplicitDeny');
  assert.equal(simulate(set, request('sqs:SendMessage')).decision, 'Allow');
});

test('authorization details: default versions of attached managed policies and the boundary', () => {
  const file = load('authorization-details.json');
  assert.deepEqual(listRoles(file), [{ name: 'deployer', arn: 'arn:aws:iam::111111111111:role/deployer' }]);
  const role = collectRolePolicies(file, 'arn:aws:iam::111111111111:role/deployer')!;
  assert.deepEqual(sids(role.identity), ['Deploy', 'Read']);
  assert.deepEqual(sids([role.boundary!]), ['OnlyCfn']);
  assert.deepEqual(sids([role.trust!]), ['CiTrust']);
  assert.deepEqual(role.unresolved, ['arn:aws:iam::aws:policy/AdministratorAccess']);
});

test('files without roles give none', () => {
  const plain = parsePolicyFile('{"Version":"2012-10-17","Statement":[]}');
  assert.deepEqual(listRoles(plain), []);
  assert.deepEqual(listRoles(parsePolicyFile('not json')), []);
  assert.deepEqual(listRoles(parsePolicyFile('{"Resources": 5}')), []);
});
