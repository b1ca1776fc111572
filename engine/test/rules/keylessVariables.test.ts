import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintDocument, parsePolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';

// A ${...} that names no condition key (IAM210): in a CloudFormation template the usual cause is a
// name written outside Fn::Sub, and the message says how to fix it there.

const catalog = fixtureCatalog();

const template = (resource: string) => `Resources:
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: ${resource}
`;

const keyless = (text: string, fileName: string) =>
  lintDocument(parsePolicyFile(text, { fileName }), catalog)
    .filter((finding) => finding.ruleId === 'IAM210')
    .map((finding) => finding.message);

test('in a template, outside Fn::Sub: reported, with the fix CloudFormation needs', () => {
  const [message, ...rest] = keyless(template('"arn:aws:s3:::${BucketName}/*"'), 'template.yaml');
  assert.deepEqual(rest, []);
  assert.match(message!, /^The policy variable \$\{BucketName\} names no condition key .* In CloudFormation, BucketName is replaced only inside Fn::Sub \(!Sub\)\.$/);
});

test('inside !Sub it is the template\'s own reference, and nothing is reported', () => {
  assert.deepEqual(keyless(template('!Sub "arn:aws:s3:::${BucketName}/*"'), 'template.yaml'), []);
});

test('in a plain policy file the message names no CloudFormation function', () => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${BucketName}/*' }] });
  const [message] = keyless(policy, 'policy.json');
  assert.match(message!, /Fill it in before using the policy\.$/);
});
