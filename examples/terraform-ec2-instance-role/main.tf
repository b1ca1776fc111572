# The EC2 instance role of ../ec2-instance-role, written in Terraform: a role, its instance profile
# and a managed policy attached to it. `npx iam-author check examples/terraform-ec2-instance-role`
# checks it; `npx iam-author simulate --role app --template examples/terraform-ec2-instance-role
# --action s3:GetObject --resource arn:aws:s3:::example-releases/app.tar.gz` simulates as the role.

variable "region" {
  default = "eu-west-1"
}

variable "account_id" {
  description = "The account the role lives in (no default: known when Terraform runs)."
}

locals {
  app_prefix = "/app"
}

resource "aws_s3_bucket" "releases" {
  bucket = "example-releases"
}

data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "AllowEc2ToAssumeThisRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "ReadAppConfig"
    actions   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
    resources = ["arn:aws:ssm:${var.region}:${var.account_id}:parameter${local.app_prefix}/*"]
  }

  statement {
    sid       = "ReadReleaseArtifacts"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.releases.arn, "${aws_s3_bucket.releases.arn}/*"]
  }

  statement {
    sid       = "ShipLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:${local.app_prefix}/web:*"]
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}
