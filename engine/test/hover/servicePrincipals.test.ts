import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDENTITY_PROVIDERS, SERVICE_PRINCIPALS, identityProvider, parseIamArn, servicePrincipal, serviceOfLinkedRoleName } from '../../src/roles';

test('service principals: well-formed, unique, documented', () => {
  assert.ok(SERVICE_PRINCIPALS.length >= 140, `only ${SERVICE_PRINCIPALS.length}`);
  const seen = new Set<string>();
  for (const info of SERVICE_PRINCIPALS) {
    assert.match(info.principal, /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/, info.principal);
    assert.ok(!seen.has(info.principal), `duplicate ${info.principal}`);
    seen.add(info.principal);
    assert.ok(info.service.length > 0, info.principal);
    for (const name of info.serviceLinkedRoles) assert.match(name, /^AWSServiceRoleFor[A-Za-z0-9_]+$/, name);
  }
});

test('service principals: service-linked role names belong to one service each', () => {
  const owners = new Map<string, string>();
  for (const info of SERVICE_PRINCIPALS) {
    for (const name of info.serviceLinkedRoles) {
      assert.ok(!owners.has(name), `${name} listed for ${owners.get(name)} and ${info.principal}`);
      owners.set(name, info.principal);
      assert.equal(serviceOfLinkedRoleName(name)?.principal, info.principal);
    }
  }
});

const LOOKUPS: readonly [string, string | undefined][] = [
  ['ec2.amazonaws.com', 'Amazon EC2'],
  ['EC2.AmazonAWS.com', 'Amazon EC2'],
  ['lambda.amazonaws.com.cn', 'AWS Lambda'],
  ['logs.eu-west-1.amazonaws.com', 'Amazon CloudWatch Logs'],
  ['ecs-tasks.amazonaws.com', 'Amazon ECS tasks'],
  ['nope.amazonaws.com', undefined],
];

for (const [principal, service] of LOOKUPS) {
  test(`service principals: ${principal}`, () => assert.equal(servicePrincipal(principal)?.service, service));
}

test('service principals: runs-your-code flags', () => {
  for (const principal of ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'codebuild.amazonaws.com']) {
    assert.equal(servicePrincipal(principal)?.runsYourCode, true, principal);
  }
  for (const principal of ['config.amazonaws.com', 'cloudformation.amazonaws.com', 'events.amazonaws.com']) {
    assert.equal(servicePrincipal(principal)?.runsYourCode, false, principal);
  }
});

const PROVIDERS: readonly [string, string | undefined][] = [
  ['cognito-identity.amazonaws.com', 'Amazon Cognito identity pools'],
  ['accounts.google.com', 'Google'],
  ['www.amazon.com', 'Login with Amazon'],
  ['graph.facebook.com', 'Facebook'],
  ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', 'GitHub Actions (OIDC)'],
  ['arn:aws-us-gov:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', 'GitHub Actions (OIDC)'],
  ['arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC', 'Amazon EKS cluster OIDC issuer (IAM roles for service accounts)'],
  ['arn:aws:iam::111122223333:oidc-provider/auth.example.com', 'OpenID Connect provider'],
  ['arn:aws:iam::111122223333:saml-provider/Okta', 'SAML 2.0 identity provider'],
  ['example.com', undefined],
];

for (const [value, name] of PROVIDERS) {
  test(`identity providers: ${value}`, () => assert.equal(identityProvider(value)?.name, name));
}

test('identity providers: each web identity provider says which keys to pin (SAML\'s are role facts)', () => {
  for (const provider of IDENTITY_PROVIDERS) assert.equal(provider.keysToPin.length > 0, provider.protocol === 'oidc', provider.name);
});

const ARNS: readonly [string, string | undefined, string?][] = [
  ['111122223333', 'account'],
  ['arn:aws:iam::111122223333:root', 'account'],
  ['arn:aws:iam::111122223333:role/app/Worker', 'role', 'Worker'],
  ['arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS', 'service-linked-role', 'AWSServiceRoleForECS'],
  ['arn:aws:iam::111122223333:role/AWSServiceRoleForSupport', 'service-linked-role', 'AWSServiceRoleForSupport'],
  ['arn:aws:sts::111122223333:assumed-role/Admin/alice', 'assumed-role', 'Admin'],
  ['arn:aws:iam::111122223333:instance-profile/web', 'instance-profile', 'web'],
  ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'managed-policy', 'AWSLambdaBasicExecutionRole'],
  ['arn:aws:s3:::bucket', undefined],
  ['arn:aws:iam', undefined],
  ['12345', undefined],
];

for (const [value, kind, name] of ARNS) {
  test(`IAM ARNs: ${value}`, () => {
    const info = parseIamArn(value);
    assert.equal(info?.kind, kind);
    if (name) assert.equal(info?.name, name);
  });
}
