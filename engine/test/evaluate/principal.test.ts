import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src';
import { compilePrincipal, matchCompiledPrincipal } from '../../src/evaluate/matchPrincipal';
import { describeCaller, derivedContextKeys } from '../../src/evaluate/principal';

test('callers are recognised by the form of the principal', () => {
  const cases: [principal: string | undefined, kind: string, account?: string][] = [
    [undefined, 'unknown'],
    ['anonymous', 'anonymous'],
    ['*', 'anonymous'],
    ['111111111111', 'root', '111111111111'],
    ['arn:aws:iam::111111111111:root', 'root', '111111111111'],
    ['arn:aws:iam::111111111111:user/path/alice', 'user', '111111111111'],
    ['arn:aws:iam::111111111111:role/Dev', 'role-session', '111111111111'],
    ['arn:aws:sts::111111111111:assumed-role/Dev/s', 'role-session', '111111111111'],
    ['arn:aws:sts::111111111111:federated-user/carol', 'federated-user', '111111111111'],
    ['lambda.amazonaws.com', 'service'],
    ['cognito-identity.amazonaws.com', 'web-identity'],
    ['arn:aws:iam::111111111111:saml-provider/Corp', 'web-identity'],
    ['arn:aws-cn:iam::111111111111:user/bob', 'user', '111111111111'],
    ['something-else', 'unknown'],
  ];
  for (const [principal, kind, account] of cases) {
    const caller = describeCaller(principal);
    assert.equal(caller.kind, kind, String(principal));
    assert.equal(caller.account, account, String(principal));
  }
  assert.equal(describeCaller('arn:aws:iam::1:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX').serviceLinked, true);
  assert.equal(describeCaller('arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForECS/ecs').serviceLinked, true);
  assert.equal(describeCaller('arn:aws:sts::111111111111:assumed-role/Dev/s').roleArn, 'arn:aws:iam::111111111111:role/Dev');
});

test('principal condition keys come from the caller', () => {
  assert.deepEqual(derivedContextKeys(describeCaller('arn:aws:iam::111111111111:user/team/alice')), {
    'aws:PrincipalIsAWSService': 'false',
    'aws:PrincipalAccount': '111111111111',
    'aws:PrincipalType': 'User',
    'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/team/alice',
    'aws:username': 'alice',
  });
  assert.deepEqual(derivedContextKeys(describeCaller('s3.amazonaws.com')), { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': 's3.amazonaws.com' });
  assert.deepEqual(derivedContextKeys(describeCaller(undefined)), {});
});

function principalOf(element: unknown, keyword = 'Principal') {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', [keyword]: element, Action: 's3:*', Resource: '*' }] });
  return compilePrincipal(parsePolicyFile(text, { type: 'resource' }).policies[0]!.statements[0]!.principal!);
}

test('Principal elements name callers by account, user, role, session, service, federated', () => {
  const session = 'arn:aws:sts::111111111111:assumed-role/Dev/alice';
  const cases: [element: unknown, caller: string | undefined, expected: string | undefined][] = [
    ['*', 'anonymous', 'wildcard'],
    [{ AWS: '*' }, 'lambda.amazonaws.com', 'wildcard'],
    [{ AWS: '111111111111' }, 'arn:aws:iam::111111111111:user/alice', 'account'],
    [{ AWS: 'arn:aws:iam::111111111111:root' }, session, 'account'],
    [{ AWS: 'arn:aws:iam::222222222222:root' }, session, undefined],
    [{ AWS: ['arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:role/Dev'] }, session, 'role'],
    [{ AWS: session }, session, 'session'],
    [{ AWS: 'arn:aws:iam::111111111111:user/alice' }, 'arn:aws:iam::111111111111:user/alice', 'user'],
    [{ AWS: 'arn:aws:iam::111111111111:user/Alice' }, 'arn:aws:iam::111111111111:user/alice', undefined],
    [{ Service: 'EC2.amazonaws.com' }, 'ec2.amazonaws.com', 'service'],
    [{ Federated: 'cognito-identity.amazonaws.com' }, 'cognito-identity.amazonaws.com', 'federated'],
    [{ AWS: '111111111111' }, 'anonymous', undefined],
    [{ AWS: '111111111111' }, undefined, 'not-applicable'],
  ];
  for (const [element, caller, expected] of cases) {
    assert.equal(matchCompiledPrincipal(principalOf(element), describeCaller(caller), 'Allow'), expected, `${JSON.stringify(element)} / ${caller}`);
  }
});

test('NotPrincipal in a Deny spares a caller only when its whole chain is listed', () => {
  const user = 'arn:aws:iam::111111111111:user/alice';
  assert.equal(matchCompiledPrincipal(principalOf({ AWS: [user, '111111111111'] }, 'NotPrincipal'), describeCaller(user), 'Deny'), undefined);
  assert.equal(matchCompiledPrincipal(principalOf({ AWS: [user] }, 'NotPrincipal'), describeCaller(user), 'Deny'), 'not-principal');
  assert.equal(matchCompiledPrincipal(principalOf({ AWS: ['111111111111'] }, 'NotPrincipal'), describeCaller('111111111111'), 'Deny'), undefined);
  assert.equal(matchCompiledPrincipal(principalOf({ AWS: ['111111111111'] }, 'NotPrincipal'), describeCaller('anonymous'), 'Deny'), 'not-principal');
});

test('NotPrincipal in an Allow names no caller any link of whose chain is listed', () => {
  const user = 'arn:aws:iam::111111111111:user/alice';
  const session = 'arn:aws:sts::111111111111:assumed-role/Dev/s1';
  const allow = (list: string[], caller: string) => matchCompiledPrincipal(principalOf({ AWS: list }, 'NotPrincipal'), describeCaller(caller), 'Allow');
  assert.equal(allow([user], user), undefined);
  assert.equal(allow(['111111111111'], user), undefined);
  assert.equal(allow(['arn:aws:iam::111111111111:role/Dev'], session), undefined);
  assert.equal(allow([session], session), undefined);
  assert.equal(allow([user], 'arn:aws:iam::111111111111:user/bob'), 'not-principal');
  assert.equal(allow(['222222222222'], session), 'not-principal');
});
