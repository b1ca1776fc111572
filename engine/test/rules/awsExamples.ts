import type { RuleCase } from './harness';

/**
 * Example policies of the kinds the IAM, S3, Organizations and STS guides show, written out here:
 * a validator that reports an error on any of them is wrong, not the example.
 */
export const AWS_EXAMPLES: readonly (RuleCase & { readonly name: string })[] = [
  {
    name: 'S3 home folder per user (policy variables)',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListYourObjects', Effect: 'Allow', Action: 's3:ListBucket', Resource: ['arn:aws:s3:::bucket-name'], Condition: { StringLike: { 's3:prefix': ['${aws:username}/*'] } } },
        { Sid: 'ReadWriteYourObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::bucket-name/${aws:username}/*'] },
      ],
    },
  },
  {
    name: 'EC2 start and stop by owner tag',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringEquals: { 'aws:ResourceTag/Owner': '${aws:username}' } } },
        { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
      ],
    },
  },
  {
    name: 'deny everything without MFA',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAllExceptListedIfNoMFA',
          Effect: 'Deny',
          NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    },
  },
  {
    name: 'deny requests from outside an IP range',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] }, Bool: { 'aws:ViaAWSService': 'false' } },
        },
      ],
    },
  },
  {
    name: 'DynamoDB items keyed by the caller',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          Resource: ['arn:aws:dynamodb:*:*:table/MyTable'],
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${www.amazon.com:user_id}'] } },
        },
      ],
    },
  },
  {
    name: 'pass a role to EC2 only',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/EC2-roles-for-XYZ-*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
        { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:AssociateIamInstanceProfile'], Resource: '*' },
      ],
    },
  },
  {
    name: 'role trust for EC2',
    type: 'trust',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  },
  {
    name: 'cross-account trust with an external ID',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } } }],
    },
  },
  {
    name: 'GitHub Actions OIDC trust',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' },
          },
        },
      ],
    },
  },
  {
    name: 'SAML federation trust',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    },
  },
  {
    name: 'S3 bucket policy that requires TLS',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RestrictToTLSRequestsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
  },
  {
    name: 'KMS default key policy',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
    },
  },
  {
    name: 'SCP that denies other Regions',
    type: 'scp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAllOutsideEU',
          Effect: 'Deny',
          NotAction: ['iam:*', 'organizations:*', 'route53:*', 'cloudfront:*', 'sts:*', 'support:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
        },
      ],
    },
  },
  {
    name: 'RCP that keeps S3 to the organization',
    type: 'rcp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnforceOrgIdentities',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'],
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-exampleorg' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
        },
      ],
    },
  },
  {
    name: 'permissions boundary',
    type: 'boundary',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*', 'ec2:*'], Resource: '*' },
        { Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary', Resource: '*' },
      ],
    },
  },
];
