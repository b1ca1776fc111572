import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { repoRoot } from './lspClient';

// `simulate` with trust policies, roles of a template or authorization-details dump, SCP levels, the
// management account and --explain, and `test` files using them, all run as processes.
// The fixtures: account 111111111111 holds the roles, 222222222222 is a CI account.

const FIXTURES = path.join(repoRoot(), 'server', 'test', 'fixtures', 'roles');
const cli = (...args: string[]) => runCli(FIXTURES, args);
const json = (...args: string[]) => {
  const result = cli('simulate', ...args, '--format', 'json');
  assert.equal(result.status, 0, result.stderr);
  return parseJsonOutput(result);
};
/** The deciding statements' Sids, sorted: their order is not part of the format. */
const sids = (output: any): string[] => output.matchedStatements.map((statement: any) => statement.sid ?? statement.file).sort();
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const DEV = 'arn:aws:iam::111111111111:user/dev';
const TARGET = 'arn:aws:iam::111111111111:role/target';
const STACK = ['--template', 'stack.template.json', '--resource-account', '111111111111'];
const DUMP = ['--template', 'account-authorization.json'];

type Case = [name: string, args: string[], decision: string, sids: string[]];

const TRUST: Case[] = [
  ['account principal, identity allows', ['--trust-policy', 'account-trust.json', '--identity', 'assume-target.json', '--principal', DEV], 'Allow', ['AssumeTarget', 'TrustAccount']],
  ['account principal, no identity policy', ['--trust-policy', 'account-trust.json', '--principal', DEV], 'ImplicitDeny', []],
  ['account principal, identity allows other things only', ['--trust-policy', 'account-trust.json', '--identity', 's3-reader.json', '--principal', DEV], 'ImplicitDeny', []],
  ['account not named by the trust policy', ['--trust-policy', 'account-trust.json', '--identity', 'assume-target.json', '--principal', 'arn:aws:iam::333333333333:user/x'], 'ImplicitDeny', []],
  ['the root user cannot assume roles', ['--trust-policy', 'account-trust.json', '--identity', 'assume-target.json', '--principal', '111111111111'], 'ImplicitDeny', []],
  ['the trusted service principal', ['--trust-policy', 'service-trust.json', '--principal', 'lambda.amazonaws.com'], 'Allow', ['LambdaService']],
  ['another service principal', ['--trust-policy', 'service-trust.json', '--principal', 'ecs-tasks.amazonaws.com'], 'ImplicitDeny', []],
];

for (const [name, args, decision, expected] of TRUST) {
  test(`--trust-policy: ${name} → ${decision}`, () => {
    const output = json(...args, '--action', 'sts:AssumeRole', '--resource', TARGET);
    assert.equal(output.decision, decision);
    assert.deepEqual(sids(output), [...expected].sort());
  });
}

