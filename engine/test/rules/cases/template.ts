import { allow, policy, type RuleCases } from '../harness';

const stack = (document: unknown) => ({ Resources: { AppPolicy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } } } });
const MACRO = { 'Fn::Transform': { Name: 'StatementsFromConfig', Parameters: { Team: 'payments' } } };

export const TEMPLATE_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM022',
    valid: [
      { policy: stack(policy(allow())), type: 'auto', fileName: 'stack.json' },
      { name: 'a parameter without a default is unknown, not a macro', policy: { Parameters: { Bucket: { Type: 'String' } }, ...stack(policy(allow({ Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' } }))) }, type: 'auto', fileName: 'stack.json' },
    ],
    invalid: [
      { name: 'a Statement produced by a macro', policy: stack({ Version: '2012-10-17', Statement: MACRO }), type: 'auto', fileName: 'stack.json', paths: ['Resources.AppPolicy.Properties.PolicyDocument.Statement'] },
      { name: 'a Resource produced by a macro, the rest checked', policy: stack(policy(allow({ Resource: MACRO }))), type: 'auto', fileName: 'stack.json', paths: ['Resources.AppPolicy.Properties.PolicyDocument.Statement[0].Resource'] },
    ],
  },
];
