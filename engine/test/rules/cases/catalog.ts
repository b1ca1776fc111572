import { allow, policy, trust, type RuleCases } from '../harness';

const tagged = (condition: object, extra: object = {}) => policy(allow({ Condition: condition, ...extra }));

export const CATALOG_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM101',
    valid: [{ policy: policy(allow({ Action: ['s3:GetObject', 'iam:PassRole'] })) }],
    invalid: [{ policy: policy(allow({ Action: ['s3:GetObject', 's4:GetObject'] })), paths: ['Statement[0].Action[1]'] }],
  },
  {
    rule: 'IAM102',
    valid: [{ policy: policy(allow({ Action: 's3:getobject' })) }],
    invalid: [{ policy: policy(allow({ Action: 's3:GetObjekt' })), paths: ['Statement[0].Action'] }],
  },
  {
    rule: 'IAM103',
    valid: [{ policy: policy(allow({ Action: 's3:Get*' })) }],
    invalid: [{ policy: policy(allow({ Action: 's3:Fly*' })), paths: ['Statement[0].Action'] }],
  },
  {
    rule: 'IAM104',
    valid: [{ policy: policy(allow({ Action: ['s3:Get*', '*'] })) }],
    invalid: [{ policy: policy(allow({ Action: ['s3:GetObject', '*:Get*'] })), paths: ['Statement[0].Action[1]'] }],
  },
  {
    rule: 'IAM105',
    valid: [
      { policy: policy(allow({ Resource: ['*', 'arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:*', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:ec2:us-gov-west-1:111122223333:instance/*'] })) },
      // Short patterns whose trailing star runs over the missing fields, from a field that could begin a real value.
      { policy: policy(allow({ Resource: ['arn:aws:s3:*', 'arn:*', 'arn:aws:iam::*', 'arn:aws:ec2:us-*', 'arn:aws:iam::1111*', 'arn:aws:s3:::*'] })) },
    ],
    invalid: [
      // S3 object patterns end in "*" too, but a bucket in the Region or account field matches nothing.
      { name: 'S3 bucket in the Region field', policy: policy(allow({ Resource: 'arn:aws:s3:my-bucket/*' })), paths: ['Statement[0].Resource'] },
      { name: 'S3 bucket in the account field', policy: policy(allow({ Resource: ['arn:aws:s3::my-bucket/*', 'arn:aws:s3::my-bucket', 'arn:aws:s3:::ok/*'] })), paths: ['Statement[0].Resource[0]', 'Statement[0].Resource[1]'] },
      { name: 'the same mistake for IAM', policy: policy(allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam:role/*' })), paths: ['Statement[0].Resource'] },
      { name: 'a bucket ARN in a bucket policy', type: 'resource', policy: policy(allow({ Principal: { AWS: '111122223333' }, Resource: 'arn:aws:s3::my-bucket/*' })), paths: ['Statement[0].Resource'] },
      { policy: policy(allow({ Resource: 'my-bucket' })), paths: ['Statement[0].Resource'] },
      { policy: policy(allow({ Resource: ['arn:aws:s3:::b', 'arn:aws:s3'] })), paths: ['Statement[0].Resource[1]'] },
      { policy: policy(allow({ Resource: 'arn:amazon:s3:::b' })), paths: ['Statement[0].Resource'] },
      { policy: policy(allow({ Resource: 'arn:aws:ec2:moon-1:111122223333:instance/*' })), paths: ['Statement[0].Resource'] },
      { policy: policy(allow({ Resource: 'arn:aws:ec2:us-east-1:1234:instance/*' })), paths: ['Statement[0].Resource'] },
    ],
  },
  {
    rule: 'IAM106',
    valid: [{ policy: policy(allow({ Resource: 'arn:aws:s3:::b' })) }],
    invalid: [{ policy: policy(allow({ Resource: 'arn:aws:S3:::b/*' })), paths: ['Statement[0].Resource'] }],
  },
  {
    rule: 'IAM107',
    valid: [{ policy: policy(allow({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:iam::111122223333:role/R', 'arn:aws:kms:*:111122223333:key/*'] })) }],
    invalid: [
      { policy: policy(allow({ Resource: 'arn:aws:s3:us-east-1::b/*' })), paths: ['Statement[0].Resource'] },
      { policy: policy(allow({ Resource: 'arn:aws:s3:::b/*' }), allow({ Resource: 'arn:aws:iam:us-east-1:111122223333:role/R' })), paths: ['Statement[1].Resource'] },
      { policy: policy(allow({ Resource: 'arn:aws:kms::111122223333:key/abc' })), paths: ['Statement[0].Resource'] },
    ],
  },
  {
    rule: 'IAM108',
    valid: [{ policy: policy(allow({ Resource: ['arn:aws:iam::111122223333:role/path/R', 'arn:aws:lambda:us-east-1:111122223333:function:f', 'arn:aws:iam::*:*'] })) }],
    invalid: [{ policy: policy(allow({ Resource: ['arn:aws:iam::111122223333:role/R', 'arn:aws:iam::111122223333:rolle/R'] })), paths: ['Statement[0].Resource[1]'] }],
  },
  {
    rule: 'IAM109',
    valid: [
      { policy: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] })) },
      { policy: policy(allow({ Action: 's3:ListAllMyBuckets', Resource: '*' })) },
      { policy: policy(allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })) },
    ],
    invalid: [
      { policy: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b/*' })), paths: ['Statement[0].Action[1]'] },
      { policy: policy(allow({ Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::b' })), paths: ['Statement[0].Action'] },
    ],
  },
  {
    rule: 'IAM110',
    valid: [
      { policy: tagged({ StringEquals: { 'aws:PrincipalTag/team': 'x', 's3:prefix': 'home/', 'token.actions.githubusercontent.com:actor': 'me', 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'x' } }) },
    ],
    invalid: [
      { policy: tagged({ StringEquals: { 'aws:SourceIP2': '1.2.3.4' } }), paths: ['Statement[0].Condition.StringEquals["aws:SourceIP2"]'] },
      { policy: tagged({ StringEquals: { 's3:prefixx': 'a' } }), paths: ['Statement[0].Condition.StringEquals["s3:prefixx"]'] },
      { policy: tagged({ StringEquals: { 'nosuchservice:key': 'a', username: 'b' } }), paths: ['Statement[0].Condition.StringEquals["nosuchservice:key"]', 'Statement[0].Condition.StringEquals.username'] },
    ],
  },
  {
    rule: 'IAM111',
    valid: [
      { policy: tagged({ StringLike: { 's3:prefix': 'home/*' } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' }) },
      { policy: tagged({ StringEquals: { 'aws:ResourceTag/team': 'x', 'aws:PrincipalOrgID': 'o-1' } }, { Action: 'ec2:TerminateInstances', Resource: '*' }) },
      { policy: tagged({ StringEquals: { 's3:prefix': 'x' } }, { Action: '*', Resource: '*' }) },
      // A federated session's subject and audience keys are in every request it makes (the IAM User
      // Guide's SAML example tests saml:sub_type in an S3 permissions policy).
      { policy: tagged({ StringEquals: { 'saml:sub_type': 'persistent', 'saml:namequalifier': 'q', 'SAML:Sub': 's' } }, { Action: 's3:GetObject' }) },
      { policy: tagged({ StringEquals: { 'cognito-identity.amazonaws.com:sub': 'us-east-1:x', 'accounts.google.com:aud': 'a', 'graph.facebook.com:app_id': 'f', 'www.amazon.com:user_id': 'u' } }, { Action: 's3:GetObject' }) },
    ],
    invalid: [
      { policy: tagged({ StringLike: { 's3:prefix': 'home/*' } }, { Action: 's3:GetObject' }), paths: ['Statement[0].Condition.StringLike["s3:prefix"]'] },
      // Only those: the other SAML and web identity keys are in the AssumeRoleWith* request alone.
      {
        policy: tagged({ StringEquals: { 'saml:aud': 'https://signin.aws.amazon.com/saml', 'accounts.google.com:oaud': 'o' } }, { Action: 's3:GetObject' }),
        paths: ['Statement[0].Condition.StringEquals["saml:aud"]', 'Statement[0].Condition.StringEquals["accounts.google.com:oaud"]'],
      },
      { policy: tagged({ StringEquals: { 'ec2:InstanceType': 't3.micro' } }, { Action: 's3:GetObject' }), paths: ['Statement[0].Condition.StringEquals["ec2:InstanceType"]'] },
      { policy: tagged({ StringEquals: { 'aws:RequestTag/team': 'x' } }, { Action: 'iam:GetRole', Resource: '*' }), paths: ['Statement[0].Condition.StringEquals["aws:RequestTag/team"]'] },
    ],
  },
  {
    rule: 'IAM112',
    valid: [{ policy: tagged({ StringEquals: { 'aws:ResourceTag/team': 'x' } }) }],
    invalid: [
      { policy: tagged({ StringEquals: { 'aws:ResourceTag': 'x' } }), paths: ['Statement[0].Condition.StringEquals["aws:ResourceTag"]'] },
      { policy: tagged({ StringEquals: { 's3:ExistingObjectTag/': 'x' } }), paths: ['Statement[0].Condition.StringEquals["s3:ExistingObjectTag/"]'] },
    ],
  },
  {
    rule: 'IAM113',
    valid: [{ policy: policy(allow({ Action: ['s3:GetObject', 's3:*'] })) }, { policy: policy(trust({ Service: 'ec2.amazonaws.com' }, { Action: 'sts:AssumeRole*' })), type: 'trust' }],
    invalid: [{ policy: policy(allow({ Action: ['s3:GetObject', 's3:Put*'] })), paths: ['Statement[0].Action[1]'] }],
  },
];
