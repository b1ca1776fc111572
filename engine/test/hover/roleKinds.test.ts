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
    explains: ['assumes this role in your account', 'you own', 'iam:PassRole', 'runs your own code'],
  },
  {
    name: 'EC2 instance role',
    text: trust('{"Service": "ec2.amazonaws.com"}'),
    kind: 'ec2-instance-role',
    headline: 'Role kind: EC2 instance role (service role for Amazon EC2)',
    explains: ['instance profile', 'exactly one role', 'while the instance runs', 'instance metadata service', 'rotated', 'no long-term keys'],
  },
  {
    name: 'cross-account role by account ID',
    text: trust('{"AWS": "111122223333"}'),
    kind: 'cross-account-role',
    headline: 'Role kind: cross-account role (trusts account 111122223333)',
    explains: ['whole account', 'sts:ExternalId', 'confused deputy'],
  },
  {
    name: 'cross-account role by root ARN with an external ID',
    text: trust('{"AWS": "arn:aws:iam::444455556666:root"}', 'sts:AssumeRole', '{"StringEquals": {"sts:ExternalId": "x"}}'),
    kind: 'cross-account-role',
    headline: 'Role kind: cross-account role (trusts account 444455556666)',
    explains: ['This policy checks `sts:ExternalId`'],
  },
  {
    name: 'GitHub Actions OIDC role',
    text: trust('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}', 'sts:AssumeRoleWithWebIdentity', '{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}'),
    kind: 'web-identity-role',
    headline: 'Role kind: web identity role for GitHub Actions (OIDC)',
    explains: ['AssumeRoleWithWebIdentity', 'token.actions.githubusercontent.com:sub', 'repository and branch', 'anyone on GitHub', '✓ checked here'],
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
    for (const phrase of ['cannot edit its permissions', 'permissions boundary', 'iam:CreateServiceLinkedRole', 'deleted only after']) {
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
