import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// AWS managed policy ARNs wherever the CLI takes a policy file: simulate flags and .iamtest.json entries.

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'deny-secrets.json': { Version: '2012-10-17', Statement: [{ Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::secrets/*' }] },
    'suite.iamtest.json': {
      policies: { identity: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'deny-secrets.json'] },
      tests: [
        { name: 'reads', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a', expect: 'Allow' },
        { name: 'no writes', action: 's3:PutObject', resource: 'arn:aws:s3:::reports/a', expect: 'Deny' },
        { name: 'no secrets', action: 's3:GetObject', resource: 'arn:aws:s3:::secrets/a', expect: 'ExplicitDeny' },
      ],
    },
    'unknown.iamtest.json': { policies: { identity: ['arn:aws:iam::aws:policy/NoSuchPolicy'] }, tests: [{ name: 'x', action: 's3:GetObject', resource: '*', expect: 'Allow' }] },
  }));
});

after(() => cleanup());

test('simulate --identity takes an AWS managed policy ARN; deciding statements point into its document', () => {
  const result = runCli(dir, ['simulate', '--identity', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/a', '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  const json = parseJsonOutput(result);
  assert.equal(json.decision, 'Allow');
  assert.equal(json.matchedStatements[0].file, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  const denied = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::reports/a', '--format', 'json']));
  assert.equal(denied.decision, 'ImplicitDeny');
  const boundary = parseJsonOutput(
    runCli(dir, ['simulate', '--identity', 'arn:aws:iam::aws:policy/AdministratorAccess', '--boundary', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', '--principal', 'arn:aws:iam::111122223333:role/r', '--action', 'sqs:SendMessage', '--resource', '*', '--format', 'json']),
  );
  assert.equal(boundary.decision, 'ImplicitDeny', 'a managed policy as a boundary limits');
});

test('.iamtest.json policies entries may be AWS managed policy ARNs', () => {
  const result = runCli(dir, ['test', '--format', 'json', 'suite.iamtest.json']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const unknown = runCli(dir, ['test', 'unknown.iamtest.json']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /NoSuchPolicy.*not an AWS managed policy this version knows/);
});
