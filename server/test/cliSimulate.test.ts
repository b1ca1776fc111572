import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// `simulate` and `test` as processes: decisions, the JSON shapes of issue 2, exit codes.

const IDENTITY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadAll", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" },
    { "Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::secrets/*" },
    {
      "Sid": "TeamPut",
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": "data" } }
    }
  ]
}
`;
const QUEUES = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"sqs:Delete*","NotResource":"arn:aws:sqs:*:*:prod-*"}]}';

const SUITE = {
  policies: {
    identity: [
      '../policies/identity.json',
      { Version: '2012-10-17', Statement: [{ Sid: 'Inline', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] },
    ],
  },
  tests: [
    { name: 'reads objects', action: 's3:GetObject', resource: 'arn:aws:s3:::public/a', expect: 'Allow' },
    { name: 'secrets are denied', action: 's3:GetObject', resource: 'arn:aws:s3:::secrets/a', expect: 'ExplicitDeny' },
    { name: 'Deny accepts an implicit deny', action: 's3:DeleteObject', resource: 'arn:aws:s3:::public/a', expect: 'Deny' },
    { name: 'Deny accepts an explicit deny', action: 's3:PutObject', resource: 'arn:aws:s3:::secrets/a', expect: 'Deny' },
    { name: 'the inline policy counts', action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111122223333:q', expect: 'Allow' },
    { name: 'context opens a condition', action: 's3:PutObject', resource: 'arn:aws:s3:::public/a', context: { 'aws:PrincipalTag/team': ['data'] }, expect: 'Allow' },
  ],
};
const FAILING = {
  policies: { identity: ['../policies/identity.json'] },
  tests: [
    { name: 'passes', action: 's3:GetObject', resource: 'arn:aws:s3:::a/b', expect: 'Allow' },
    { name: 'wrong on purpose', action: 's3:PutObject', resource: 'arn:aws:s3:::a/b', expect: 'Allow' },
    { name: 'Deny is not Allow', action: 's3:GetObject', resource: 'arn:aws:s3:::a/b', expect: 'Deny' },
  ],
};

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'policies/identity.json': IDENTITY,
    'policies/queues.json': QUEUES,
    'policies/package.json': { name: 'x' },
    'policies/broken.json': '{ "Statement": ',
    'tests/suite.iamtest.json': SUITE,
    'tests/failing.iamtest.json': FAILING,
    'tests/missing-policy.iamtest.json': { policies: { identity: ['nowhere.json'] }, tests: [] },
    'tests/malformed.iamtest.json': '{ "tests": ',
    'tests/typo.iamtest.json': {
      policies: { identity: ['../policies/identity.json'] },
      tests: [
        { name: 'no object writes', action: 's3:PutObjekt', resource: 'arn:aws:s3:::secrets/a', expect: 'Deny' },
        { name: 'no queue deletes', action: 'sqss:DeleteQueue', resource: 'arn:aws:sqs:us-east-1:111122223333:q', expect: 'ImplicitDeny' },
        { name: 'a pattern is fine', action: 's3:Get*', resource: 'arn:aws:s3:::public/a', expect: 'Allow' },
      ],
    },
  }));
});

after(() => cleanup());

const simulate = (...args: string[]) => runCli(dir, ['simulate', ...args]);
const identityArgs = ['--identity', 'policies/identity.json'];

const DECISIONS: [action: string, resource: string, extra: string[], decision: string, sids: string[]][] = [
  ['s3:GetObject', 'arn:aws:s3:::public/a', [], 'Allow', ['ReadAll']],
  ['s3:GetObject', 'arn:aws:s3:::secrets/a', [], 'ExplicitDeny', ['NoSecrets']],
  ['s3:PutObject', 'arn:aws:s3:::public/a', [], 'ImplicitDeny', []],
  ['s3:PutObject', 'arn:aws:s3:::public/a', ['--context', 'aws:PrincipalTag/team=data'], 'Allow', ['TeamPut']],
  ['s3:PutObject', 'arn:aws:s3:::public/a', ['--context', 'aws:PrincipalTag/team=ops'], 'ImplicitDeny', []],
  ['S3:getobject', 'arn:aws:s3:::public/a', [], 'Allow', ['ReadAll']],
];

for (const [action, resource, extra, decision, sids] of DECISIONS) {
  test(`simulate ${action} on ${resource} ${extra.join(' ')} → ${decision}`, () => {
    const result = simulate(...identityArgs, '--action', action, '--resource', resource, ...extra, '--format', 'json');
    assert.equal(result.status, 0, 'the exit code does not depend on the decision');
    const output = parseJsonOutput(result);
    assert.deepEqual(Object.keys(output), ['decision', 'matchedStatements', 'missingContextKeys']);
    assert.equal(output.decision, decision);
    assert.deepEqual(output.matchedStatements.map((statement: any) => statement.sid), sids);
  });
}

test('matched statements carry file, policy type, index, sid, effect and the range in the file', () => {
  const output = parseJsonOutput(simulate(...identityArgs, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::secrets/a', '--format', 'json'));
  const line = IDENTITY.split('\n')[4]!;
  assert.deepEqual(output.matchedStatements, [
    {
      file: 'policies/identity.json',
      policyType: 'identity',
      index: 1,
      sid: 'NoSecrets',
      effect: 'Deny',
      range: { start: { line: 4, character: line.indexOf('{') }, end: { line: 4, character: line.lastIndexOf('}') + 1 } },
    },
  ]);
  assert.deepEqual(output.missingContextKeys, []);
});

test('a condition on a key the request lacks is reported as missing', () => {
  const output = parseJsonOutput(simulate(...identityArgs, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::p/a', '--format', 'json'));
  assert.deepEqual(output.missingContextKeys, ['aws:PrincipalTag/team']);
});

test('NotAction and NotResource, and several identity files', () => {
  const run = (action: string, resource: string) =>
    parseJsonOutput(simulate('--identity', 'policies/queues.json', '--identity', 'policies/identity.json', '--action', action, '--resource', resource, '--format', 'json')).decision;
  assert.equal(run('sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:dev-q'), 'Allow');
  assert.equal(run('sqs:DeleteQueue', 'arn:aws:sqs:us-east-1:1:dev-q'), 'ImplicitDeny');
  assert.equal(run('sqs:SendMessage', 'arn:aws:sqs:us-east-1:1:prod-q'), 'ImplicitDeny');
  assert.equal(run('s3:GetObject', 'arn:aws:s3:::secrets/x'), 'ExplicitDeny', 'the second file still takes part');
});

test('simulate text output states the decision and the deciding statement', () => {
  const result = simulate(...identityArgs, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::secrets/a');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^Decision: ExplicitDeny$/m);
  assert.match(result.stdout, /NoSecrets/);
});

test('simulate text names unnamed statements counting from 1, as IAM403 and the editor do', () => {
  const result = simulate('--identity', 'policies/queues.json', '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:us-east-1:111122223333:jobs');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^Decision: Allow$/m);
  assert.match(result.stdout, /^  Allow statement 1 \(identity\) /m);
  assert.match(result.stdout, /statement 1 of the identity policy/);
  assert.doesNotMatch(result.stdout, /#0|statement 0/);
});

const SIMULATE_USAGE: [name: string, args: string[]][] = [
  ['no --action', [...identityArgs, '--resource', '*']],
  ['no --resource', [...identityArgs, '--action', 's3:GetObject']],
  ['no policy', ['--action', 's3:GetObject', '--resource', '*']],
  ['an unknown option', [...identityArgs, '--action', 's3:GetObject', '--resource', '*', '--verbose']],
  ['a stray argument', [...identityArgs, 'extra', '--action', 's3:GetObject', '--resource', '*']],
  ['a missing file', ['--identity', 'policies/nowhere.json', '--action', 's3:GetObject', '--resource', '*']],
  ['a file without a policy', ['--identity', 'policies/package.json', '--action', 's3:GetObject', '--resource', '*']],
  ['a file that is not JSON', ['--identity', 'policies/broken.json', '--action', 's3:GetObject', '--resource', '*']],
  ['a --context without =', [...identityArgs, '--action', 's3:GetObject', '--resource', '*', '--context', 'aws:SourceIp']],
  ['--action given twice', [...identityArgs, '--action', 's3:GetObject', '--action', 's3:PutObject', '--resource', '*']],
  ['a bad --format', [...identityArgs, '--action', 's3:GetObject', '--resource', '*', '--format', 'sarif']],
];

for (const [name, args] of SIMULATE_USAGE) {
  test(`simulate with ${name} is a usage error (exit 2)`, () => {
    const result = simulate(...args);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /^iam-author: /);
    assert.equal(result.stdout, '');
  });
}

test('test: a test of an action AWS does not have fails and says why, even when it expects a deny', () => {
  const result = runCli(dir, ['test', 'tests/typo.iamtest.json']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /^FAIL .*no object writes: Unknown action "s3:PutObjekt". Did you mean "s3:PutObject"\?/m);
  assert.match(result.stdout, /^FAIL .*no queue deletes: Unknown service prefix "sqss". Did you mean "sqs"\?/m);
  assert.match(result.stdout, /^PASS .*a pattern is fine$/m);
  assert.match(result.stdout, /^1 passed, 2 failed$/m);
  const json = runCli(dir, ['test', '--format', 'json', 'tests/typo.iamtest.json']);
  const [first] = JSON.parse(json.stdout).results;
  assert.equal(first.pass, false);
  assert.match(first.problem, /s3:PutObjekt/);
});

test('test: a passing suite with file and inline policies exits 0', () => {
  const result = runCli(dir, ['test', 'tests/suite.iamtest.json']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, SUITE.tests.length + 1);
  SUITE.tests.forEach((each, index) => assert.match(lines[index]!, new RegExp(`^PASS .*${each.name}$`)));
  assert.equal(lines[lines.length - 1], `${SUITE.tests.length} passed, 0 failed`);
});

test('test: a failing test exits 1 and the closing line counts both', () => {
  const result = runCli(dir, ['test', 'tests/failing.iamtest.json']);
  assert.equal(result.status, 1);
  const lines = result.stdout.trim().split('\n');
  assert.match(lines[0]!, /^PASS .*passes$/);
  assert.match(lines[1]!, /^FAIL .*wrong on purpose.*expected Allow, got ImplicitDeny/);
  assert.match(lines[2]!, /^FAIL .*Deny is not Allow.*expected Deny, got Allow/);
  assert.equal(lines[3], '1 passed, 2 failed');
});

test('test --format json gives file, name, expect, actual and pass per test', () => {
  const result = runCli(dir, ['test', '--format', 'json', 'tests/suite.iamtest.json', 'tests/failing.iamtest.json']);
  assert.equal(result.status, 1);
  const output = parseJsonOutput(result);
  assert.deepEqual(Object.keys(output), ['results']);
  assert.deepEqual(output.results.slice(2, 4), [
    { file: 'tests/suite.iamtest.json', name: 'Deny accepts an implicit deny', expect: 'Deny', actual: 'ImplicitDeny', pass: true },
    { file: 'tests/suite.iamtest.json', name: 'Deny accepts an explicit deny', expect: 'Deny', actual: 'ExplicitDeny', pass: true },
  ]);
  assert.deepEqual(
    output.results.map((each: any) => [each.name, each.pass]),
    [...SUITE.tests.map((each) => [each.name, true]), ['passes', true], ['wrong on purpose', false], ['Deny is not Allow', false]],
  );
  for (const each of output.results) assert.deepEqual(Object.keys(each), ['file', 'name', 'expect', 'actual', 'pass']);
});

test('test: broken suites are usage errors, and the other files still run', () => {
  const result = runCli(dir, ['test', 'tests/missing-policy.iamtest.json', 'tests/malformed.iamtest.json', 'tests/suite.iamtest.json', 'tests/none.iamtest.json']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /missing-policy\.iamtest\.json/);
  assert.match(result.stderr, /malformed\.iamtest\.json/);
  assert.match(result.stderr, /none\.iamtest\.json/);
  assert.match(result.stdout, new RegExp(`^${SUITE.tests.length} passed, 0 failed$`, 'm'));
  assert.equal(runCli(dir, ['test']).status, 2);
});
