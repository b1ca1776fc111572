import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempFolder } from './cliRunner';

// Simulation as a role of a Terraform root module (a folder of .tf files), the CLI as a process.

const ROLE_TF = `resource "aws_iam_role" "app" {
  name                 = "app-role"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  permissions_boundary = aws_iam_policy.boundary.arn
  managed_policy_arns  = [aws_iam_policy.queues.arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"]

  inline_policy {
    name   = "logs"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Sid = "Logs", Effect = "Allow", Action = ["logs:PutLogEvents"], Resource = "*" }]
    })
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
`;

const POLICIES_TF = `variable "bucket" {
  default = "reports"
}

variable "account_id" {}

resource "aws_s3_bucket" "reports" {
  bucket = var.bucket
}

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.reports.arn}/*"]
  }
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_iam_policy" "secrets" {
  name   = "secrets"
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Sid": "Secrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:eu-west-1:\${var.account_id}:secret:app/*"}]}
EOF
}

resource "aws_iam_role_policy_attachment" "secrets" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.secrets.arn
}

resource "aws_iam_policy" "queues" {
  name   = "queues"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Queues", Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }] })
}

resource "aws_iam_policy" "boundary" {
  name   = "boundary"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Bound", Effect = "Allow", Action = ["s3:*", "logs:*", "secretsmanager:*"], Resource = "*" }] })
}
`;

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({ 'stack/role.tf': ROLE_TF, 'stack/policies.tf': POLICIES_TF, 'stack/modules/other/main.tf': 'resource "aws_iam_role" "other" {}\n' }));
});

after(() => cleanup());

interface Explained {
  decision: string;
  matchedStatements: { file: string }[];
  explanation: { notes: string[]; statements: { policyLabel: string; sid?: string; action: string; applies: boolean }[] };
}

function simulate(args: string[]): Explained {
  const result = runCli(dir, ['simulate', '--template', 'stack', '--format', 'json', '--explain', ...args]);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Explained;
}

test('every policy of the role applies: inline, aws_iam_role_policy, attachment, managed_policy_arns, boundary', () => {
  const read = simulate(['--role', 'app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q3.csv']);
  assert.equal(read.decision, 'Allow');
  const labels = new Set(read.explanation.statements.map((statement) => statement.policyLabel));
  for (const label of ['data.aws_iam_policy_document.read', 'aws_iam_role.app.inline_policy[0].policy', 'aws_iam_policy.queues.policy', 'aws_iam_policy.secrets.policy', 'aws_iam_policy.boundary.policy']) {
    assert.ok(labels.has(label), `${label} in ${[...labels].join(', ')}`);
  }
  assert.ok(read.explanation.notes.some((note) => note.includes('arn:aws:iam::aws:policy/ReadOnlyAccess')), read.explanation.notes.join('\n'));
});

test('the boundary limits what the role is allowed', () => {
  // sqs:SendMessage is allowed by an attached policy but not within the boundary.
  assert.notEqual(simulate(['--role', 'aws_iam_role.app', '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:eu-west-1:111122223333:q']).decision, 'Allow');
  assert.equal(simulate(['--role', 'app-role', '--action', 'logs:PutLogEvents', '--resource', 'arn:aws:logs:eu-west-1:111122223333:log-group:x:log-stream:y']).decision, 'Allow');
});

