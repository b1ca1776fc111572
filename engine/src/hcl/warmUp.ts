import type { Catalog } from '../catalog/catalog';
import { parsePolicyFile } from '../document/policyFile';
import { forgetLoweredDocuments } from '../resolve/terraform/locateTerraform';
import { lintDocument } from '../rules/lintDocument';
import { forgetPreviousParse } from './parseHcl';
import { hclParserReady } from './runtime';

/**
 * A small configuration that goes through every part of reading Terraform: variables, locals, a
 * resource attribute, a policy document with principals, conditions and templates, jsonencode, a
 * heredoc and a document used as a trust policy.
 */
export const WARM_UP_SNIPPET = `variable "bucket" {
  default = "warm-up"
}

locals {
  prefix = "warm"
}

resource "aws_s3_bucket" "b" {
  bucket = "\${local.prefix}-\${var.bucket}"
}

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "Read"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
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

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_iam_policy" "write" {
  name = "write"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = "arn:aws:s3:::\${var.bucket}/*"
    }]
  })
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/111122223333/q"
  policy    = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "*" }]
}
EOF
}
`;

/**
 * Reads and lints the snippet above once, then forgets what the reader keeps for the next parse, so
 * that the next document is read exactly as if this had not run. A server that loads the HCL parser
 * in the background calls this while idle: the first parse through the WebAssembly parser and the
 * first run of the Terraform reader, resolver and rules over it cost several times a later one
 * (lazy compilation, baseline code), and would otherwise fall on the user's first Terraform document.
 * Returns false when the parser is not loaded (nothing is done then).
 */
export function warmUpTerraform(catalog: Catalog): boolean {
  if (!hclParserReady()) return false;
  try {
    const file = parsePolicyFile(WARM_UP_SNIPPET, { fileName: 'warm-up.tf' });
    lintDocument(file, catalog, { remember: false });
  } finally {
    forgetPreviousParse();
    forgetLoweredDocuments();
  }
  return true;
}
