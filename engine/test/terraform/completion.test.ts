import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { complete, parsePolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// Completion in Terraform, one row per place the issue names: statement block arguments, effect,
// actions, resources, principals type and identifiers, condition test / variable / values, and the
// same inside jsonencode objects. `|` marks the cursor.

before(loadTestHcl);
const catalog = fixtureCatalog();

interface Case {
  readonly name: string;
  readonly text: string;
  readonly includes: readonly string[];
  readonly excludes?: readonly string[];
  /** The text the replacement span covers. */
  readonly replaces: string;
}

const document = (statement: string, use = '') => `data "aws_iam_policy_document" "d" {\n  statement {\n${statement}\n  }\n}\n${use}`;
const TRUST_USE = 'resource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.d.json\n}\n';
const BUCKET_USE = 'resource "aws_s3_bucket_policy" "b" {\n  bucket = "reports"\n  policy = data.aws_iam_policy_document.d.json\n}\n';
const jsonencoded = (statement: string) =>
  `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n${statement}\n    }]\n  })\n}\n`;

const CASES: readonly Case[] = [
  { name: 'statement block arguments on an empty line', text: document('    actions = ["s3:GetObject"]\n    |'), includes: ['effect', 'resources', 'condition', 'sid'], excludes: ['actions'], replaces: '' },
  { name: 'effect', text: document('    effect = "|"\n    actions = ["s3:GetObject"]'), includes: ['Allow', 'Deny'], replaces: '' },
  { name: 'actions: service prefixes', text: document('    actions = ["s|"]'), includes: ['s3', 'sts'], replaces: 's' },
  { name: 'actions: names after the colon', text: document('    actions = ["s3:Get|"]'), includes: ['s3:GetObject'], excludes: ['iam:PassRole'], replaces: 's3:Get' },
  { name: 'not_actions', text: document('    not_actions = ["iam:Pas|"]'), includes: ['iam:PassRole'], replaces: 'iam:Pas' },
  { name: 'actions: a new item in an empty list', text: document('    actions = [|]'), includes: ['s3', 'iam'], replaces: '' },
  { name: 'resources: ARNs for the statement\'s actions', text: document('    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::|"]'), includes: ['${BucketName}/${ObjectName}'], replaces: '' },
  {
    name: 'principals type',
    text: document('    actions = ["s3:GetObject"]\n    principals {\n      type        = "|"\n      identifiers = ["*"]\n    }', BUCKET_USE),
    includes: ['AWS', 'Service'],
    replaces: '',
  },
  {
    name: 'principals identifiers of type Service',
    text: document('    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2|"]\n    }', TRUST_USE),
    includes: ['ec2.amazonaws.com'],
    replaces: 'ec2',
  },
  {
    name: 'condition test',
    text: document('    actions = ["s3:GetObject"]\n    condition {\n      test     = "StringEq|"\n      variable = "aws:SourceVpc"\n      values   = ["vpc-1"]\n    }'),
    includes: ['StringEquals', 'StringEqualsIgnoreCase'],
    replaces: 'StringEq',
  },
  {
    name: 'condition variable',
    text: document('    actions = ["s3:GetObject"]\n    condition {\n      test     = "Bool"\n      variable = "aws:Secure|"\n      values   = ["true"]\n    }'),
    includes: ['aws:SecureTransport'],
    replaces: 'aws:Secure',
  },
  {
    name: 'condition values of a boolean key',
    text: document('    actions = ["s3:GetObject"]\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["|"]\n    }'),
    includes: ['true', 'false'],
    replaces: '',
  },
  { name: 'jsonencode: Effect', text: jsonencoded('      Effect = "|"\n      Action = "s3:GetObject"\n      Resource = "*"'), includes: ['Allow', 'Deny'], replaces: '' },
  { name: 'jsonencode: Action', text: jsonencoded('      Effect = "Allow"\n      Action = ["s3:Get|"]\n      Resource = "*"'), includes: ['s3:GetObject'], replaces: 's3:Get' },
  { name: 'jsonencode: Resource', text: jsonencoded('      Effect = "Allow"\n      Action = "s3:GetObject"\n      Resource = "arn:aws:s3:::|"'), includes: ['${BucketName}/${ObjectName}'], replaces: '' },
];

describe('completion in a Terraform file', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const offset = testCase.text.indexOf('|');
      const text = testCase.text.slice(0, offset) + testCase.text.slice(offset + 1);
      const result = complete(parsePolicyFile(text, { fileName: 'main.tf' }), offset, catalog);
      assert.ok(result, 'no completion');
      const labels = result.candidates.map((candidate) => candidate.label);
      for (const label of testCase.includes) assert.ok(labels.includes(label), `${label} not in ${labels.slice(0, 40).join(', ')}`);
      for (const label of testCase.excludes ?? []) assert.ok(!labels.includes(label), `${label} offered`);
      assert.equal(text.slice(result.replace.offset, result.replace.offset + result.replace.length), testCase.replaces);
    });
  }

  it('an ARN candidate with ${...} goes in as a snippet or as $${...}, which HCL reads as text', () => {
    const text = document('    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::"]');
    const offset = text.indexOf('arn:aws:s3:::') + 'arn:aws:s3:::'.length;
    const result = complete(parsePolicyFile(text, { fileName: 'main.tf' }), offset, catalog)!;
    const candidate = result.candidates.find((item) => item.label === '${BucketName}/${ObjectName}');
    assert.ok(candidate, result.candidates.map((item) => item.label).join(', '));
    const insert = candidate.insertText ?? candidate.label;
    assert.ok(candidate.isSnippet ? !insert.includes('${BucketName}') : insert.includes('$${BucketName}'), insert);
  });
});
