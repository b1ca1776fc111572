/**
 * Realistic documents for the fuzzer to mutate: each shape the locator understands and each element
 * the rules, completion, hover and evaluation look at. Mutations start from these so that most
 * cases stay close to something a person would really type.
 */

export interface CorpusEntry {
  readonly name: string;
  readonly fileName: string;
  readonly text: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

const identity = json({
  Version: '2012-10-17',
  Id: 'Workload',
  Statement: [
    { Sid: 'ReadOwnPrefix', Effect: 'Allow', Action: ['s3:GetObject', 's3:List*', 's3:Get*Tagging'], Resource: ['arn:aws:s3:::data-${aws:username}/*', 'arn:aws:s3:::data-${aws:username}'] },
    {
      Sid: 'Instances',
      Effect: 'Allow',
      Action: 'ec2:*Instances',
      Resource: 'arn:aws:ec2:*:111122223333:instance/*',
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'], 'ec2:ResourceTag/team': '${aws:PrincipalTag/team}' },
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
        DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
        BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' },
      },
    },
    {
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:GetCallerIdentity'],
      NotResource: 'arn:aws:iam::*:role/admin-?',
      Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['secret*'] }, Null: { 'aws:ResourceTag/owner': 'true' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Break*' } },
    },
    { Sid: 'Keys', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['app'] }, StringEqualsIgnoreCase: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } },
    { Sid: 'Lambda', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:api-*:*' },
    { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
  ],
});

const trust = json({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' },
    { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::444455556666:root', '777788889999'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'sts:ExternalId': 'x-1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*:ref:refs/heads/main' } },
    },
    { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
  ],
});

const bucket = json({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
    { Sid: 'TLS', Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    { Sid: 'Org', Effect: 'Allow', Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/uploads/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } },
  ],
});

const scp = json({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Regions', Effect: 'Deny', NotAction: ['iam:*', 'organizations:*', 'support:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } },
    { Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' },
  ],
});

const keyPolicy = json({
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'Grants', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: ['kms:CreateGrant', 'kms:ListGrants'], Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } },
  ],
});

const cloudFormation = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    AppRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [
          {
            PolicyName: 'inline',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: { 'Fn::GetAtt': ['Table', 'Arn'] } },
                { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:queue' } },
                { Effect: 'Allow', Action: 'logs:*', Resource: { Ref: 'LogGroupArn' } },
              ],
            },
          },
        ],
      },
    },
    BucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'Bucket' },
        PolicyDocument: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] }, Condition: { Bool: { 'aws:SecureTransport': false } } }] },
      },
    },
    Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' } } } },
  },
});

const authorizationDetails = json({
  UserDetailList: [
    {
      UserName: 'alice',
      Arn: 'arn:aws:iam::111122223333:user/alice',
      UserPolicyList: [{ PolicyName: 'AliceInline', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] } }],
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Boundary' },
    },
  ],
  GroupDetailList: [{ GroupName: 'devs', GroupPolicyList: [{ PolicyName: 'Devs', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] } }] }],
  RoleDetailList: [
    {
      RoleName: 'deployer',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] },
      RolePolicyList: [{ PolicyName: 'Deploy', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] } }],
    },
  ],
  Policies: [
    { PolicyName: 'Boundary', Arn: 'arn:aws:iam::111122223333:policy/Boundary', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }] } }] },
  ],
});

const getRole = json({
  Role: {
    RoleName: 'app',
    Arn: 'arn:aws:iam::111122223333:role/app',
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  },
});

// Comments, trailing commas and a lone statement object: what people write by hand in JSONC.
const handWritten = `// deploy bucket access
{
  "Version": "2012-10-17",
  /* one statement, not a list */
  "Statement": {
    "Effect": "Allow",
    "Action": ["s3:PutObject", "s3:PutObjectAcl",],
    "Resource": "arn:aws:s3:::deploy/\${aws:userid}/*",
  },
}
`;

/** What `aws s3api get-bucket-policy` prints: the policy as a JSON string. */
const bucketPolicyOutput = json({ Policy: bucket.replace(/\s*\n\s*/g, '') });

/** `terraform show -json` of a plan: policies as strings in resource attributes. */
const terraformPlan = json({
  format_version: '1.2',
  resource_changes: [
    { address: 'aws_iam_role.app', type: 'aws_iam_role', change: { after: { assume_role_policy: trust, inline_policy: [{ name: 'app', policy: identity }] } } },
    { address: 'aws_organizations_policy.guard', type: 'aws_organizations_policy', change: { after: { type: 'SERVICE_CONTROL_POLICY', content: scp } } },
  ],
});

