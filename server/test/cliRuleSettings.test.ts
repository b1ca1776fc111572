import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// Rule settings in CI: the nearest .iam-author.json above each file, --config, and --rule.

const BAD = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjct","Resource":"arn:aws:s3:::bucket/*"}]}';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'plain/bad.json': BAD,
    'team/.iam-author.json': '{\n  // unknown actions are caught elsewhere\n  "rules": { "unknown-action": "off" }\n}\n',
    'team/policies/deep/bad.json': BAD,
    'lenient.json': { rules: { IAM102: 'warning' } },
    'broken/.iam-author.json': '{ "rules": { "IAM102": "of", "no-such-rule": "off" } }',
    'broken/bad.json': BAD,
  }));
});

after(() => cleanup());

const codes = (result: ReturnType<typeof runCli>) =>
  parseJsonOutput(result).files.flatMap((file: any) => file.policies.flatMap((policy: any) => policy.findings.map((finding: any) => `${finding.code}:${finding.severity}`)));

test('without a project file, an unknown action is an error and fails the check', () => {
  const result = runCli(dir, ['check', '--format', 'json', 'plain/bad.json']);
  assert.equal(result.status, 1, result.stderr);
  assert.ok(codes(result).includes('IAM102:error'));
});

test('the nearest .iam-author.json above a file turns the rule off', () => {
  const result = runCli(dir, ['check', '--format', 'json', 'team/policies/deep/bad.json']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.ok(!codes(result).some((code: string) => code.startsWith('IAM102')));
});

test('--config applies a given file to every input, and --rule has the last word', () => {
  const lenient = runCli(dir, ['check', '--format', 'json', '--config', 'lenient.json', 'plain/bad.json', 'team/policies/deep/bad.json']);
  assert.equal(lenient.status, 0, lenient.stderr);
  assert.deepEqual(codes(lenient).filter((code: string) => code.startsWith('IAM102')), ['IAM102:warning', 'IAM102:warning']);
  const strict = runCli(dir, ['check', '--format', 'json', '--rule', 'iam102=error', 'team/policies/deep/bad.json']);
  assert.equal(strict.status, 1);
  assert.ok(codes(strict).includes('IAM102:error'));
});

test('the text format shows the configured severity', () => {
  const result = runCli(dir, ['check', '--rule', 'unknown-action=info', 'plain/bad.json']);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /info IAM102 /);
});

test('a project file that cannot be understood stops the check with its problems and exit 2', () => {
  const result = runCli(dir, ['check', 'broken/bad.json']);
  assert.equal(result.status, 2);
  const file = path.join(dir, 'broken', '.iam-author.json');
  assert.ok(result.stderr.includes(`${file}:1:24: The setting for IAM102 must be one of`), result.stderr);
  assert.match(result.stderr, /1:30: Unknown rule "no-such-rule"/);
  assert.equal(result.stdout, '');
});

test('bad --rule values and a missing --config are usage errors', () => {
  for (const args of [['--rule', 'IAM102'], ['--rule', 'IAM102=loud'], ['--rule', 'IAM999=off']]) {
    const result = runCli(dir, ['check', ...args, 'plain/bad.json']);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /--rule/);
  }
  const missing = runCli(dir, ['check', '--config', 'nowhere.json', 'plain/bad.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nowhere\.json: The file cannot be read/);
});
