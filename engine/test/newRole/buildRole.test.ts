import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocument, parsePolicyFile } from '../../src';
import { buildRole, type TrustedEntity } from '../../src/newRole/buildRole';
import { SERVICE_USE_CASES } from '../../src/newRole/useCases';
import { realCatalog } from '../fixtures/catalog';

// Every role the New Role flow can write passes the checks with nothing above info, trust and
// permissions alike, on the real catalogue.

const catalog = realCatalog();
const ACCOUNT = '123456789012';

const TRUSTS: [name: string, trust: TrustedEntity][] = [
  ...SERVICE_USE_CASES.map((useCase): [string, TrustedEntity] => [`service ${useCase.id}`, { kind: 'service', useCase: useCase.id, account: ACCOUNT }]),
  ['another account with an external ID', { kind: 'account', trustedAccount: '210987654321', externalId: 'partner-7f3a' }],
  ['another account with MFA', { kind: 'account', trustedAccount: '210987654321', requireMfa: true }],
  ['GitHub Actions on a branch', { kind: 'github', account: ACCOUNT, repository: 'my-org/my-repo', branch: 'main' }],
  ['GitHub Actions on any ref of a repository', { kind: 'github', account: ACCOUNT, repository: 'my-org/my-repo' }],
  ['an EKS service account', { kind: 'eks', account: ACCOUNT, issuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE', namespace: 'apps', serviceAccount: 'reporter' }],
  ['a Cognito identity pool', { kind: 'cognito', identityPoolId: 'us-east-1:12345678-1234-1234-1234-123456789012' }],
  ['SAML federation', { kind: 'saml', account: ACCOUNT, provider: 'Okta' }],
];

function findingsAboveInfo(document: unknown, fileName: string): string[] {
  const file = parsePolicyFile(JSON.stringify(document, null, 2), { fileName });
  assert.equal(file.policies.length, 1, fileName);
  return lintDocument(file, catalog)
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .map((finding) => `${finding.ruleId} ${finding.message}`);
}

for (const [name, trust] of TRUSTS) {
  test(`new role, ${name}: the trust policy is a trust policy and passes the checks`, () => {
    const role = buildRole({ name: 'AppRole', trust });
    const file = parsePolicyFile(JSON.stringify(role.trustPolicy), { fileName: 'app-role-trust-policy.json' });
    assert.equal(file.policies[0]!.type, 'trust');
    assert.deepEqual(findingsAboveInfo(role.trustPolicy, 'app-role-trust-policy.json'), []);
  });
}

for (const useCase of SERVICE_USE_CASES) {
  test(`new role, ${useCase.id}: the inline policy from the common actions passes the checks`, () => {
    const role = buildRole({ name: 'AppRole', trust: { kind: 'service', useCase: useCase.id, account: ACCOUNT }, inlineActions: useCase.commonActions, inlineResources: useCase.commonResources });
    assert.ok(role.permissionsPolicy);
    assert.deepEqual(findingsAboveInfo(role.permissionsPolicy, 'app-role-policy.json'), []);
  });
}

test('an EC2 role comes with an instance profile, others do not', () => {
  assert.equal(buildRole({ name: 'R', trust: { kind: 'service', useCase: 'ec2', account: ACCOUNT } }).instanceProfile, true);
  assert.equal(buildRole({ name: 'R', trust: { kind: 'service', useCase: 'lambda', account: ACCOUNT } }).instanceProfile, false);
});

test('services that send source keys are pinned to the account; EC2 and Lambda, which do not, are not', () => {
  const ecs = buildRole({ name: 'R', trust: { kind: 'service', useCase: 'ecs-tasks', account: ACCOUNT } });
  assert.deepEqual((ecs.trustPolicy.Statement[0] as any).Condition.StringEquals, { 'aws:SourceAccount': ACCOUNT });
  const ec2 = buildRole({ name: 'R', trust: { kind: 'service', useCase: 'ec2', account: ACCOUNT } });
  assert.equal((ec2.trustPolicy.Statement[0] as any).Condition, undefined);
});