/** A CloudFormation template in YAML, with short intrinsic tags. */
const yamlTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: [lambda.amazonaws.com] }
            Action: sts:AssumeRole
            Condition: { StringEquals: { "aws:SourceAccount": !Ref "AWS::AccountId" } }
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: Read
                Effect: Allow
                Action: [s3:GetObject, "s3:List*"]
                Resource:
                  - !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
                  - !GetAtt Bucket.Arn
              - Effect: Deny
                NotAction: iam:*
                Resource: "*"
                Condition:
                  Bool: { aws:SecureTransport: false }
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: !Join ["", [!GetAtt Bucket.Arn, "/*"]]
`;

/** The same kind of module in Terraform's JSON syntax (`*.tf.json`): blocks as objects and arrays, references in strings. */
const terraformJson = json({
  variable: { bucket: { default: 'reports' }, account_id: {} },
  locals: { readers: ['s3:GetObject', 's3:ListBucket'] },
  data: {
    aws_iam_policy_document: {
      assume: { statement: { actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }] } },
      read: {
        statement: [
          { sid: 'Read', actions: '${local.readers}', resources: ['arn:aws:s3:::${var.bucket}', 'arn:aws:s3:::${var.bucket}/*'], condition: [{ test: 'StringEquals', variable: 'aws:ResourceAccount', values: ['${var.account_id}'] }] },
        ],
        dynamic: { statement: { for_each: ['s3:PutObject'], content: { actions: ['${statement.value}'], resources: ['arn:aws:s3:::${var.bucket}/in/*'] } } },
      },
    },
  },
  resource: {
    aws_iam_role: { app: { name: 'app', assume_role_policy: '${data.aws_iam_policy_document.assume.json}' } },
    aws_iam_role_policy: { read: { role: '${aws_iam_role.app.id}', policy: '${data.aws_iam_policy_document.read.json}' } },
    aws_sqs_queue_policy: { q: { queue_url: 'https://sqs.eu-west-1.amazonaws.com/111122223333/q', policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"}]}' } },
  },
});

/** A Terraform root module: documents with merges and a dynamic block, jsonencode, a heredoc and references. */
const terraform = [
  'variable "bucket" {',
  '  default = "reports"',
  '}',
  'variable "account" {}',
  'locals {',
  '  prefix = "logs"',
  '}',
  'resource "aws_s3_bucket" "b" {',
  '  bucket = var.bucket',
  '}',
  'data "aws_iam_policy_document" "base" {',
  '  statement {',
  '    sid       = "Read"',
  '    actions   = ["s3:GetObject", "s3:List*"]',
  '    resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/${local.prefix}/*"]',
  '    condition {',
  '      test     = "StringEquals"',
  '      variable = "aws:PrincipalAccount"',
  '      values   = [var.account]',
  '    }',
  '  }',
  '}',
  'data "aws_iam_policy_document" "app" {',
  '  source_policy_documents = [data.aws_iam_policy_document.base.json]',
  '  statement {',
  '    effect      = "Deny"',
  '    not_actions = ["iam:*"]',
  '    resources   = ["*"]',
  '  }',
  '  dynamic "statement" {',
  '    for_each = ["sqs:SendMessage", "sns:Publish"]',
  '    content {',
  '      actions   = [statement.value]',
  '      resources = ["*"]',
  '    }',
  '  }',
  '}',
  'data "aws_iam_policy_document" "assume" {',
  '  statement {',
  '    actions = ["sts:AssumeRole"]',
  '    principals {',
  '      type        = "Service"',
  '      identifiers = ["ec2.amazonaws.com"]',
  '    }',
  '  }',
  '}',
  'resource "aws_iam_role" "app" {',
  '  name               = "app"',
  '  assume_role_policy = data.aws_iam_policy_document.assume.json',
  '  inline_policy {',
  '    name   = "extra"',
  '    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "*" }] })',
  '  }',
  '}',
  'resource "aws_s3_bucket_policy" "b" {',
  '  bucket = aws_s3_bucket.b.id',
  '  policy = <<-EOF',
  '    {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",',
  '     "Resource": "arn:aws:s3:::${var.bucket}/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}',
  '  EOF',
  '}',
  '',
].join('\n');

export const CORPUS: readonly CorpusEntry[] = [
  { name: 'identity', fileName: 'workload.json', text: identity },
  { name: 'trust', fileName: 'trust-policy.json', text: trust },
  { name: 'bucket', fileName: 'bucket-policy.json', text: bucket },
  { name: 'scp', fileName: 'guardrails.scp.json', text: scp },
  { name: 'key', fileName: 'key-policy.json', text: keyPolicy },
  { name: 'cloudformation', fileName: 'template.json', text: cloudFormation },
  { name: 'authorization-details', fileName: 'account.json', text: authorizationDetails },
  { name: 'get-role', fileName: 'role.json', text: getRole },
  { name: 'hand-written', fileName: 'deploy.jsonc', text: handWritten },
  { name: 'get-bucket-policy', fileName: 'bucket-policy-output.json', text: bucketPolicyOutput },
  { name: 'terraform-plan', fileName: 'plan.json', text: terraformPlan },
  { name: 'cloudformation-yaml', fileName: 'stack.yaml', text: yamlTemplate },
  { name: 'terraform', fileName: 'main.tf', text: terraform },
  { name: 'terraform-json', fileName: 'main.tf.json', text: terraformJson },
];
