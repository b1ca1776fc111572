import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// The roles of a YAML template over JSON-RPC: hovers on role resources, instance profiles, SAM
// functions and the references to them; Simulate Access "as role" with the role at the cursor first.

export const ROLES_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: uploads
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::uploads/*
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles:
        - !Ref AppRole
  Server:
    Type: AWS::EC2::Instance
    Properties:
      IamInstanceProfile: !Ref Profile
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - AWSLambdaBasicExecutionRole
        - SQSSendMessagePolicy:
            QueueName: jobs
`;

let client: LspClient;
const uri = nextUri('stack.yaml');

before(async () => {
  client = new LspClient();
  await client.initialize();
  client.open(uri, ROLES_TEMPLATE, 1, 'yaml');
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

async function hoverAt(needle: string, within = 1): Promise<string> {
  const offset = ROLES_TEMPLATE.indexOf(needle) + within;
  const result = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(ROLES_TEMPLATE, offset) });
  return result?.contents.value ?? '';
}

test('hover on a role logical id: its kind, the instance profile that delivers it, its policies', async () => {
  const markdown = await hoverAt('  AppRole:', 3);
  assert.match(markdown, /`AppRole` · `AWS::IAM::Role` — Role kind: EC2 instance role/);
  assert.match(markdown, /instance profile `Profile`/);
  assert.match(markdown, /1 permissions policy in this template/);
  assert.match(markdown, /instance metadata service/, 'the same explanation as the trust policy hover');
});

test('hover on Type: AWS::IAM::Role explains the role too', async () => {
  assert.match(await hoverAt('AWS::IAM::Role', 4), /Role kind: EC2 instance role/);
});

test('hover on an AWS::IAM::InstanceProfile and on IamInstanceProfile: !Ref explains the role kind inside', async () => {
  for (const markdown of [await hoverAt('AWS::IAM::InstanceProfile', 4), await hoverAt('!Ref Profile', 6)]) {
    assert.match(markdown, /`Profile` · `AWS::IAM::InstanceProfile` — delivers the role `AppRole` to EC2 instances/);
    assert.match(markdown, /`AppRole`: Role kind: EC2 instance role/);
    assert.match(markdown, /iam:PassRole/);
  }
});

test('hover on a SAM function: the role SAM generates for it and its kind', async () => {
  const markdown = await hoverAt('  Worker:', 3);
  assert.match(markdown, /`Worker` · `AWS::Serverless::Function` — SAM generates its execution role `WorkerRole`/);
  assert.match(markdown, /Service role for AWS Lambda/);
});

interface Template {
  principals: string[];
  roles?: { name: string; containsCursor: boolean; detail?: string }[];
}

test('Simulate Access offers "as role" for each role, the one at the cursor first; the service principal stays', async () => {
  const inWorker = positionAt(ROLES_TEMPLATE, ROLES_TEMPLATE.indexOf('Handler'));
  const atWorker = await client.request<Template>('iam/requestTemplate', { uri, position: inWorker });
  assert.deepEqual(atWorker.roles!.map((role) => [role.name, role.containsCursor]), [['WorkerRole', true], ['AppRole', false]]);
  const inRole = positionAt(ROLES_TEMPLATE, ROLES_TEMPLATE.indexOf('PolicyName'));
  const atRole = await client.request<Template>('iam/requestTemplate', { uri, position: inRole });
  assert.deepEqual(atRole.roles!.map((role) => role.name), ['AppRole', 'WorkerRole']);
  assert.ok(atRole.principals.includes('ec2.amazonaws.com'), 'the trust policy principal is still offered');
});

interface Result {
  decision: string;
  notes?: string[];
  decidingStatements: { policyLabel: string; range: { start: { line: number } } }[];
  error?: string;
}

test('simulate as role AppRole: its own policy decides, and points into the template', async () => {
  const result = await client.request<Result>('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::uploads/report.csv', asRole: 'AppRole' });
  assert.equal(result.decision, 'Allow', JSON.stringify(result));
  assert.equal(result.decidingStatements[0]!.policyLabel, 'inline policy uploads of AppRole');
  assert.equal(result.decidingStatements[0]!.range.start.line, ROLES_TEMPLATE.split('\n').findIndex((line) => line.includes('- Effect: Allow') && line.startsWith('              ')));
  assert.ok(result.notes!.includes('Simulated as role AppRole: 1 identity policy.'), JSON.stringify(result.notes));
  const other = await client.request<Result>('iam/simulate', { uri, action: 's3:PutObject', resource: 'arn:aws:s3:::uploads/report.csv', asRole: 'AppRole' });
  assert.equal(other.decision, 'ImplicitDeny');
});

test('simulate as a SAM function role: the expanded policy template decides; the AWS managed policy it names comes from the shipped data', async () => {
  for (const asRole of ['WorkerRole', 'Worker']) {
    const result = await client.request<Result>('iam/simulate', { uri, action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111122223333:jobs', asRole });
    assert.equal(result.decision, 'Allow', JSON.stringify(result));
    assert.equal(result.decidingStatements[0]!.policyLabel, 'SAM policy template SQSSendMessagePolicy of Worker');
    assert.ok(result.notes!.includes('AWS managed policies from the shipped data: arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole.'), JSON.stringify(result.notes));
    assert.ok(!result.notes!.some((note) => note.startsWith('Not in the file')), JSON.stringify(result.notes));
  }
  // AWSLambdaBasicExecutionRole allows writing logs; its deciding statement links to where the template names it.
  const logs = await client.request<Result>('iam/simulate', { uri, action: 'logs:PutLogEvents', resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/worker:log-stream:x', asRole: 'WorkerRole' });
  assert.equal(logs.decision, 'Allow', JSON.stringify(logs));
  assert.equal(logs.decidingStatements[0]!.range.start.line, ROLES_TEMPLATE.split('\n').findIndex((line) => line.includes('- AWSLambdaBasicExecutionRole')));
  const otherQueue = await client.request<Result>('iam/simulate', { uri, action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111122223333:other', asRole: 'WorkerRole' });
  assert.equal(otherQueue.decision, 'ImplicitDeny');
});

test('simulate as a role whose ManagedPolicyArns and boundary are AWS managed policies: both take part', async () => {
  const template = JSON.stringify(
    {
      Resources: {
        ReaderRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          },
        },
      },
    },
    null,
    2,
  );
  const reader = nextUri('reader.json');
  client.open(reader, template);
  const read = await client.request<Result>('iam/simulate', { uri: reader, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a', asRole: 'ReaderRole' });
  assert.equal(read.decision, 'Allow', JSON.stringify(read));
  assert.equal(read.decidingStatements[0]!.range.start.line, template.split('\n').findIndex((line) => line.includes('policy/AdministratorAccess')));
  assert.ok(read.notes!.includes('Simulated as role ReaderRole: 1 identity policy and its permissions boundary.'), JSON.stringify(read.notes));
  // AdministratorAccess allows it; the AmazonS3ReadOnlyAccess boundary does not.
  const write = await client.request<Result>('iam/simulate', { uri: reader, action: 's3:PutObject', resource: 'arn:aws:s3:::reports/a', asRole: 'ReaderRole' });
  assert.equal(write.decision, 'ImplicitDeny', JSON.stringify(write));
});

test('the service principal asks "can the service assume this role?", for a SAM role through the trust SAM writes', async () => {
  const ec2 = await client.request<Result>('iam/simulate', { uri, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/AppRole', principal: 'ec2.amazonaws.com', asRole: 'AppRole' });
  assert.equal(ec2.decision, 'Allow', JSON.stringify(ec2));
  const lambda = await client.request<Result>('iam/simulate', { uri, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/WorkerRole', principal: 'lambda.amazonaws.com', asRole: 'Worker' });
  assert.equal(lambda.decision, 'Allow', JSON.stringify(lambda));
  const stranger = await client.request<Result>('iam/simulate', { uri, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/WorkerRole', principal: 'ec2.amazonaws.com', asRole: 'Worker' });
  assert.notEqual(stranger.decision, 'Allow');
});

test('an unknown role is a clear error', async () => {
  const result = await client.request<Result>('iam/simulate', { uri, action: 's3:GetObject', resource: '*', asRole: 'Nope' });
  assert.equal(result.error, 'The template has no role "Nope".');
});
