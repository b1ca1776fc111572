import { allow, deny, policy, trust, type RuleCases } from '../harness';

const bigStatements = Array.from({ length: 90 }, (_, i) => allow({ Sid: `Statement${i}`, Resource: `arn:aws:s3:::example-bucket-number-${i}/*` }));

export const GRAMMAR_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM001',
    valid: [{ policy: policy(allow()) }],
    invalid: [{ policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "s3:GetObject", "Resource": "*"}]}', paths: [''] }],
  },
  {
    rule: 'IAM002',
    valid: [{ policy: policy(allow()) }],
    invalid: [{ policy: { Statement: [allow()] }, paths: [''] }],
  },
  {
    rule: 'IAM003',
    valid: [{ policy: policy(allow()) }, { policy: { Version: '2008-10-17', Statement: [allow()] } }],
    invalid: [
      { policy: { Version: '2012-10-18', Statement: [allow()] }, paths: ['Version'] },
      { policy: { Version: 2012, Statement: [allow()] }, paths: ['Version'] },
    ],
  },
  {
    rule: 'IAM004',
    valid: [{ policy: policy(allow()) }, { policy: { Version: '2012-10-17', Statement: allow() } }],
    invalid: [
      { policy: { Version: '2012-10-17', Statement: [] }, paths: ['Statement'] },
      { policy: { Version: '2012-10-17', Statement: [allow(), 'oops'] }, paths: ['Statement[1]'] },
    ],
  },
  {
    rule: 'IAM005',
    valid: [{ policy: policy(allow(), deny()) }],
    invalid: [
      { policy: policy(allow({ Effect: 'allow' })), paths: ['Statement[0].Effect'] },
      { policy: policy({ Action: 's3:GetObject', Resource: '*' }), paths: ['Statement[0]'] },
    ],
  },
  {
    rule: 'IAM006',
    valid: [{ policy: policy(allow({ Action: ['s3:GetObject', 's3:PutObject'] })) }],
    invalid: [
      { policy: policy(allow({ Action: 's3GetObject' })), paths: ['Statement[0].Action'] },
      { policy: policy({ Effect: 'Allow', Resource: '*' }), paths: ['Statement[0]'] },
    ],
  },
  {
    rule: 'IAM007',
    valid: [{ policy: policy(allow()) }, { policy: policy(trust({ Service: 'ec2.amazonaws.com' })), type: 'trust' }],
    invalid: [
      { policy: policy({ Effect: 'Allow', Action: 's3:GetObject' }), paths: ['Statement[0]'] },
      { policy: policy(trust({ Service: 'ec2.amazonaws.com' }, { Resource: '*' })), type: 'trust', paths: ['Statement[0].Resource'] },
    ],
  },
  {
    rule: 'IAM008',
    valid: [{ policy: policy(trust({ Service: 'ec2.amazonaws.com' })), type: 'trust' }],
    invalid: [{ policy: policy(allow({ Principal: '*' })), paths: ['Statement[0].Principal'] }],
  },
  {
    rule: 'IAM009',
    valid: [{ policy: { Version: '2012-10-17', Id: 'x', Statement: [allow({ Sid: 'A', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] } }],
    invalid: [
      { policy: policy(allow({ Actions: 's3:GetObject' })), paths: ['Statement[0].Actions'] },
      { policy: { Version: '2012-10-17', Statement: [allow()], Effect: 'Allow' }, paths: ['Effect'] },
      { policy: policy(allow({ resource: '*' })), paths: ['Statement[0].resource'] },
    ],
  },
  {
    rule: 'IAM010',
    valid: [{ policy: policy(allow()) }],
    invalid: [{ policy: { Version: '2008-10-17', Statement: [allow()] }, paths: ['Version'] }],
  },
  {
    rule: 'IAM011',
    valid: [{ policy: policy(allow({ Sid: 'ReadReports2' })) }, { policy: policy(allow({ Sid: 'Read reports', Principal: '*' })), type: 'resource' }],
    invalid: [
      { policy: policy(allow({ Sid: 'Read-reports' })), paths: ['Statement[0].Sid'] },
      { policy: policy(allow({ Sid: 7 })), paths: ['Statement[0].Sid'] },
    ],
  },
  {
    rule: 'IAM012',
    valid: [{ policy: policy(allow({ Sid: 'A' })) }],
    invalid: [{ policy: policy(allow({ Sid: '' })), paths: ['Statement[0].Sid'] }],
  },
  {
    rule: 'IAM013',
    valid: [{ policy: policy(allow({ Sid: 'A' }), allow({ Sid: 'B' })) }],
    invalid: [{ policy: policy(allow({ Sid: 'A' }), allow({ Sid: 'B' }), deny({ Sid: 'A' })), paths: ['Statement[2].Sid'] }],
  },
  {
    rule: 'IAM014',
    valid: [{ policy: policy(allow({ NotAction: undefined })) }],
    invalid: [
      { policy: policy(allow({ NotAction: 's3:PutObject' })), paths: ['Statement[0].NotAction'] },
      { policy: policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'x', Resource: '*' }), paths: ['Statement[0].Resource'] },
    ],
  },
  {
    rule: 'IAM015',
    valid: [
      { policy: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } }), type: 'rcp' },
      { policy: policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), type: 'rcp' },
    ],
    invalid: [
      { policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }), type: 'rcp', paths: ['Statement[0].Effect'] },
      { policy: policy({ Effect: 'Deny', Principal: { AWS: '111122223333' }, NotAction: 's3:GetObject', Resource: '*' }), type: 'rcp', paths: ['Statement[0].Principal', 'Statement[0].NotAction'] },
      { policy: policy({ Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 'ec2:RunInstances'], Resource: '*' }), type: 'rcp', paths: ['Statement[0].Action[1]'] },
    ],
  },
  {
    rule: 'IAM016',
    valid: [
      { policy: policy(trust({ Service: 'ec2.amazonaws.com' }, { Action: ['sts:AssumeRole', 'sts:TagSession'] })), type: 'trust' },
      { policy: policy(trust({ Federated: 'arn:aws:iam::111122223333:saml-provider/Corp' }, { Action: 'sts:AssumeRoleWithSAML' })), type: 'trust' },
    ],
    invalid: [
      { policy: policy(trust({ Service: 'ec2.amazonaws.com' }, { Action: ['sts:AssumeRole', 's3:GetObject'] })), type: 'trust', paths: ['Statement[0].Action[1]'] },
      { policy: policy(trust({ Federated: 'arn:aws:iam::111122223333:saml-provider/Corp' })), type: 'trust', paths: ['Statement[0].Action'] },
      { policy: policy(trust({ AWS: '111122223333' }, { Action: 'sts:AssumeRoleWithWebIdentity' })), type: 'trust', paths: ['Statement[0].Action'] },
    ],
  },
  {
    rule: 'IAM017',
    valid: [{ policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a'] } } })) }],
    invalid: [
      { policy: policy(allow({ Condition: {} })), paths: ['Statement[0].Condition'] },
      { policy: policy(allow({ Condition: { StringEquals: {} } })), paths: ['Statement[0].Condition.StringEquals'] },
      { policy: policy(allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [] } } })), paths: ['Statement[0].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]'] },
      { policy: policy(allow({ Principal: {} })), type: 'resource', paths: ['Statement[0].Principal'] },
    ],
  },
  {
    rule: 'IAM018',
    valid: [{ policy: policy(...bigStatements.slice(0, 20)) }, { policy: policy(...bigStatements), type: 'resource' }],
    invalid: [
      { policy: policy(...bigStatements), paths: [''] },
      { policy: policy(...bigStatements.slice(0, 45)), type: 'scp', paths: [''] },
    ],
  },
  {
    rule: 'IAM019',
    valid: [
      { policy: policy(allow({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': [3600, 7200] } } })) },
      {
        name: 'CloudFormation intrinsics stand for strings',
        type: 'auto',
        policy: {
          Resources: {
            Role: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: policy(trust({ Service: 'ec2.amazonaws.com' })),
                Policies: [
                  {
                    PolicyName: 'p',
                    PolicyDocument: policy(allow({ Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }, Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } } })),
                  },
                ],
              },
            },
          },
        },
      },
    ],
    invalid: [
      { policy: { Version: '2012-10-17', Id: 5, Statement: [allow()] }, paths: ['Id'] },
      { policy: policy(allow({ Condition: ['StringEquals'] })), paths: ['Statement[0].Condition'] },
      { policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalAccount': [{ a: 1 }] } } })), paths: ['Statement[0].Condition.StringEquals["aws:PrincipalAccount"][0]'] },
      { policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalAccount': [true, 'x'] } } })), paths: ['Statement[0].Condition.StringEquals["aws:PrincipalAccount"]'] },
      { policy: policy(trust({ AWS: { Ref: 'x' } })), type: 'trust', paths: ['Statement[0].Principal.AWS'] },
    ],
  },
  {
    rule: 'IAM020',
    valid: [{ policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333', 'aws:PrincipalOrgID': 'o-1' } } })) }],
    invalid: [
      { policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}]}', paths: ['Statement[0].Action'] },
      {
        policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333', 'AWS:principalaccount': '444455556666' } } })),
        paths: ['Statement[0].Condition.StringEquals["AWS:principalaccount"]'],
      },
    ],
  },
  {
    rule: 'IAM021',
    valid: [
      {
        policy: policy(
          trust({ AWS: ['111122223333', 'arn:aws:iam::111122223333:role/Admin', 'arn:aws:sts::111122223333:assumed-role/R/s'] }),
          trust({ Service: ['lambda.amazonaws.com'] }),
          trust({ Federated: 'accounts.google.com' }, { Action: 'sts:AssumeRoleWithWebIdentity' }),
        ),
        type: 'trust',
      },
      // A CloudFront origin access identity in a bucket policy (CloudFront Developer Guide).
      { policy: policy(allow({ Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C' }, Resource: 'arn:aws:s3:::b/*' })), type: 'resource' },
    ],
    invalid: [
      { policy: policy(trust({ aws: '111122223333' })), type: 'trust', paths: ['Statement[0].Principal.aws'] },
      // Only that user of the cloudfront pseudo-account, and only with an identity id.
      { policy: policy(allow({ Principal: { AWS: ['arn:aws:iam::cloudfront:user/Someone', 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity '] }, Resource: 'arn:aws:s3:::b/*' })), type: 'resource', paths: ['Statement[0].Principal.AWS[0]', 'Statement[0].Principal.AWS[1]'] },
      { policy: policy(trust({ AWS: 'arn:aws:iam::111122223333:role/*' })), type: 'trust', paths: ['Statement[0].Principal.AWS'] },
      { policy: policy(trust({ Service: 'lambda' })), type: 'trust', paths: ['Statement[0].Principal.Service'] },
      { policy: policy(allow({ Principal: { Federated: 'accounts.google.com' } })), type: 'resource', paths: ['Statement[0].Principal.Federated'] },
    ],
  },
];