test('a resource the provider names from static arguments matches; another bucket does not (only the attached AWS managed policy allows it)', () => {
  const other = simulate(['--role', 'app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::other/q3.csv']);
  const applying = (label: string) => other.explanation.statements.filter((statement) => statement.policyLabel === label && statement.applies).map((statement) => statement.sid);
  assert.deepEqual(applying('data.aws_iam_policy_document.read'), [], 'the Read statement names only the reports bucket');
  // ReadOnlyAccess is attached through managed_policy_arns and read from the shipped data: it allows s3:Get* everywhere.
  assert.equal(other.decision, 'Allow');
  assert.deepEqual(other.matchedStatements.map((statement) => statement.file), ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  assert.ok(other.explanation.notes.some((note) => /AWS managed policies from the shipped data: arn:aws:iam::aws:policy\/ReadOnlyAccess/.test(note)), other.explanation.notes.join('\n'));
});

test('a permissions boundary given as an AWS managed policy ARN limits the Terraform role', () => {
  const bounded = ROLE_TF.replace('permissions_boundary = aws_iam_policy.boundary.arn', 'permissions_boundary = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"');
  const { dir: boundedDir, cleanup: done } = tempFolder({ 'stack/role.tf': bounded, 'stack/policies.tf': POLICIES_TF });
  try {
    const ask = (action: string, resource: string) => {
      const result = runCli(boundedDir, ['simulate', '--template', 'stack', '--format', 'json', '--role', 'app', '--action', action, '--resource', resource]);
      assert.equal(result.status, 0, result.stderr);
      return (JSON.parse(result.stdout) as { decision: string }).decision;
    };
    assert.equal(ask('s3:GetObject', 'arn:aws:s3:::reports/q3.csv'), 'Allow');
    // Allowed by the role's queues policy, outside the AmazonS3ReadOnlyAccess boundary.
    assert.notEqual(ask('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:q'), 'Allow');
  } finally {
    done();
  }
});

test('assuming the role: the trust policy made from an aws_iam_policy_document', () => {
  const assumed = simulate(['--role', 'app', '--action', 'sts:AssumeRole', '--principal', 'ec2.amazonaws.com', '--resource-account', '111122223333']);
  assert.equal(assumed.decision, 'Allow');
});

test('an unknown role lists the roles of the module (not those of its submodules)', () => {
  const result = runCli(dir, ['simulate', '--role', 'nope', '--template', 'stack', '--action', 's3:GetObject']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no role "nope" \(roles: aws_iam_role\.app\)/);
});

test('a decision that depends on an unresolved value says so', () => {
  const result = simulate(['--role', 'app', '--action', 'secretsmanager:GetSecretValue', '--resource', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-AbCdEf']);
  // The account in the statement's ARN is var.account_id, which has no default: it matches as "maybe",
  // so the statement is taken to apply...
  assert.equal(result.decision, 'Allow');
  // ...and the result names the value the decision rests on.
  const dependsOn = (result as unknown as { dependsOn: { unknowns: { source: string; reason: string }[] } }).dependsOn;
  assert.deepEqual(dependsOn.unknowns, [{ source: 'var.account_id', reason: 'a variable without a default' }]);
  assert.ok(result.explanation.notes.some((note) => /depends on values not known before deployment: var\.account_id/.test(note)), result.explanation.notes.join('\n'));
});

test('a decision that rests only on known values depends on nothing', () => {
  const read = simulate(['--role', 'app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q3.csv']);
  assert.equal((read as unknown as { dependsOn?: unknown }).dependsOn, undefined);
});

test('a counted trust document taken with one(...[*].json), as modules write it, is the role\'s trust policy', () => {
  const counted = ROLE_TF.replace('assume_role_policy   = data.aws_iam_policy_document.assume.json', 'assume_role_policy   = one(data.aws_iam_policy_document.assume[*].json)').replace(
    'data "aws_iam_policy_document" "assume" {\n',
    'data "aws_iam_policy_document" "assume" {\n  count = 1\n',
  );
  assert.notEqual(counted, ROLE_TF);
  const { dir: countedDir, cleanup: done } = tempFolder({ 'stack/role.tf': counted, 'stack/policies.tf': POLICIES_TF });
  try {
    const result = runCli(countedDir, ['simulate', '--template', 'stack', '--format', 'json', '--role', 'app', '--action', 'sts:AssumeRole', '--principal', 'ec2.amazonaws.com', '--resource-account', '111122223333']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { decision: string }).decision, 'Allow');
  } finally {
    done();
  }
});
