import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// `iam-author diff` as a process: exit codes, JSON and text, managed policy ARNs, templates, --git in
// a temporary repository, bad input and the request bound.

const READ = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] };
const WRITE = {
  Version: '2012-10-17',
  Statement: [...READ.Statement, { Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/*' }],
};

function template(actions: string[]): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [${actions.join(', ')}]
                Resource: "*"
`;
}

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'old.json': READ,
    'new.json': WRITE,
    'broken.json': '{"Version": "2012-10-17", "Statement": [',
    // An SCP that denies leaving the organization, and the same SCP with that guard rail gone.
    'scp-old.json': {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'StayInOrg', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
      ],
    },
    'scp-new.json': { Version: '2012-10-17', Statement: [{ Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' }] },
    'many-keys.json': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*', Condition: { StringEquals: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`aws:PrincipalTag/k${i}`, ['a', 'b']])) } }],
    },
    'fewer-actions.json': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*', Condition: { StringEquals: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`aws:PrincipalTag/k${i}`, ['a', 'b']])) } }],
    },
  }));
});

after(() => cleanup());

test('diff: new access is exit 1 with witnesses that point at the new statement', () => {
  const result = runCli(dir, ['diff', '--format', 'json', 'old.json', 'new.json']);
  assert.equal(result.status, 1, result.stderr);
  const json = parseJsonOutput(result);
  assert.equal(json.newAccess, true);
  assert.equal(json.complete, true);
  assert.deepEqual(json.removed, []);
  const [witness] = json.added;
  assert.equal(witness.action, 's3:PutObject');
  assert.match(witness.resource, /^arn:aws:s3:::reports\//);
  assert.equal(witness.accessLevel, 'Write');
  assert.equal(witness.statement.path, 'new.json');
  assert.equal(witness.statement.sid, 'Write');
  const lines = fs.readFileSync(path.join(dir, 'new.json'), 'utf8').split('\n');
  assert.match(lines[witness.statement.range.start.line]!, /\{/);
  assert.match(lines[witness.statement.range.start.line + 1]!, /"Sid": "Write"/);

  const text = runCli(dir, ['diff', 'old.json', 'new.json']);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /adds Write to Amazon S3: s3:PutObject on arn:aws:s3:::reports\//);
});

test('diff: no new access is exit 0; what the new version drops is listed as removed', () => {
  const result = runCli(dir, ['diff', '--format', 'json', 'new.json', 'old.json']);
  assert.equal(result.status, 0, result.stderr);
  const json = parseJsonOutput(result);
  assert.equal(json.newAccess, false);
  assert.deepEqual(json.added, []);
  assert.equal(json.removed[0].action, 's3:PutObject');
  assert.equal(json.removed[0].statement.path, 'new.json');
  const text = runCli(dir, ['diff', 'old.json', 'old.json']);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /No new access/);
});

test('diff: an AWS managed policy on either side', () => {
  const more = runCli(dir, ['diff', '--format', 'json', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'new.json']);
  assert.equal(more.status, 1, more.stderr);
  assert.ok(parseJsonOutput(more).added.some((witness: { action: string }) => witness.action === 's3:PutObject'));
  const less = runCli(dir, ['diff', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'old.json']);
  assert.equal(less.status, 0, less.stdout);
  const admin = runCli(dir, ['diff', '--format', 'json', 'new.json', 'arn:aws:iam::aws:policy/AdministratorAccess']);
  assert.equal(admin.status, 1);
  const json = parseJsonOutput(admin);
  assert.ok(json.added.length > 100);
  assert.equal(json.added[0].statement.path, 'arn:aws:iam::aws:policy/AdministratorAccess');
});

test('diff: bad input on either side is exit 2, never "no new access"', () => {
  for (const [args, message] of [
    [['diff', 'old.json', 'broken.json'], /broken\.json: not valid JSON/],
    [['diff', 'broken.json', 'old.json'], /broken\.json: not valid JSON/],
    [['diff', 'old.json', 'missing.json'], /missing\.json: no such file/],
    [['diff', 'old.json'], /diff needs OLD and NEW/],
    [['diff', 'old.json', 'arn:aws:iam::aws:policy/NoSuchPolicy'], /not an AWS managed policy/],
    [['diff', '--max-requests', 'lots', 'old.json', 'new.json'], /--max-requests takes a positive whole number/],
    [['diff', '--git', '--upload-pack=evil', 'new.json'], /is not a revision/],
  ] as const) {
    const result = runCli(dir, [...args]);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}`);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  }
});

test('diff --type: an SCP that stops denying adds access; auto reads a plain file as an identity policy; a bad type is exit 2', () => {
  const scp = runCli(dir, ['diff', '--type', 'scp', '--format', 'json', 'scp-old.json', 'scp-new.json']);
  assert.equal(scp.status, 1, scp.stderr);
  const json = parseJsonOutput(scp);
  assert.deepEqual(json.policies.map((policy: { type: string }) => policy.type), ['scp']);
  assert.ok(json.added.some((witness: { action: string }) => witness.action === 'organizations:LeaveOrganization'), JSON.stringify(json.added.map((w: { action: string }) => w.action)));
  assert.equal(runCli(dir, ['diff', '--type', 'scp', 'scp-new.json', 'scp-old.json']).status, 0, 'adding the guard rail adds no access');
  const auto = parseJsonOutput(runCli(dir, ['diff', '--type', 'auto', '--format', 'json', 'old.json', 'new.json']));
  assert.deepEqual(auto.policies.map((policy: { type: string }) => policy.type), ['identity']);
  const bad = runCli(dir, ['diff', '--type', 'bucket', 'old.json', 'new.json']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--type/);
});

test('diff: a space beyond --max-requests says it could not finish and exits 2', () => {
  const result = runCli(dir, ['diff', '--max-requests', '50', '--format', 'json', 'many-keys.json', 'fewer-actions.json']);
  assert.equal(result.status, 2);
  const json = parseJsonOutput(result);
  assert.equal(json.complete, false);
  assert.equal(json.newAccess, false);
  assert.equal(json.policies[0].checked, 50);
  assert.match(result.stderr, /could not finish/);
  const text = runCli(dir, ['diff', '--max-requests', '50', 'many-keys.json', 'fewer-actions.json']);
  assert.match(text.stdout, /Could not finish within 50 requests: 50 of \d+ checked/);
  assert.doesNotMatch(text.stdout, /^ *No new access/m);
  assert.equal(runCli(dir, ['diff', 'many-keys.json', 'fewer-actions.json']).status, 0, 'with the default bound it finishes');
});

test('diff --git compares files and template policies with their content at a revision', () => {
  const repo = tempFolder({ 'policies/app.json': READ, 'template.yaml': template(['sqs:SendMessage']), 'notes.json': { hello: 'world' } });
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    assert.equal(runCli(repo.dir, ['diff', '--git', 'HEAD', 'policies', 'template.yaml']).status, 0, 'nothing changed yet');

    fs.writeFileSync(path.join(repo.dir, 'policies', 'app.json'), JSON.stringify(WRITE, null, 2));
    fs.writeFileSync(path.join(repo.dir, 'template.yaml'), template(['sqs:SendMessage', 'sqs:DeleteQueue']));
    fs.writeFileSync(path.join(repo.dir, 'policies', 'added.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }));
    const result = runCli(path.join(repo.dir, 'policies'), ['diff', '--git', 'HEAD', '--format', 'json', '.', '../template.yaml']);
    assert.equal(result.status, 1, result.stderr);
    const json = parseJsonOutput(result);
    const actions = json.added.map((witness: { action: string }) => witness.action).sort();
    assert.deepEqual(actions, ['kms:Decrypt', 's3:PutObject', 'sqs:DeleteQueue']);
    const template_ = json.policies.filter((policy: { name: string }) => policy.name.startsWith('../template.yaml'));
    assert.deepEqual(template_.map((policy: { type: string; newAccess: boolean }) => `${policy.type} ${policy.newAccess}`).sort(), ['identity true', 'trust false']);

    const bad = runCli(repo.dir, ['diff', '--git', 'no-such-branch', 'policies/app.json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--git no-such-branch: policies\/app\.json:/);
  } finally {
    repo.cleanup();
  }
});
