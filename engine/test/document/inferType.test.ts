import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile, POLICY_TYPES, type PolicyType } from '../../src/document';
import { fixtureText } from './fixtureText';

const statement = (fields: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${fields}}]}`;
const IDENTITY = statement('"Action":"s3:GetObject","Resource":"*"');
const TRUST = statement('"Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"');
const TRUST_WITH_TAGS = statement('"Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["sts:AssumeRole","sts:TagSession"]');
const WEB_IDENTITY = statement('"Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"');
const RESOURCE = statement('"Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"');
const MIXED = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":"*","Action":"s3:*"}]}`;

const CASES: [name: string, text: string, fileName: string | undefined, expected: PolicyType][] = [
  ['no Principal: identity', IDENTITY, undefined, 'identity'],
  ['a trust policy whose Action is still being typed stays trust', statement('"Principal":{"Service":"ec2.amazonaws.com"},"Action":""'), undefined, 'trust'],
  ['a trust policy with a stray Resource is still trust', statement('"Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"'), undefined, 'trust'],
  ['a resource policy whose Action is still being typed is told by its Resource', statement('"Principal":"*","Action":[""],"Resource":"arn:aws:s3:::b/*"'), undefined, 'resource'],
  ['NotAction with a Principal: resource', statement('"Principal":"*","NotAction":"sts:AssumeRole","Resource":"*"'), undefined, 'resource'],
  ['Principal with sts:AssumeRole: trust', TRUST, undefined, 'trust'],
  ['sts:AssumeRole with sts:TagSession: trust', TRUST_WITH_TAGS, undefined, 'trust'],
  ['sts:AssumeRoleWithWebIdentity: trust', WEB_IDENTITY, undefined, 'trust'],
  ['Principal with other actions: resource', RESOURCE, undefined, 'resource'],
  ['one non-STS statement makes it resource', MIXED, undefined, 'resource'],
  ['x.scp.json', IDENTITY, 'x.scp.json', 'scp'],
  ['deny-all.SCP.json, any case', IDENTITY, '/repo/policies/deny-all.SCP.json', 'scp'],
  ['scps/ folder does not count, only the file name', IDENTITY, '/repo/scps/deny.json', 'identity'],
  ['boundary.json', IDENTITY, 'boundary.json', 'boundary'],
  ['dev-permissions-boundary.json', IDENTITY, 'C:\\work\\dev-permissions-boundary.json', 'boundary'],
  ['session-policy.json', IDENTITY, 'session-policy.json', 'session'],
  ['org.rcp.json with Principal', RESOURCE, 'org.rcp.json', 'rcp'],
  ['trust.json with a trust document', TRUST, 'role-trust.json', 'trust'],
  ['trust-named file with a resource-shaped document is trust', RESOURCE, 'trust.json', 'trust'],
  ['an SCP-named file that names principals trusts the content', RESOURCE, 'x.scp.json', 'resource'],
  ['a boundary-named file that names principals trusts the content', TRUST, 'boundary.json', 'trust'],
  ['a trust-named file without principals trusts the content', IDENTITY, 'trust.json', 'identity'],
  ['scope.json is not an SCP', IDENTITY, 'scope.json', 'identity'],
  ['sessions-manager.json is not a session policy', IDENTITY, 'sessionsmanager.json', 'identity'],
];

for (const [name, text, fileName, expected] of CASES) {
  test(`infers ${expected}: ${name}`, () => {
    const [policy] = parsePolicyFile(text, { fileName }).policies;
    assert.equal(policy?.type, expected);
    assert.ok(policy!.typeReason.length > 0, 'the reason is shown to users');
  });
}

test('the type override wins over content and file name, for every type', () => {
  for (const type of POLICY_TYPES) {
    for (const text of [IDENTITY, TRUST, RESOURCE]) {
      const [policy] = parsePolicyFile(text, { fileName: 'x.scp.json', type }).policies;
      assert.equal(policy?.type, type);
      assert.match(policy!.typeReason, new RegExp(type));
    }
  }
});

test('the type override applies to every policy of a wrapped file', () => {
  for (const name of ['cloudformation.json', 'authorization-details.json']) {
    const policies = parsePolicyFile(fixtureText(name), { type: 'session' }).policies;
    assert.ok(policies.length > 5);
    assert.deepEqual(new Set(policies.map((policy) => policy.type)), new Set(['session']));
  }
});

test('a file name hint does not retype policies whose place says what they are', () => {
  const policies = parsePolicyFile(fixtureText('cloudformation.json'), { fileName: 'boundary.scp.json' }).policies;
  assert.equal(policies[0]!.type, 'trust');
  assert.equal(policies.filter((policy) => policy.type === 'boundary').length, 1);
});