const AS_ROLE: Case[] = [
  ['an inline policy allows, and so does the boundary', ['--role', 'app-role', ...STACK, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::app-data/a'], 'Allow', ['ReadOnlyActionsGroup2', 'ReadWriteData']],
  ['the boundary limits an inline allow', ['--role', 'app-role', ...STACK, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::app-data/a'], 'ImplicitDeny', []],
  ['the boundary limits dynamodb:*', ['--role', 'app-role', ...STACK, '--action', 'dynamodb:DeleteTable', '--resource', '*'], 'ImplicitDeny', []],
  ['within the boundary', ['--role', 'app-role', ...STACK, '--action', 'dynamodb:GetItem', '--resource', '*'], 'Allow', ['ReadOnlyActionsGroup1', 'Tables']],
  ['a managed policy attached by Ref', ['--role', 'app-role', ...STACK, '--action', 'sqs:SendMessage', '--resource', '*'], 'Allow', ['SendToQueue']],
  ['an AWS::IAM::Policy listing the role', ['--role', 'app-role', ...STACK, '--action', 'logs:PutLogEvents', '--resource', '*'], 'Allow', ['WriteLogs']],
  ['the logical ID names the role too', ['--role', 'AppRole', ...STACK, '--action', 'sqs:SendMessage', '--resource', '*'], 'Allow', ['SendToQueue']],
  ['an attached AWS managed policy comes from the shipped data', ['--role', 'app-role', ...STACK, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::elsewhere/a'], 'Allow', ['ReadOnlyActionsGroup2']],
  ['a role without boundary', ['--role', 'TaskRole', ...STACK, '--action', 'ec2:RunInstances', '--resource', '*'], 'Allow', ['All']],
  ['dump: an inline policy', ['--role', 'ci-deployer', ...DUMP, '--action', 'cloudformation:CreateStack', '--resource', '*'], 'Allow', ['Stacks', ADMIN]],
  ['dump: the default version of an attached policy', ['--role', 'ci-deployer', ...DUMP, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::artifacts/a'], 'Allow', ['Artifacts', ADMIN]],
  // The attached policy's older version would allow other/ too; only AdministratorAccess does.
  ['dump: an older version is not in force', ['--role', 'ci-deployer', ...DUMP, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::other/a'], 'Allow', [ADMIN]],
  ['dump: the boundary limits', ['--role', 'ci-deployer', ...DUMP, '--action', 'sqs:SendMessage', '--resource', '*', '--identity', 's3-reader.json'], 'ImplicitDeny', []],
];

for (const [name, args, decision, expected] of AS_ROLE) {
  test(`--role as the role: ${name} → ${decision}`, () => {
    const output = json(...args);
    assert.equal(output.decision, decision);
    assert.deepEqual(sids(output), [...expected].sort());
  });
}

test('--role as the role: the caller is a session of the role, and the notes name the AWS managed policies read from the shipped data', () => {
  const stack = json('--role', 'app-role', ...STACK, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::app-data/a', '--explain');
  assert.equal(stack.explanation.principalKind, 'role-session');
  assert.ok(stack.explanation.notes.some((note: string) => note.includes('4 identity policies and its permissions boundary')), stack.explanation.notes);
  assert.ok(stack.explanation.notes.some((note: string) => note.includes('arn:aws:iam::aws:policy/ReadOnlyAccess')));
  assert.deepEqual([...new Set(stack.explanation.statements.map((statement: any) => statement.policyType))], ['identity', 'boundary'], 'the trust policy takes no part');

  const text = cli('simulate', '--role', 'ci-deployer', ...DUMP, '--action', 'ec2:RunInstances', '--resource', '*');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Decision: ImplicitDeny$/m);
  assert.match(text.stdout, /role session of role ci-deployer in account 111111111111/, 'the ARN comes from the dump');
  assert.match(text.stdout, /AWS managed policies from the shipped data: arn:aws:iam::aws:policy\/AdministratorAccess/);
});

const ASSUME: Case[] = [
  ['dump: CI user with identity allow and external ID', ['--role', 'ci-deployer', ...DUMP, '--principal', 'arn:aws:iam::222222222222:user/ci', '--identity', 'ci-caller.json', '--context', 'sts:ExternalId=ci-7731'], 'Allow', ['AssumeDeployer', 'FromCi']],
  ['dump: wrong external ID', ['--role', 'ci-deployer', ...DUMP, '--principal', 'arn:aws:iam::222222222222:user/ci', '--identity', 'ci-caller.json', '--context', 'sts:ExternalId=guess'], 'ImplicitDeny', []],
  ['dump: cross-account without an identity allow', ['--role', 'ci-deployer', ...DUMP, '--principal', 'arn:aws:iam::222222222222:user/ci', '--context', 'sts:ExternalId=ci-7731'], 'ImplicitDeny', []],
  ['template: own account, identity allows', ['--role', 'app-role', ...STACK, '--principal', DEV, '--identity', 'ci-caller.json'], 'Allow', ['AssumeAppRole', 'TrustOwnAccount']],
  ["template: the role's own policies are not the caller's", ['--role', 'TaskRole', ...STACK, '--principal', DEV], 'ImplicitDeny', []],
  ['template: the trusted service', ['--role', 'TaskRole', ...STACK, '--principal', 'ecs-tasks.amazonaws.com'], 'Allow', ['EcsTasks']],
];

for (const [name, args, decision, expected] of ASSUME) {
  test(`--role with sts:AssumeRole: ${name} → ${decision}`, () => {
    const output = json(...args, '--action', 'sts:AssumeRole', '--explain');
    assert.equal(output.decision, decision);
    assert.deepEqual(sids(output), [...expected].sort());
    const types = new Set(output.explanation.statements.map((statement: any) => statement.policyType));
    assert.ok(types.has('trust') && !types.has('boundary'), `the trust policy, not the role's boundary: ${[...types]}`);
  });
}

test('--role with sts:AssumeRole: the resource is the role ARN, and a missing external ID is reported', () => {
  const output = json('--role', 'ci-deployer', ...DUMP, '--principal', 'arn:aws:iam::222222222222:user/ci', '--identity', 'ci-caller.json', '--action', 'sts:AssumeRole');
  assert.equal(output.decision, 'ImplicitDeny');
  assert.deepEqual(output.missingContextKeys, ['sts:ExternalId']);
  const other = json(...['--role', 'ci-deployer', ...DUMP], '--principal', 'arn:aws:iam::222222222222:user/ci', '--identity', 'ci-caller.json', '--context', 'sts:ExternalId=ci-7731', '--action', 'sts:AssumeRole', '--resource', 'arn:aws:iam::111111111111:role/not-deployer');
  assert.equal(other.decision, 'ImplicitDeny', 'an explicit --resource replaces the role ARN');
});

const SCP_BASE = ['--identity', 's3-reader.json', '--principal', DEV];
const SCP: [name: string, args: string[], action: string, decision: string][] = [
  ['every level allows', ['--scp', 'scp-full.json', '--scp', 'scp-s3.json'], 's3:GetObject', 'Allow'],
  ['one level lacks an allow', ['--scp', 'scp-full.json', '--scp', 'scp-sqs.json'], 's3:GetObject', 'ImplicitDeny'],
  ['comma: either policy of the level may allow (s3)', ['--scp', 'scp-full.json', '--scp', 'scp-s3.json,scp-sqs.json'], 's3:GetObject', 'Allow'],
  ['comma: either policy of the level may allow (sqs)', ['--scp', 'scp-full.json', '--scp', 'scp-s3.json,scp-sqs.json'], 'sqs:SendMessage', 'Allow'],
  ['comma: no policy of the level allows', ['--scp', 'scp-full.json', '--scp', 'scp-s3.json,scp-sqs.json'], 'ec2:DescribeInstances', 'ImplicitDeny'],
  ['separate flags are separate levels', ['--scp', 'scp-s3.json', '--scp', 'scp-sqs.json'], 'sqs:SendMessage', 'ImplicitDeny'],
  ['the management account is exempt', ['--scp', 'scp-full.json', '--scp', 'scp-sqs.json', '--management-account', '111111111111'], 's3:GetObject', 'Allow'],
  ['another management account does not exempt', ['--scp', 'scp-full.json', '--scp', 'scp-sqs.json', '--management-account', '999999999999'], 's3:GetObject', 'ImplicitDeny'],
  ['the exemption does not override the identity policy', ['--scp', 'scp-full.json', '--management-account', '111111111111'], 'ec2:RunInstances', 'ImplicitDeny'],
];

for (const [name, args, action, decision] of SCP) {
  test(`--scp levels: ${name} → ${decision}`, () => {
    const resource = action.startsWith('s3:') ? 'arn:aws:s3:::reports/a' : '*';
    assert.equal(json(...SCP_BASE, ...args, '--action', action, '--resource', resource).decision, decision);
  });
}

test('--rcp limits only the services RCPs govern (the catalogue\'s list): S3 is denied, EC2 is not, and says why', () => {
  const rcp = ['--rcp', 'rcp-deny-all.json'];
  assert.equal(json(...SCP_BASE, ...rcp, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/a').decision, 'ExplicitDeny');
  const ec2 = json(...SCP_BASE, ...rcp, '--action', 'ec2:DescribeInstances', '--resource', '*', '--explain');
  assert.equal(ec2.decision, 'Allow');
  assert.ok(ec2.explanation.notes.some((note: string) => /RCPs do not apply: ec2 is not among the services whose resources RCPs govern/.test(note)), JSON.stringify(ec2.explanation.notes));
  // The same for a pattern question: the identity policy's one EC2 action is allowed.
  const pattern = json(...SCP_BASE, ...rcp, '--action-pattern', 'ec2:Describe*', '--resource', '*');
  assert.equal(pattern.coverage, 'AllowSome');
  assert.equal(pattern.allowed.action, 'ec2:DescribeInstances');
});

test('--scp levels: the explanation names the level that does not allow, and each statement carries its level', () => {
  const output = json(...SCP_BASE, '--scp', 'scp-full.json', '--scp', 'scp-s3.json,scp-sqs.json', '--action', 'ec2:DescribeInstances', '--resource', '*', '--explain');
  assert.match(output.explanation.summary, /level "scp 2 \(scp-s3\.json,scp-sqs\.json\)"/);
  const levels = output.explanation.statements.filter((statement: any) => statement.policyType === 'scp').map((statement: any) => [statement.sid, statement.level]);
  assert.deepEqual(levels, [
    ['FullAWSAccess', 'scp 1 (scp-full.json)'],
    ['S3Only', 'scp 2 (scp-s3.json,scp-sqs.json)'],
    ['SqsOnly', 'scp 2 (scp-s3.json,scp-sqs.json)'],
  ]);
});

test('--explain adds every statement with its match details and range; without it the JSON keeps its three keys', () => {
  const args = ['--identity', 's3-reader.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::reports/a', '--context', 'aws:SourceIp=198.51.100.7'];
  assert.deepEqual(Object.keys(json(...args)), ['decision', 'matchedStatements', 'missingContextKeys']);
  const output = json(...args, '--explain');
  assert.deepEqual(Object.keys(output), ['decision', 'matchedStatements', 'missingContextKeys', 'explanation']);
  assert.equal(output.decision, 'ImplicitDeny');
  assert.deepEqual(Object.keys(output.explanation), ['summary', 'principalKind', 'crossAccount', 'notes', 'statements']);
  const [read, office] = output.explanation.statements;
  assert.deepEqual([read.sid, read.applies, read.action, read.resource], ['ReadObjects', false, 'no-match', 'match']);
  assert.deepEqual([office.sid, office.effect, office.applies, office.action], ['FromOffice', 'Allow', false, 'match']);
  assert.deepEqual(office.conditions, [{ operator: 'IpAddress', key: 'aws:SourceIp', policyValues: ['203.0.113.0/24'], requestValues: ['198.51.100.7'], matched: false }]);
  const lines = fs.readFileSync(path.join(FIXTURES, 's3-reader.json'), 'utf8').split('\n');
  const line = lines.findIndex((each) => each.includes('"FromOffice"'));
  assert.deepEqual(office.range, { start: { line, character: lines[line]!.indexOf('{') }, end: { line, character: lines[line]!.lastIndexOf('}') + 1 } });
});

test('test: trust policies (file and inline), nested SCP levels and managementAccount in *.iamtest.json', () => {
  const result = cli('test', '--format', 'json', 'organization.iamtest.json', 'separate-levels.iamtest.json');
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const actual = parseJsonOutput(result).results.map((each: any) => [each.name, each.actual]);
  assert.deepEqual(actual, [
    ['the second level allows no sts action', 'ImplicitDeny'],
    ['SCPs do not limit the management account', 'Allow'],
    ['an inline trust policy lets the service in', 'Allow'],
    ['one policy of the level allowing s3 is enough', 'Allow'],
    ['the other policy of the level allows sqs', 'Allow'],
    ['no policy of the level allows ec2', 'ImplicitDeny'],
    ['a member account other than the management account stays limited', 'ImplicitDeny'],
    ['each SCP is a level of its own, and the sqs level does not allow s3', 'ImplicitDeny'],
    ['the management account is exempt from every level', 'Allow'],
  ]);
});

const request = { principal: DEV, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a', expect: 'Allow' };
const BAD_SUITES: [name: string, suite: object, message: RegExp][] = [
  ['an empty SCP level', { policies: { identity: ['s3-reader.json'], scp: ['scp-full.json', []] }, tests: [request] }, /scp 2 has no policies/],
  ['a level nested twice', { policies: { identity: ['s3-reader.json'], scp: [[['scp-full.json']]] }, tests: [request] }, /file path or a policy object/],
  ['an account ID written as a number', { policies: { identity: ['s3-reader.json'] }, tests: [{ ...request, managementAccount: 111111111111 }] }, /"managementAccount" must be a string/],
];

for (const [name, suite, message] of BAD_SUITES) {
  test(`test: ${name} is a usage error (exit 2)`, () => {
    const { dir, cleanup } = tempFolder({ 'bad.iamtest.json': suite });
    try {
      for (const file of ['s3-reader.json', 'scp-full.json']) fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
      const result = runCli(dir, ['test', 'bad.iamtest.json']);
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, message);
    } finally {
      cleanup();
    }
  });
}

const ROLE_ARGS = ['--action', 's3:GetObject', '--resource', '*'];
const USAGE: [name: string, args: string[], message: RegExp][] = [
  ['--role without --template', ['--role', 'app-role', ...ROLE_ARGS], /--role and --template go together/],
  ['--template without --role', ['--template', 'stack.template.json', ...ROLE_ARGS], /--role and --template go together/],
  ['an unknown role in a template', ['--role', 'nobody', '--template', 'stack.template.json', ...ROLE_ARGS], /stack\.template\.json: no role "nobody" \(roles: app-role, TaskRole\)/],
  ['an unknown role in a dump', ['--role', 'deployer', '--template', 'account-authorization.json', ...ROLE_ARGS], /no role "deployer" \(roles: ci-deployer\)/],
  ['a file without roles', ['--role', 'app-role', '--template', 'scp-full.json', ...ROLE_ARGS], /no role "app-role" \(the file holds no roles\)/],
  ['a missing template', ['--role', 'app-role', '--template', 'nowhere.json', ...ROLE_ARGS], /nowhere\.json: no such file/],
  ['--role twice', ['--role', 'app-role', '--role', 'TaskRole', '--template', 'stack.template.json', ...ROLE_ARGS], /--role may be given only once/],
  ['assuming a template role of unknown account', ['--role', 'app-role', '--template', 'stack.template.json', '--action', 'sts:AssumeRole', '--principal', DEV], /needs --resource/],
  ['an empty --scp level', ['--identity', 's3-reader.json', '--scp', '', ...ROLE_ARGS], /--scp needs one or more policy files/],
  ['a missing file in a --scp level', ['--identity', 's3-reader.json', '--scp', 'scp-full.json,nowhere.json', ...ROLE_ARGS], /nowhere\.json/],
  ['--management-account without a value', ['--identity', 's3-reader.json', ...ROLE_ARGS, '--management-account'], /--management-account needs a value/],
];

for (const [name, args, message] of USAGE) {
  test(`simulate with ${name} is a usage error (exit 2)`, () => {
    const result = cli('simulate', ...args);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /^iam-author: /);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  });
}

test('a role with no trust policy cannot be assumed, but can still be simulated as', () => {
  const template = { Resources: { Bare: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'bare', ManagedPolicyArns: ['arn:aws:iam::111111111111:policy/elsewhere'] } } } };
  const { dir, cleanup } = tempFolder({ 'bare.json': template });
  try {
    const assume = runCli(dir, ['simulate', '--role', 'bare', '--template', 'bare.json', '--resource-account', '111111111111', '--action', 'sts:AssumeRole', '--principal', DEV]);
    assert.equal(assume.status, 2);
    assert.match(assume.stderr, /role "bare" has no trust policy/);
    // Every policy of this role is outside the file: the answer is a deny that says so, not a usage error.
    const as = runCli(dir, ['simulate', '--role', 'bare', '--template', 'bare.json', '--resource-account', '111111111111', ...ROLE_ARGS]);
    assert.equal(as.status, 0, as.stderr);
    assert.match(as.stdout, /^Decision: ImplicitDeny$/m);
    assert.match(as.stdout, /Not in the file, so not evaluated: arn:aws:iam::111111111111:policy\/elsewhere/);
  } finally {
    cleanup();
  }
});
