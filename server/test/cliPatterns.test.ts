import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// Questions about many requests at once through the CLI as a process: --resource-pattern,
// --action-pattern (expanded through the real catalogue), and AllowAll / AllowSome / DenyAll in test files.

const REPORTS = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/secret/*' },
  ],
};

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'reports.json': REPORTS,
    'patterns.iamtest.json': {
      policies: { identity: ['reports.json'] },
      tests: [
        { name: 'all of 2024', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/2024/*', expect: 'AllowAll' },
        { name: 'some of reports', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/*', expect: 'AllowSome' },
        { name: 'no secret', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/secret/*', expect: 'DenyAll' },
        { name: 'some Get actions', action: 's3:Get*', resource: 'arn:aws:s3:::reports/2024/q1.csv', expect: 'AllowSome' },
        { name: 'wrong on purpose', action: 's3:Put*', resource: 'arn:aws:s3:::reports/*', expect: 'AllowSome' },
      ],
    },
  }));
});

after(() => cleanup());

test('simulate --resource-pattern answers AllowSome with a witness of each side', () => {
  const result = runCli(dir, ['simulate', '--identity', 'reports.json', '--action', 's3:GetObject', '--resource-pattern', 'arn:aws:s3:::reports/*']);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Answer: AllowSome$/m);
  assert.match(result.stdout, /^ {2}allowed: s3:GetObject on arn:aws:s3:::reports\/example: Allowed by statement "Read"/m);
  assert.match(result.stdout, /^ {2}denied \(ExplicitDeny\): s3:GetObject on arn:aws:s3:::reports\/secret\/example: /m);
  const json = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'reports.json', '--action', 's3:GetObject', '--resource-pattern', 'arn:aws:s3:::reports/2024/*', '--format', 'json']));
  assert.equal(json.coverage, 'AllowAll');
  assert.equal(json.denied, undefined);
  assert.deepEqual(json.allowed.decidingStatements.map((s: { sid: string }) => s.sid), ['Read']);
  assert.ok(json.requests >= 2);
});

test('simulate --action-pattern expands through the catalogue: s3:Get* is allowed for some actions only', () => {
  const json = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'reports.json', '--action-pattern', 's3:Get*', '--resource', 'arn:aws:s3:::reports/a.csv', '--format', 'json']));
  assert.equal(json.coverage, 'AllowSome');
  assert.equal(json.allowed.action, 's3:GetObject');
  assert.match(json.denied.action, /^s3:Get/);
  assert.ok(json.requests > 20, `${json.requests} requests`);
  const none = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'reports.json', '--action-pattern', 's3:Delete*', '--resource-pattern', 'arn:aws:s3:::reports/*', '--format', 'json']));
  assert.equal(none.coverage, 'DenyAll');
});

test('a wildcard in --resource or --action is simulated literally, and the notes say which flag asks about every match', () => {
  const result = runCli(dir, ['simulate', '--identity', 'reports.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/*']);
  assert.match(result.stdout, /^Decision: Allow$/m);
  assert.match(result.stdout, /use --resource-pattern to ask about every resource it matches/);
  assert.equal(runCli(dir, ['simulate', '--identity', 'reports.json', '--action', 's3:GetObject', '--resource-pattern', 'x', '--resource', 'y']).status, 2);
  const nothing = runCli(dir, ['simulate', '--identity', 'reports.json', '--action-pattern', 'nosuch:*', '--resource', '*']);
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /matches no action of the catalogue/);
});

test('test files: AllowAll, AllowSome and DenyAll expectations, a failing one with the answer and its witnesses', () => {
  const result = runCli(dir, ['test', 'patterns.iamtest.json']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const lines = result.stdout.trim().split('\n');
  for (const index of [0, 1, 2, 3]) assert.match(lines[index]!, /^PASS /);
  assert.match(lines[4]!, /^FAIL .*wrong on purpose: expected AllowSome, got DenyAll\. Denied for every request: \d+ actions on arn:aws:s3:::reports\/\*\.$/);
  assert.equal(lines[5], '4 passed, 1 failed');
});
