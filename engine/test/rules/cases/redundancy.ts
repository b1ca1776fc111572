import { allow, deny, policy, type RuleCases } from '../harness';

export const REDUNDANCY_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM401',
    valid: [{ policy: policy(allow({ Action: ['s3:GetObject', 's3:PutObject', 's3:List*'] })) }],
    invalid: [
      { policy: policy(allow({ Action: ['s3:GetObject', 's3:Get*', 'S3:getobject'] })), paths: ['Statement[0].Action[0]', 'Statement[0].Action[2]'] },
      { policy: policy(allow({ Action: ['s3:Get*', 's3:GetObject*'] })), paths: ['Statement[0].Action[1]'] },
    ],
  },
  {
    rule: 'IAM402',
    valid: [{ policy: policy(allow({ Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] })) }],
    invalid: [{ policy: policy(allow({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/report.csv', 'arn:aws:s3:::b/*'] })), paths: ['Statement[0].Resource[1]', 'Statement[0].Resource[2]'] }],
  },
  {
    rule: 'IAM403',
    valid: [{ policy: policy(allow(), deny()) }, { policy: policy(allow(), allow({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })) }],
    invalid: [
      { policy: policy(allow({ Sid: 'A' }), allow({ Sid: 'B' })), paths: ['Statement[1].Sid'] },
      { policy: policy(allow({ Action: 's3:GetObject' }), allow({ Action: 's3:Get*', Resource: 'arn:aws:s3:::*' })), paths: ['Statement[0]'] },
    ],
  },
];
