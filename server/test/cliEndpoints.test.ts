import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePolicyFile } from '../../engine/src';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { repoRoot } from './lspClient';

// VPC endpoint policies through the CLI as a process: --endpoint-policy with a CloudFormation
// template's AWS::EC2::VPCEndpoint, --endpoint filling aws:SourceVpce, and "endpoint" in test files.

const TEMPLATE = fs.readFileSync(path.join(repoRoot(), 'server', 'test', 'fixtures', 'endpoints', 'gateway-endpoint.yaml'), 'utf8');
const S3_ALL = { Version: '2012-10-17', Statement: [{ Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
const SESSION = 'arn:aws:sts::111122223333:assumed-role/App/s1';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'template.yaml': TEMPLATE,
    'identity.json': S3_ALL,
    'no-endpoint.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:SendMessage\n            Resource: "*"\n',
    'endpoint.iamtest.json': {
      policies: { identity: ['identity.json'], endpoint: ['template.yaml'] },
      tests: [
        { name: 'reads corp data through the endpoint', action: 's3:GetObject', resource: 'arn:aws:s3:::corp-data/a.csv', principal: SESSION, endpoint: 'vpce-1a2b3c4d', expect: 'Allow' },
        { name: 'no deletes through the endpoint', action: 's3:DeleteObject', resource: 'arn:aws:s3:::corp-data/a.csv', principal: SESSION, endpoint: { id: 'vpce-1a2b3c4d', vpc: 'vpc-0abc1234' }, expect: 'ExplicitDeny' },
        { name: 'other buckets are out of reach', action: 's3:GetObject', resource: 'arn:aws:s3:::public-data/a.csv', principal: SESSION, expect: 'ImplicitDeny' },
      ],
    },
  }));
});

after(() => cleanup());

test('the template\'s AWS::EC2::VPCEndpoint PolicyDocument is found as a resource-based policy of that resource type', () => {
  const file = parsePolicyFile(TEMPLATE, { fileName: 'template.yaml' });
  const endpoint = file.policies.find((policy) => policy.owner?.name === 'S3Endpoint');
  assert.equal(endpoint?.type, 'resource');
  assert.equal(endpoint?.owner?.resourceType, 'AWS::EC2::VPCEndpoint');
  assert.deepEqual(endpoint?.statements.map((statement) => statement.sid?.value?.kind === 'string' && statement.sid.value.value), ['CorpBucketsOnly', 'NoDeletes']);
});

test('simulate --endpoint-policy TEMPLATE: a Deny there denies, and an Allow there grants nothing', () => {
  const base = ['simulate', '--identity', 'identity.json', '--endpoint-policy', 'template.yaml', '--principal', SESSION, '--format', 'json', '--explain'];
  const deleted = parseJsonOutput(runCli(dir, [...base, '--action', 's3:DeleteObject', '--resource', 'arn:aws:s3:::corp-data/a.csv']));
  assert.equal(deleted.decision, 'ExplicitDeny');
  assert.deepEqual(deleted.matchedStatements.map((s: { policyType: string; sid: string }) => `${s.policyType}:${s.sid}`), ['endpoint:NoDeletes']);
  assert.equal(deleted.matchedStatements[0].range.start.line, TEMPLATE.split('\n').findIndex((line) => line.includes('Sid: NoDeletes')));
  const other = parseJsonOutput(runCli(dir, [...base, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::public-data/a.csv']));
  assert.equal(other.decision, 'ImplicitDeny');
  assert.match(other.explanation.summary, /VPC endpoint policy does not allow/);
  const alone = parseJsonOutput(runCli(dir, ['simulate', '--endpoint-policy', 'template.yaml', '--principal', SESSION, '--format', 'json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::corp-data/a.csv']));
  assert.equal(alone.decision, 'ImplicitDeny');
});

test('--endpoint fills aws:SourceVpce: the bucket policy of the same template lets the request in only through the endpoint', () => {
  const base = ['simulate', '--identity', 'identity.json', '--resource-policy', 'template.yaml', '--principal', SESSION, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::corp-data/a.csv'];
  assert.match(runCli(dir, base).stdout, /^Decision: ExplicitDeny$/m);
  const through = runCli(dir, [...base, '--endpoint', 'vpce-1a2b3c4d', '--endpoint-vpc', 'vpc-0abc1234']);
  assert.match(through.stdout, /^Decision: Allow$/m);
  assert.match(through.stdout, /default endpoint policy allows everything/);
  const missing = runCli(dir, ['simulate', '--endpoint-policy', 'no-endpoint.yaml', '--action', 's3:GetObject', '--resource', '*']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no AWS::EC2::VPCEndpoint with a PolicyDocument/);
});

test('test files take "endpoint" policies and a per-test endpoint', () => {
  const result = runCli(dir, ['test', 'endpoint.iamtest.json']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^3 passed, 0 failed$/m);
});
