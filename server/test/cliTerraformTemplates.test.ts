import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// `iam-author check DIR` over a Terraform module that keeps its policies in templatefile() templates
// (.tftpl, .tpl), as AWS Control Tower Account Factory for Terraform does: each template that is JSON
// as written is checked, with what templatefile() fills in unknown; one that is not JSON until
// rendered (directives between the values, a Helm helper) is passed over, never a syntax error.

let dir: string;
let cleanup: () => void;

const ROLE = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["sts:AssumeRole", "sns:Publish"], "Resource": "arn:\${partition}:iam::\${account_id}:role/Admin" },
    { "Effect": "Allow", "Action": "dynamodb:ListShards", "Resource": "*" }
  ]
}`;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'module/main.tf': 'resource "aws_iam_role_policy" "p" {\n  role   = "app"\n  policy = templatefile("${path.module}/iam/role.tftpl", { partition = "aws", account_id = "111122223333" })\n}\n',
    'module/iam/role.tftpl': ROLE,
    'module/iam/trust.tpl': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"${principal_type}":"${principal}"},"Action":"sts:AssumeRole"}]}',
    'module/iam/optional.tpl': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}\n%{ if extra }\n,{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}\n%{ endif }\n]}',
    'module/iam/broken.tpl': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject" "s3:PutObject"],"Resource":"arn:aws:s3:::${bucket}/*"}]}',
    'chart/templates/_helpers.tpl': '{{- define "app.name" -}}\n{{ .Chart.Name }}\n{{- end }}\n',
  }));
});

after(() => cleanup());

const posix = (file: string) => file.split(path.sep).join('/');

test('check DIR reads the templates that are JSON, passes over the rest, and exits from the findings', () => {
  const result = runCli(dir, ['check', '--format', 'json', '.']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const output = parseJsonOutput(result);
  const findings = output.files.flatMap((file: any) => [...(file.findings ?? []), ...file.policies.flatMap((policy: any) => policy.findings)].map((finding: any) => `${posix(file.file)} ${finding.severity} ${finding.code} ${finding.path}`));
  const serious = findings.filter((line: string) => / (error|warning) /.test(line)).sort();
  assert.deepEqual(serious, [
    'module/iam/broken.tpl error IAM001 ',
    'module/iam/role.tftpl error IAM102 Statement[1].Action',
    'module/iam/role.tftpl warning IAM109 Statement[0].Action[1]',
  ]);
  const passed = output.passedOver.filter((entry: any) => entry.reason === 'template not JSON until rendered').map((entry: any) => posix(entry.file)).sort();
  assert.deepEqual(passed, ['chart/templates/_helpers.tpl', 'module/iam/optional.tpl']);
  const trust = output.files.find((file: any) => posix(file.file) === 'module/iam/trust.tpl');
  assert.deepEqual(trust.policies.map((policy: any) => policy.type), ['trust']);
  assert.match(runCli(dir, ['check', '.']).stdout, /2 templates not JSON until rendered/);
});

test('a template that is not JSON until rendered, named on the command line, is an input error that says so', () => {
  const result = runCli(dir, ['check', 'module/iam/optional.tpl']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /optional\.tpl: is a template that is not JSON until rendered/);
});
