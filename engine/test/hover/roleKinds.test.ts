import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { parsePolicyFile } from '../../src/document';
import { classifyTrustPolicy, type RoleKind } from '../../src/roles';
import { fixtureCatalog } from '../fixtures/catalog';
import { parseWithCursor } from '../complete/cursor';

const catalog = fixtureCatalog();

const trust = (principal: string, action = 'sts:AssumeRole', condition = '') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "${action}"${condition ? `, "Condition": ${condition}` : ''}}]}`;

interface RoleCase {
  readonly name: string;
  readonly text: string;
  readonly kind: RoleKind;
  readonly headline: string;
  /** Phrases the explanation must contain (what follows from the kind). */
  readonly explains: readonly string[];
}

const CASES: readonly RoleCase[] = [
  {
    name: 'service role (Lambda)',
    text: trust('{"Service": "lambda.amazonaws.com"}'),
    kind: 'service-role',
    headline: 'Role kind: service role for AWS Lambda',
    explains: ['service assumes it to act for you', 'Typical use: the execution role', 'role of your own account', 'iam:PassRole', 'renew them automatically'],
  },
  {
    name: 'EC2 instance role',
    text: trust('{"Service": "ec2.amazonaws.com"}'),
    kind: 'ec2-instance-role',
    headline: 'Role kind: EC2 instance role (service role for Amazon EC2)',
    explains: ['instance profile', 'only one role', 'replace or detach it later', 'instance metadata', 'rotated automatically', 'long-term access keys'],
  },
  {
    name: 'an account of unknown relation (a plain trust-policy file does not say where the role is)',
    text: trust('{"AWS": "111122223333"}'),
    kind: 'aws-principal-role',
    headline: 'Role kind: role trusted by account 111122223333',
    explains: ['whole account', 'If that is not the account the role is in', 'sts:ExternalId', 'confused deputy'],
  },
  {
    name: 'an account by root ARN with an external ID',
    text: trust('{"AWS": "arn:aws:iam::444455556666:root"}', 'sts:AssumeRole', '{"StringEquals": {"sts:ExternalId": "x"}}'),
    kind: 'aws-principal-role',
    headline: 'Role kind: role trusted by account 444455556666',
    explains: ['This policy checks `sts:ExternalId`'],
  },
  {
    name: 'a role of unknown relation',
    text: trust('{"AWS": "arn:aws:iam::444455556666:role/Deployer"}'),
    kind: 'aws-principal-role',
    headline: 'Role kind: role trusted by role Deployer of account 444455556666',
    explains: ['Role `Deployer` of account `444455556666` may assume this role', 'role chaining'],
  },
  {
    name: 'a user of unknown relation',
    text: trust('{"AWS": "arn:aws:iam::444455556666:user/alice"}'),
    kind: 'aws-principal-role',
    headline: 'Role kind: role trusted by IAM user alice of account 444455556666',
    explains: ['IAM user `alice` of account `444455556666` may assume this role', 'unique ID'],
  },
  {
    name: 'GitHub Actions OIDC role',
    text: trust('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}', 'sts:AssumeRoleWithWebIdentity', '{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}'),
    kind: 'web-identity-role',
    headline: 'Role kind: web identity role for GitHub Actions (OIDC)',
    explains: ['AssumeRoleWithWebIdentity', 'token.actions.githubusercontent.com:sub', 'repository and branch', 'the minimum AWS recommends', '✓ checked here'],
  },
  {
    name: 'Cognito web identity role',
    text: trust('{"Federated": "cognito-identity.amazonaws.com"}', 'sts:AssumeRoleWithWebIdentity'),
    kind: 'web-identity-role',
    headline: 'Role kind: web identity (OIDC) role for Amazon Cognito identity pools',
    explains: ['cognito-identity.amazonaws.com:aud', 'identity pool ID'],
  },
  {
    name: 'SAML federation role',
    text: trust('{"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}', 'sts:AssumeRoleWithSAML'),
    kind: 'saml-role',
    headline: 'Role kind: SAML 2.0 federation role',
    explains: ['AssumeRoleWithSAML', 'SAML:aud', 'https://signin.aws.amazon.com/saml'],
  },
];

for (const c of CASES) {
  test(`role kind: ${c.name}`, () => {
    const file = parsePolicyFile(c.text);
    assert.equal(file.policies[0]!.type, 'trust');
    const classification = classifyTrustPolicy(file.policies[0]!);
    assert.ok(classification);
    assert.equal(classification.findings[0]!.kind, c.kind);
    assert.equal(classification.headline, c.headline);
    for (const phrase of c.explains) assert.ok(classification.markdown.includes(phrase), `missing "${phrase}" in:\n${classification.markdown}`);
  });
}

test('role kind: stated on hover of Statement and Principal keys', () => {
  for (const key of ['"Statement"', '"Principal"']) {
    const marked = trust('{"Service": "ec2.amazonaws.com"}').replace(key, key.slice(0, 3) + '|' + key.slice(3));
    const { file, offset } = parseWithCursor(marked);
    const result = hover(file, offset, catalog);
    assert.ok(result?.markdown.startsWith('**Role kind: EC2 instance role (service role for Amazon EC2)**'), result?.markdown);
  }
});

test('role kind: trust policy inside a CloudFormation template', () => {
  const marked = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "St|atement": [{"Effect": "Allow", "Principal": {"Service": ["ecs-tasks.amazonaws.com"]}, "Action": "sts:AssumeRole"}]}}}}}';
  const { file, offset } = parseWithCursor(marked);
  const result = hover(file, offset, catalog);
  assert.ok(result?.markdown.includes('Role kind: service role for Amazon ECS tasks'), result?.markdown);
});

test('role kind: several kinds are all named', () => {
  const file = parsePolicyFile(trust('{"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"]}'));
  const classification = classifyTrustPolicy(file.policies[0]!);
  assert.equal(classification?.headline, 'Role kind: EC2 instance role (service role for Amazon EC2); service role for AWS Lambda');
});

/** An authorization-details dump: role Deploy in account 111111111111 trusting `principal`. */
const dumpedRole = (principal: string) =>
  `{"RoleDetailList": [{"RoleName": "Deploy", "Arn": "arn:aws:iam::111111111111:role/Deploy", "AssumeRolePolicyDocument": ${trust(principal)}, "RolePolicyList": []}], "UserDetailList": [], "GroupDetailList": [], "Policies": []}`;

const cfnRole = (principal: string) =>
  `{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"}]}}}}}`;

const RELATIONS: readonly [name: string, text: string, kind: RoleKind, headline: string][] = [
  ['dump: a role of the same account', dumpedRole('{"AWS": "arn:aws:iam::111111111111:role/Builder"}'), 'same-account-role', 'Role kind: same-account role (trusts role Builder of its own account)'],
  ['dump: a role of another account', dumpedRole('{"AWS": "arn:aws:iam::222222222222:role/Builder"}'), 'cross-account-role', 'Role kind: cross-account role (trusts role Builder of account 222222222222)'],
  ['dump: its own account', dumpedRole('{"AWS": "111111111111"}'), 'same-account-role', 'Role kind: same-account role (trusts its own account 111111111111)'],
  ['dump: another account root', dumpedRole('{"AWS": "arn:aws:iam::222222222222:root"}'), 'cross-account-role', 'Role kind: cross-account role (trusts account 222222222222)'],
  ['dump: a user of another account', dumpedRole('{"AWS": "arn:aws:iam::222222222222:user/ci"}'), 'cross-account-role', 'Role kind: cross-account role (trusts IAM user ci of account 222222222222)'],
  ['template: Ref AWS::AccountId', cfnRole('{"AWS": {"Ref": "AWS::AccountId"}}'), 'same-account-role', 'Role kind: same-account role (trusts its own account ${AWS::AccountId})'],
  ['template: Fn::Sub role of the own account', cfnRole('{"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/Builder"}}'), 'same-account-role', 'Role kind: same-account role (trusts role Builder of its own account)'],
  ['template: Fn::Join root of the own account', cfnRole('{"AWS": [{"Fn::Join": ["", ["arn:aws:iam::", {"Ref": "AWS::AccountId"}, ":root"]]}]}'), 'same-account-role', 'Role kind: same-account role (trusts its own account ${AWS::AccountId})'],
];

for (const [name, text, kind, headline] of RELATIONS) {
  test(`role kind: ${name}`, () => {
    const policy = parsePolicyFile(text).policies.find((p) => p.type === 'trust');
    assert.ok(policy, 'no trust policy found');
    const classification = classifyTrustPolicy(policy);
    assert.equal(classification?.findings[0]?.kind, kind);
    assert.equal(classification?.headline, headline);
  });
}

test('role kind: advice fits what is trusted (no "name a role ARN" when a role is named)', () => {
  const named = classifyTrustPolicy(parsePolicyFile(dumpedRole('{"AWS": "arn:aws:iam::111111111111:role/Builder"}')).policies.find((p) => p.type === 'trust')!)!;
  assert.ok(!named.markdown.includes('To trust one role or user of that account only'), named.markdown);
  assert.ok(!named.markdown.includes('sts:ExternalId'), 'external IDs are for third parties, not the own account');
  assert.ok(!named.markdown.includes('across accounts'), named.markdown);
  const account = classifyTrustPolicy(parsePolicyFile(dumpedRole('{"AWS": "arn:aws:iam::222222222222:root"}')).policies.find((p) => p.type === 'trust')!)!;
  assert.ok(account.markdown.includes('To trust one role or user of that account only'), account.markdown);
});

test('role kind: names from the file are escaped in the hover', () => {
  const file = parsePolicyFile(trust('{"AWS": "arn:aws:iam::444455556666:role/![x](https://example.com/x.png)"}'));
  const classification = classifyTrustPolicy(file.policies[0]!);
  assert.ok(classification);
  assert.ok(!/(?<!\\)!\[x\]\(/.test(classification.markdown), classification.markdown);
});

test('role kind: Deny statements and empty trust policies make no kind', () => {
  const deny = parsePolicyFile('{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}', { type: 'trust' });
  assert.equal(classifyTrustPolicy(deny.policies[0]!), undefined);
});

const SLR_ARNS: readonly [string, string, string][] = [
  ['by path', 'arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS', 'Service-linked role of Amazon ECS'],
  ['by path, unknown name', 'arn:aws:iam::111122223333:role/aws-service-role/access-analyzer.amazonaws.com/Custom_x', 'Service-linked role of IAM Access Analyzer'],
  ['by name only', 'arn:aws:iam::111122223333:role/AWSServiceRoleForAutoScaling', 'Service-linked role of Amazon EC2 Auto Scaling'],
  ['by name with a suffix', 'arn:aws:iam::111122223333:role/aws-service-role/lexv2.amazonaws.com/AWSServiceRoleForLexV2Bots_ABC', 'Service-linked role of Amazon Lex V2'],
];

for (const [name, arn, heading] of SLR_ARNS) {
  test(`role kind: service-linked role ARN ${name}`, () => {
    const marked = `{"Resources": {"X": {"Type": "AWS::ECS::Service", "Properties": {"Role": "${arn.slice(0, 20)}|${arn.slice(20)}"}}}}`;
    const { file, offset } = parseWithCursor(marked);
    const result = hover(file, offset, catalog);
    assert.ok(result?.markdown.includes(heading), result?.markdown);
    for (const phrase of ['not edit the permissions', 'permissions boundary', 'iam:CreateServiceLinkedRole', 'deleted only after']) {
      assert.ok(result?.markdown.includes(phrase), `missing "${phrase}"`);
    }
  });
}

test('role kind: service-linked role ARN in a Resource element', () => {
  const marked = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::*:role/aws-service-role/|ecs.amazonaws.com/AWSServiceRoleForECS"}]}';
  const { file, offset } = parseWithCursor(marked);
  const result = hover(file, offset, catalog);
  assert.ok(result?.markdown.includes('resource type `role`'), result?.markdown);
  assert.ok(result?.markdown.includes('Service-linked role of Amazon ECS'), result?.markdown);
});
