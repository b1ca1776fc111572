import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';

// `iam-author summary` as a process: text and JSON, a template's policies, managed policy ARNs, bad input.

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'policy.json': {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:List*', 's3:GetObject'], Resource: 'arn:aws:s3:::reports/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
        { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/secret/*' },
      ],
    },
    'template.yaml': `Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: queue
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn
`,
    'broken.json': '{"Version": "2012-10-17", "Statement": [',
  }));
});

after(() => cleanup());

test('summary prints per service the levels, their limits and what Deny takes away', () => {
  const result = runCli(dir, ['summary', 'policy.json']);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], 'policy.json: policy (identity policy)');
  assert.equal(lines[1], '  S3: Full List, Limited Read');
  assert.match(result.stdout, /Limited Read \(1 of \d+ actions\): arn:aws:s3:::reports\/\*; when Bool aws:SecureTransport/);
  assert.match(result.stdout, /Deny limits Read \(1 of \d+ actions\): arn:aws:s3:::reports\/secret\/\*/);
});

test('summary --format json gives every policy of a template with its headline', () => {
  const result = runCli(dir, ['summary', '--format', 'json', 'template.yaml']);
  assert.equal(result.status, 0, result.stderr);
  const json = parseJsonOutput(result);
  assert.deepEqual(json.policies.map((policy: { type: string }) => policy.type), ['trust', 'identity']);
  const identity = json.policies[1];
  assert.equal(identity.headline, 'SQS: Limited Write');
  assert.equal(identity.summary.services[0].levels[0].sample[0], 'sqs:SendMessage');
});

test('summary takes an AWS managed policy ARN', () => {
  const result = runCli(dir, ['summary', '--format', 'json', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
  assert.equal(result.status, 0, result.stderr);
  const json = parseJsonOutput(result);
  assert.equal(json.policies[0].source, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.match(json.policies[0].headline, /S3: Full List, Limited Read/);
});

test('summary: bad input is exit 2 with a clear message', () => {
  for (const [args, message] of [
    [['summary', 'broken.json'], /broken\.json: not valid JSON \(line 1/],
    [['summary', 'missing.json'], /missing\.json: no such file/],
    [['summary', 'arn:aws:iam::aws:policy/NoSuchManagedPolicy'], /not an AWS managed policy this version knows/],
    [['summary'], /summary needs a policy file/],
    [['summary', '--format', 'xml', 'policy.json'], /--format must be one of text, json/],
  ] as const) {
    const result = runCli(dir, [...args]);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  }
});
