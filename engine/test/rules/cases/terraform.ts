import type { RuleCases } from '../harness';

// Rules that only Terraform files can trigger.

const DYNAMIC_OVER_UNKNOWN = `variable "actions" {}
data "aws_iam_policy_document" "x" {
  dynamic "statement" {
    for_each = var.actions
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}`;

const HEREDOC_WITH_INTERPOLATED_STRUCTURE = [
  'variable "resources" {}',
  'resource "aws_iam_policy" "p" {',
  '  policy = <<EOF',
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ${jsonencode(var.resources)}}]}',
  'EOF',
  '}',
].join('\n');

export const TERRAFORM_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM023',
    valid: [
      {
        name: 'a dynamic "statement" over a static list is expanded and checked',
        fileName: 'main.tf',
        type: 'auto',
        policy: `data "aws_iam_policy_document" "x" {
  dynamic "statement" {
    for_each = ["s3:GetObject", "s3:PutObject"]
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}`,
      },
      {
        name: 'an unknown part inside an ARN needs no note',
        fileName: 'main.tf',
        type: 'auto',
        policy: `variable "bucket" {}
data "aws_iam_policy_document" "x" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::\${var.bucket}/*"]
  }
}`,
      },
    ],
    invalid: [
      { name: 'a dynamic "statement" over a variable without a default', fileName: 'main.tf', type: 'auto', policy: DYNAMIC_OVER_UNKNOWN, paths: ['data.aws_iam_policy_document.x'] },
      { name: 'a heredoc policy that is JSON only after interpolation', fileName: 'main.tf', type: 'auto', policy: HEREDOC_WITH_INTERPOLATED_STRUCTURE, paths: ['aws_iam_policy.p.policy'] },
    ],
  },
];
