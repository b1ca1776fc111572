import { allow, deny, policy, trust, type RuleCases } from '../harness';

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const web = (condition?: object) =>
  policy(trust({ Federated: GITHUB }, { Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }));

export const SECURITY_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM301',
    valid: [{ policy: policy(deny({ Action: undefined, NotAction: 's3:GetObject' })) }],
    invalid: [{ policy: policy(allow({ Action: undefined, NotAction: 'iam:*' })), paths: ['Statement[0].NotAction'] }],
  },
  {
    rule: 'IAM302',
    valid: [{ policy: policy(deny({ Resource: undefined, NotResource: 'arn:aws:s3:::b/*' })) }],
    invalid: [{ policy: policy(allow({ Resource: undefined, NotResource: 'arn:aws:s3:::b/*' })), paths: ['Statement[0].NotResource'] }],
  },
  {
    rule: 'IAM303',
    valid: [{ policy: policy(deny({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })), type: 'resource' }],
    invalid: [{ policy: policy(allow({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })), type: 'resource', paths: ['Statement[0].NotPrincipal'] }],
  },
  {
    rule: 'IAM304',
    valid: [
      { policy: policy(allow({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/AppRole' })) },
      // A resource policy cannot grant IAM actions on roles: a VPC endpoint's default policy.
      { policy: policy(allow({ Principal: '*', Action: '*', Resource: '*' })), type: 'resource' },
      { policy: policy(allow({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } })) },
      // FullAWSAccess: an SCP or a boundary allowing everything grants nothing by itself.
      { policy: policy(allow({ Action: '*', Resource: '*' })), type: 'scp' },
      { policy: policy(allow({ Action: '*', Resource: '*' })), type: 'boundary' },
    ],
    invalid: [
      { policy: policy(allow({ Action: ['s3:GetObject', 'iam:PassRole'], Resource: '*' })), paths: ['Statement[0].Action[1]'] },
      { policy: policy(allow({ Action: 'iam:*', Resource: 'arn:aws:iam::111122223333:role/*' })), paths: ['Statement[0].Action'] },
      { policy: policy(allow({ Action: undefined, NotAction: 's3:*', Resource: '*' })), paths: ['Statement[0].NotAction'] },
    ],
  },
  {
    rule: 'IAM305',
    valid: [
      { policy: policy(allow({ Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticbeanstalk.amazonaws.com' } } })) },
      { policy: policy(allow({ Action: '*', Resource: '*' })), type: 'scp' },
      { policy: policy(allow({ Principal: '*', Action: '*', Resource: '*' })), type: 'resource' },
    ],
    invalid: [{ policy: policy(allow({ Action: 'iam:CreateServiceLinkedRole', Resource: '*' })), paths: ['Statement[0].Action'] }],
  },
  {
    rule: 'IAM306',
    valid: [
      { policy: policy(allow({ Action: ['s3:*', 'iam:Get*'] })) },
      { policy: policy(deny({ Action: '*', Resource: '*' })) },
      { policy: policy(allow({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' })), type: 'resource' },
    ],
    invalid: [
      { policy: policy(allow({ Action: '*', Resource: '*' })), paths: ['Statement[0].Action'] },
      { policy: policy(allow({ Action: ['s3:GetObject', 'iam:*', 'KMS:*'] })), paths: ['Statement[0].Action[1]', 'Statement[0].Action[2]'] },
    ],
  },
  {
    rule: 'IAM307',
    valid: [
      { policy: policy(allow({ Action: 'iam:AttachRolePolicy', Resource: 'arn:aws:iam::111122223333:role/App' })) },
      { policy: policy(allow({ Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' })) },
      // A user's own credentials (the IAM User Guide's "manage your own credentials" policies).
      { policy: policy(allow({ Action: ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'], Resource: 'arn:aws:iam::*:user/${aws:username}' })) },
    ],
    invalid: [
      { policy: policy(allow({ Action: ['iam:AttachRolePolicy', 'iam:GetRole'], Resource: '*' })), paths: ['Statement[0].Action[0]'] },
      // Policies attached to oneself do escalate; another user's keys are that user's access.
      { policy: policy(allow({ Action: ['iam:AttachUserPolicy', 'iam:CreateAccessKey'], Resource: 'arn:aws:iam::*:user/${aws:username}' })), paths: ['Statement[0].Action[0]'] },
      { policy: policy(allow({ Action: 'iam:CreateAccessKey', Resource: ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*'] })), paths: ['Statement[0].Action'] },
      {
        policy: policy(allow({ Action: 'iam:PassRole', Resource: '*' }), allow({ Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' })),
        paths: ['Statement[0].Action'],
      },
      // "*" completes every combination: one finding for them all, beside the one for the single actions.
      { policy: policy(allow({ Action: '*', Resource: '*' })), paths: ['Statement[0].Action', 'Statement[0].Action'] },
    ],
  },
  {
    rule: 'IAM308',
    valid: [{ policy: policy(allow({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/Deploy' })) }],
    invalid: [{ policy: policy(allow({ Action: ['sts:AssumeRole', 'iam:CreateAccessKey'], Resource: '*' })), paths: ['Statement[0].Action[0]', 'Statement[0].Action[1]'] }],
  },
  {
    rule: 'IAM309',
    valid: [
      { policy: policy(allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' })) },
      { name: 'a key policy: "*" is the key itself', policy: policy(allow({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' })), type: 'resource' },
    ],
    invalid: [{ policy: policy(allow({ Action: ['s3:Get*', 'kms:Decrypt'], Resource: '*' })), paths: ['Statement[0].Action[0]', 'Statement[0].Action[1]'] }],
  },
  {
    rule: 'IAM310',
    valid: [{ policy: policy(trust({ AWS: 'arn:aws:iam::111122223333:root' })), type: 'trust' }],
    invalid: [
      { policy: policy(trust('*')), type: 'trust', paths: ['Statement[0].Principal'] },
      { policy: policy(trust({ AWS: ['111122223333', '*'] })), type: 'trust', paths: ['Statement[0].Principal.AWS[1]'] },
    ],
  },
  {
    rule: 'IAM311',
    valid: [
      { policy: policy(trust({ Service: 'ec2.amazonaws.com' })), type: 'trust' },
      { policy: policy(trust({ Service: 'config.amazonaws.com' }, { Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } })), type: 'trust' },
    ],
    invalid: [
      { policy: policy(trust({ Service: ['config.amazonaws.com', 'ec2.amazonaws.com'] })), type: 'trust', paths: ['Statement[0].Principal.Service[0]'] },
      { policy: policy(allow({ Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' })), type: 'resource', paths: ['Statement[0].Principal.Service'] },
    ],
  },
  {
    rule: 'IAM312',
    valid: [
      { policy: policy(trust({ AWS: '111122223333' }, { Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } })), type: 'trust' },
      { policy: policy(trust({ AWS: 'arn:aws:iam::111122223333:role/Deployer' })), type: 'trust' },
    ],
    invalid: [{ policy: policy(trust({ AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/R'] })), type: 'trust', paths: ['Statement[0].Principal.AWS[0]'] }],
  },
  {
    rule: 'IAM313',
    valid: [
      { policy: web({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main' } }), type: 'trust' },
      { policy: policy(trust({ Federated: 'arn:aws:iam::111122223333:saml-provider/Corp' }, { Action: 'sts:AssumeRoleWithSAML' })), type: 'trust' },
    ],
    invalid: [
      { policy: web(), type: 'trust', paths: ['Statement[0].Principal.Federated'] },
      { policy: web({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }), type: 'trust', paths: ['Statement[0].Principal.Federated'] },
      {
        policy: policy(trust({ Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC' }, { Action: 'sts:AssumeRoleWithWebIdentity' })),
        type: 'trust',
        paths: ['Statement[0].Principal.Federated'],
      },
    ],
  },
  {
    rule: 'IAM314',
    valid: [{ policy: web({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } }), type: 'trust' }],
    invalid: [
      {
        policy: web({ StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:org/*', 'repo:org/app:ref:refs/heads/main', '*'] } }),
        type: 'trust',
        paths: ['Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][0]', 'Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][2]'],
      },
    ],
  },
  {
    rule: 'IAM315',
    valid: [{ policy: policy(allow({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })), type: 'resource' }],
    invalid: [
      { policy: policy(allow({ Principal: '*' })), type: 'resource', paths: ['Statement[0].Principal'] },
      { policy: policy(allow({ Principal: { AWS: ['*'] } })), type: 'resource', paths: ['Statement[0].Principal.AWS[0]'] },
    ],
  },
  {
    rule: 'IAM316',
    valid: [
      { name: 'Allow with MFA present', policy: policy(allow({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })) },
      { name: 'the recommended Deny', policy: policy(allow(), deny({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })) },
      { name: 'another Bool key false', policy: policy(allow({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) },
    ],
    invalid: [
      { name: 'Bool false in an Allow', policy: policy(allow({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })), paths: ['Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"]'] },
      { name: 'BoolIfExists false, as a JSON boolean, in an Allow', policy: policy(allow({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': false } } })), paths: ['Statement[0].Condition.BoolIfExists["aws:MultiFactorAuthPresent"]'] },
      {
        name: 'in a trust policy',
        type: 'trust',
        policy: policy(trust({ AWS: 'arn:aws:iam::111122223333:root' }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } } })),
        paths: ['Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"][0]'],
      },
    ],
  },
  {
    rule: 'IAM317',
    valid: [
      { name: 'a named bucket', policy: policy(allow({ Resource: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::*-logs/*'] })) },
      { name: 'a resource type named', policy: policy(allow({ Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111122223333:key/*' })) },
      { name: 'plain "*" says what it means', policy: policy(allow({ Resource: '*' })) },
      { name: 'a bucket policy names its own bucket', type: 'resource', policy: policy(allow({ Principal: { AWS: '111122223333' }, Resource: 'arn:aws:s3:::*' })) },
      { name: 'a service-wide ARN for another service', policy: policy(allow({ Resource: ['arn:aws:s3:::reports/*', 'arn:aws:kms:*:*:*'] })) },
      { name: 'a Deny', policy: policy(deny({ Resource: 'arn:aws:s3:::*' })) },
    ],
    invalid: [
      { name: 'every S3 object', policy: policy(allow({ Resource: 'arn:aws:s3:::*' })), paths: ['Statement[0].Resource'] },
      { name: 'every ARN of every service', policy: policy(allow({ Action: ['s3:GetObject', 'kms:Decrypt'], Resource: ['arn:*:*:*:*:*', 'arn:aws:*:*:*:*'] })), paths: ['Statement[0].Resource[0]', 'Statement[0].Resource[1]'] },
      { name: 'every ARN, for actions that cannot be listed', policy: policy(allow({ Action: '*', Resource: 'arn:aws:*' })), paths: ['Statement[0].Resource'] },
      { name: 'every key', policy: policy(allow({ Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:*:*' })), paths: ['Statement[0].Resource'] },
    ],
  },
  {
    rule: 'IAM318',
    valid: [
      { name: 'a named bucket', policy: policy(allow({ Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::reports' })) },
      { name: 'keys of one account and Region, by id', policy: policy(allow({ Action: 'kms:PutKeyPolicy', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' })) },
      { name: 'a bucket policy: "*" is the bucket itself', type: 'resource', policy: policy(allow({ Principal: { AWS: '111122223333' }, Action: 's3:PutBucketPolicy', Resource: '*' })) },
      { name: 'scoped by a condition', policy: policy(allow({ Action: 's3:PutBucketPolicy', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'data' } } })) },
      { name: 'administrator access is another rule\'s', policy: policy(allow({ Action: '*', Resource: '*' })) },
      { name: 'a Deny', policy: policy(deny({ Action: 's3:PutBucketPolicy', Resource: '*' })) },
    ],
    invalid: [
      { name: 'on "*"', policy: policy(allow({ Action: ['s3:GetObject', 's3:PutBucketPolicy'], Resource: '*' })), paths: ['Statement[0].Action[1]'] },
      { name: 'through a service wildcard on every bucket', policy: policy(allow({ Action: 's3:*', Resource: 'arn:aws:s3:::*' })), paths: ['Statement[0].Action'] },
      { name: 'every key', policy: policy(allow({ Action: ['kms:PutKeyPolicy', 'lambda:AddPermission'], Resource: ['arn:aws:kms:*:*:key/*', 'arn:aws:lambda:*:*:function:*'] })), paths: ['Statement[0].Action[0]', 'Statement[0].Action[1]'] },
      { name: 'queues and topics, whose policy is an attribute', policy: policy(allow({ Action: ['sqs:SetQueueAttributes', 'sns:SetTopicAttributes'], Resource: '*' })), paths: ['Statement[0].Action[0]', 'Statement[0].Action[1]'] },
      { name: 'NotAction leaves them in', policy: policy(allow({ Action: undefined, NotAction: 'iam:*', Resource: '*' })), paths: ['Statement[0].NotAction'] },
    ],
  },
];
