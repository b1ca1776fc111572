import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateDocumentation, complete, type DocumentationKey } from '../../src/complete';
import { fixtureCatalog } from '../fixtures/catalog';
import { parseWithCursor, policy } from './cursor';

// Documentation is rebuilt from a small key when an editor resolves an item: the key must carry enough
// to give the same text completion would have attached, and junk keys must give nothing, not a crash.

const catalog = fixtureCatalog();

const KEYS: readonly [DocumentationKey, RegExp][] = [
  [{ kind: 'service', key: 's3' }, /^\*\*Amazon S3\*\*[\s\S]*`s3:ActionName`/],
  [{ kind: 'action', key: 's3:GetObject' }, /^\*\*s3:GetObject\*\* · Read[\s\S]*Resource types:[\s\S]*`object`[\s\S]*arn:\$\{Partition\}:s3:::/],
  [{ kind: 'actionWildcard', key: 's3:*' }, /^Every action of Amazon S3/],
  [{ kind: 'actionWildcard', key: 's3:Get*' }, /^Every Amazon S3 action whose name starts with Get \(\d+ today\)/],
  [{ kind: 'operator', key: 'ForAllValues:StringLikeIfExists' }, /^\*\*ForAllValues:StringLikeIfExists\*\* · String operator[\s\S]*IfExists[\s\S]*every/],
  [{ kind: 'conditionKey', key: 'aws:SourceIp' }, /^\*\*aws:SourceIp\*\* · IPAddress · single-valued/],
  [{ kind: 'conditionKey', key: 'aws:PrincipalTag/${TagKey}' }, /^\*\*aws:PrincipalTag\/\$\{TagKey\}\*\*/],
  [{ kind: 'variable', key: 'aws:username' }, /^Policy variable: replaced by the request's value[\s\S]*\*\*aws:username\*\*/],
  [{ kind: 'servicePrincipal', key: 'lambda.amazonaws.com' }, /service role[\s\S]*AWS Lambda[\s\S]*iam:PassRole/i],
  [{ kind: 'servicePrincipal', key: 'ec2.amazonaws.com' }, /instance profile/],
  [{ kind: 'servicePrincipalValue', key: 'lambda.amazonaws.com' }, /^\*\*AWS Lambda\*\* — /],
  [{ kind: 'identityProvider', key: 'accounts.google.com' }, /Google/],
  [{ kind: 'identityProvider', key: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, /GitHub[\s\S]*sub/],
  [{ kind: 'identityProvider', key: 'arn:aws:iam::<account>:saml-provider/<name>' }, /SAML/],
  [{ kind: 'arnFormat', key: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', args: ['s3', 'object', '14', 's3:GetObject', 's3:PutObject'] }, /^\*\*s3 object\*\*\n\nFormat: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`\n\nTaken by `s3:GetObject`, `s3:PutObject` and 12 more\.$/],
];

for (const [key, expected] of KEYS) {
  test(`candidateDocumentation: ${key.kind} ${key.key}`, () => {
    assert.match(candidateDocumentation(key, catalog) ?? '(none)', expected);
  });
}

const JUNK: readonly unknown[] = [
  null,
  'action',
  { kind: 'action' },
  { kind: 'action', key: 'nosuchsvc:Get' },
  { kind: 'service', key: 'nosuchsvc' },
  { kind: 'actionWildcard', key: 's3:Frob*' },
  { kind: 'operator', key: 'StringEqualz' },
  { kind: 'variable', key: 'aws:NoSuchKey' },
  { kind: 'arnFormat', key: 'arn:x' },
  { kind: 'toString', key: 'x' },
  { kind: '__proto__', key: 'x' },
  { kind: 'action', key: 42 },
];

test('candidateDocumentation: keys that name nothing give undefined', () => {
  for (const junk of JUNK) assert.equal(candidateDocumentation(junk as DocumentationKey, catalog), undefined, JSON.stringify(junk));
});

test('candidateDocumentation: an action candidate resolves to the text the hover shows', () => {
  const { file, offset } = parseWithCursor(policy('"Effect": "Allow", "Action": "s3:GetOb|", "Resource": "*"'));
  const result = complete(file, offset, catalog)!;
  const candidate = result.candidates.find((c) => c.label === 's3:GetObject')!;
  assert.equal(candidate.documentation, undefined, 'long lists carry keys, not text');
  assert.deepEqual(candidate.documentationKey, { kind: 'action', key: 's3:GetObject' });
  assert.match(candidateDocumentation(candidate.documentationKey!, catalog)!, /^\*\*s3:GetObject\*\*/);
});

test('candidateDocumentation: ARN snippets name the statement actions that take the format', () => {
  const { file, offset } = parseWithCursor(policy('"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "|"'));
  const result = complete(file, offset, catalog)!;
  const candidate = result.candidates.find((c) => c.label === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}')!;
  assert.equal(candidateDocumentation(candidate.documentationKey!, catalog), '**s3 object**\n\nFormat: `arn:${Partition}:s3:::${BucketName}/${ObjectName}`\n\nTaken by `s3:GetObject`, `s3:PutObject`.');
});
