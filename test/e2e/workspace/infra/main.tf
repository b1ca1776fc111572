variable "bucket" {
  default = "app-reports"
}

data "aws_iam_policy_document" "reports" {
  statement {
    sid       = "ReadReports"
    actions   = ["s3:GetObjekt", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.bucket}", "arn:aws:s3:::${var.bucket}/*"]
  }

  statement {
    sid       = "WriteReports"
    actions   = []
    resources = ["arn:aws:s3:::${var.bucket}/uploads/*"]
  }
}

resource "aws_iam_policy" "reports" {
  name   = "reports"
  policy = data.aws_iam_policy_document.reports.json
}
