import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { formatPath, lintDocument, parsePolicyFile, plainValue, renderValue, type PolicyFile, type ValueNode } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// `*.tf.json` is Terraform's JSON syntax for the same configuration: it must give the policies the
// HCL form gives, with spans on the JSON text.

before(loadTestHcl);
const catalog = fixtureCatalog();

const HCL = `variable "bucket" {
  default = "reports"
}

variable "account_id" {}

locals {
  reader_actions = ["s3:GetObject", "s3:ListBucket"]
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

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "Read"
    actions   = local.reader_actions
    resources = ["arn:aws:s3:::\${var.bucket}", "arn:aws:s3:::\${var.bucket}/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceAccount"
      values   = [var.account_id]
    }
  }
  dynamic "statement" {
    for_each = ["s3:PutObject", "s3:ListBucket"]
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_s3_bucket_policy" "b" {
  bucket = "reports"
  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"s3:*\\", \\"Resource\\": \\"arn:aws:s3:::reports/*\\", \\"Condition\\": {\\"Bool\\": {\\"aws:SecureTransport\\": \\"false\\"}}}]}"
}
`;

const TF = () => (
  {
    '//': 'generated',
    variable: { bucket: { default: 'reports' }, account_id: {} },
    locals: { reader_actions: ['s3:GetObject', 's3:ListBucket'] },
    data: {
      aws_iam_policy_document: {
        assume: { statement: { actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }] } },
        read: {
          statement: [
            {
              sid: 'Read',
              actions: '${local.reader_actions}',
              resources: ['arn:aws:s3:::${var.bucket}', 'arn:aws:s3:::${var.bucket}/*'],
              condition: [{ test: 'StringEquals', variable: 'aws:ResourceAccount', values: ['${var.account_id}'] }],
            },
          ],
          dynamic: { statement: { for_each: ['s3:PutObject', 's3:ListBucket'], content: { actions: ['${statement.value}'], resources: ['*'] } } },
        },
      },
    },
    resource: [
      {
        aws_iam_role: { app: { name: 'app', assume_role_policy: '${data.aws_iam_policy_document.assume.json}' } },
        aws_iam_role_policy: { read: { role: '${aws_iam_role.app.id}', policy: '${data.aws_iam_policy_document.read.json}' } },
      },
      {
        aws_s3_bucket_policy: {
          b: {
            bucket: 'reports',
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
            }),
          },
        },
      },
    ],
  }
);
const TF_JSON = JSON.stringify(TF(), null, 2);

function shown(node: ValueNode): unknown {
  if (node.kind === 'string') return renderValue(node);
  if (node.kind === 'array') return node.items.map(shown);
  if (node.kind === 'object') return Object.fromEntries(node.properties.map((property) => [property.key, property.value ? shown(property.value) : undefined]));
  return plainValue(node);
}

function byAddress(file: PolicyFile): Record<string, { type: string; policy: unknown }> {
  return Object.fromEntries(file.policies.map((policy) => [formatPath(policy.path), { type: policy.type, policy: shown(policy.node) }]));
}

describe('*.tf.json', () => {
  it('gives the policies, types and resolved values the HCL form gives', () => {
    const fromHcl = byAddress(parsePolicyFile(HCL, { fileName: 'main.tf' }));
    const fromJson = byAddress(parsePolicyFile(TF_JSON, { fileName: 'main.tf.json' }));
    assert.deepEqual(Object.keys(fromJson).sort(), ['aws_s3_bucket_policy.b.policy', 'data.aws_iam_policy_document.assume', 'data.aws_iam_policy_document.read']);
    assert.deepEqual(fromJson, fromHcl);
    assert.equal(fromJson['data.aws_iam_policy_document.assume']!.type, 'trust');
    assert.equal(fromJson['aws_s3_bucket_policy.b.policy']!.type, 'resource');
    // The static list of the dynamic block was expanded; the variable without a default stays unknown.
    const read = fromJson['data.aws_iam_policy_document.read']!.policy as { Statement: { Action: unknown; Condition?: unknown }[] };
    assert.deepEqual(read.Statement.map((statement) => statement.Action), [['s3:GetObject', 's3:ListBucket'], ['s3:PutObject'], ['s3:ListBucket']]);
    assert.deepEqual(read.Statement[0]!.Condition, { StringEquals: { 'aws:ResourceAccount': ['${var.account_id}'] } });
  });

  it('a finding points at the JSON string it is about, with an IAM path, and its fix replaces that string', () => {
    const text = TF_JSON.replace('"sts:AssumeRole"', '"sts:AssumeRol"');
    const file = parsePolicyFile(text, { fileName: 'main.tf.json' });
    const findings = lintDocument(file, catalog).filter((finding) => finding.severity === 'error');
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.path.join('.'), text.slice(finding.span.offset, finding.span.offset + finding.span.length)]),
      [
        ['IAM016', 'data.aws_iam_policy_document.assume.Statement.0.Action.0', '"sts:AssumeRol"'],
        ['IAM102', 'data.aws_iam_policy_document.assume.Statement.0.Action.0', '"sts:AssumeRol"'],
      ],
    );
    const fix = findings.find((finding) => finding.ruleId === 'IAM102')?.fixes?.[0];
    assert.equal(fix?.replacement, '"sts:AssumeRole"');
  });

  it('an unknown value is no finding, and a dynamic block over an unknown is noted once', () => {
    const config = TF();
    config.data.aws_iam_policy_document.read.dynamic.statement.for_each = '${var.account_id}' as unknown as string[];
    const text = JSON.stringify(config, null, 2);
    const findings = lintDocument(parsePolicyFile(text, { fileName: 'main.tf.json' }), catalog);
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => finding.ruleId), []);
    assert.equal(findings.filter((finding) => finding.ruleId === 'IAM023').length, 1);
  });

  it('an interpolation with escaped quotes inside is unknown, not guessed at', () => {
    const text = JSON.stringify({ resource: { aws_iam_policy: { p: { policy: '${jsonencode({"Version" = "2012-10-17", "Statement" = []})}' } } } });
    const file = parsePolicyFile(text, { fileName: 'p.tf.json' });
    assert.deepEqual(lintDocument(file, catalog).filter((finding) => finding.severity === 'error'), []);
  });

  it('JSON that does not parse, or is not Terraform, gives syntax problems or nothing', () => {
    assert.ok(parsePolicyFile('{"resource": {', { fileName: 'x.tf.json' }).syntaxProblems.length > 0);
    for (const text of ['[]', '"x"', '{"resource": 3}', '{"resource": {"aws_iam_role": []}}', '{"data": {"aws_iam_policy_document": {"d": {"statement": 7}}}}']) {
      assert.doesNotThrow(() => lintDocument(parsePolicyFile(text, { fileName: 'x.tf.json' }), catalog), text);
    }
  });
});
