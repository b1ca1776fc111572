import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// `iam-author check` as a process on JSON text IAM would refuse: comments and trailing commas fail a
// .json policy or template (exit 1, IAM024) and pass in a .jsonc file.

const TRAILING_COMMA = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" },
  ]
}
`;
const LINE_COMMENT = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" } // nightly job
  ]
}
`;
const TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  /* the reports reader */
  "Resources": {
    "Reader": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": { "PolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }] } }
    }
  }
}
`;

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'comma.json': TRAILING_COMMA,
    'comment.json': LINE_COMMENT,
    'stack.template': TEMPLATE,
    'kept.jsonc': LINE_COMMENT.replace('}\n  ]', '},\n  ]'),
    'project/.iam-author.json': '{\n  // the team turned this off\n  "rules": { "IAM302": "off", },\n}\n',
    'project/comment.jsonc': LINE_COMMENT,
  }));
});

after(() => cleanup());

test('a trailing comma in a .json policy fails check with IAM024 at its line', () => {
  const result = runCli(dir, ['check', 'comma.json']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /^comma\.json:4:90: error IAM024 JSON allows no comma before a closing bracket/m);
});

test('a // comment in a .json policy and a /* */ comment in a JSON template fail check', () => {
  for (const [file, line] of [['comment.json', 4], ['stack.template', 3]] as const) {
    const result = runCli(dir, ['check', '--format', 'json', file]);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    const findings = parseJsonOutput(result).files[0].policies.flatMap((policy: any) => policy.findings);
    assert.deepEqual(findings.filter((finding: any) => finding.code === 'IAM024').map((finding: any) => finding.range.start.line + 1), [line], file);
  }
});

test('a .jsonc policy keeps its comments, and a project file with comments still applies', () => {
  assert.equal(runCli(dir, ['check', 'kept.jsonc']).status, 0);
  const result = runCli(dir, ['check', 'project']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.stderr, '');
});
