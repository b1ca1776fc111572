import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManagedPolicies, inMemoryManagedPolicySource, parseManagedPolicyArn, readManagedPolicy } from '../../src/managed';
import { packageManagedPolicies, realManagedPolicies, realManagedPolicySource } from '../fixtures/managedPolicies';

test('nothing is read until asked; a lookup reads the index once and one chunk', () => {
  const source = realManagedPolicySource();
  const managed = new ManagedPolicies(source);
  assert.equal(source.indexReads, 0);
  const info = managed.find('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.equal(source.indexReads, 1);
  assert.deepEqual(source.chunkReads, [], 'index lookups read no document');
  assert.equal(info?.name, 'AmazonS3ReadOnlyAccess');
  assert.equal(info?.arn, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.match(info!.versionId, /^v\d+$/);
  assert.match(info!.updated, /^\d{4}-\d{2}-\d{2}$/);
  const document = managed.document('AmazonS3ReadOnlyAccess') as { Statement: { Action: string[] }[] };
  assert.ok(document.Statement[0]!.Action.includes('s3:Get*'));
  assert.equal(source.chunkReads.length, 1);
  managed.document('AmazonS3ReadOnlyAccess');
  assert.equal(source.chunkReads.length, 1, 'a chunk is read once');
});

test('every policy of the package is there, with its latest document, path and version', () => {
  const truth = packageManagedPolicies();
  const managed = realManagedPolicies();
  assert.equal(managed.list().length, Object.keys(truth).length);
  assert.ok(managed.list().length > 1500);
  for (const [name, policy] of Object.entries(truth)) {
    const info = managed.find(policy.arn);
    assert.ok(info, `${name} found by ARN`);
    assert.equal(info.arn, policy.arn);
    assert.equal(info.versionId, policy.latestVersionId);
    assert.deepEqual(managed.document(policy.arn), policy.versions[policy.latestVersionId]!.document, name);
  }
  assert.match(managed.dataVersion, /^\d+\.\d+\.\d+$/);
  assert.match(managed.dataUpdatedAt, /^20\d\d-\d\d-\d\d$/);
});

test('ARNs: paths, partitions and names; customer managed policies and wrong paths are not AWS managed', () => {
  const managed = realManagedPolicies();
  assert.equal(managed.find('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.path, 'service-role');
  assert.equal(managed.find('arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.name, 'AWSLambdaBasicExecutionRole');
  assert.equal(managed.find('arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess')?.name, 'ReadOnlyAccess');
  // IAM names are case-insensitive; SAM lists bare names.
  assert.equal(managed.find('amazons3readonlyaccess')?.name, 'AmazonS3ReadOnlyAccess');
  assert.equal(managed.find('AWSLambdaBasicExecutionRole')?.path, 'service-role');
  assert.equal(managed.find('arn:aws:iam::aws:policy/job-function/AWSLambdaBasicExecutionRole'), undefined, 'a wrong path is another policy');
  assert.equal(managed.find('arn:aws:iam::123456789012:policy/AdministratorAccess'), undefined, 'a customer managed policy');
  assert.equal(managed.find('NoSuchPolicyAtAll'), undefined);
  assert.equal(managed.document('NoSuchPolicyAtAll'), undefined);
  assert.deepEqual(parseManagedPolicyArn('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'), { partition: 'aws', path: 'job-function', name: 'ViewOnlyAccess' });
  assert.equal(parseManagedPolicyArn('arn:aws:iam::aws:role/x'), undefined);
});

test('a managed policy parses as a policy of the asked type, with spans into its document text', () => {
  const managed = realManagedPolicies();
  const read = readManagedPolicy(managed, 'arn:aws:iam::aws:policy/AdministratorAccess', 'boundary');
  assert.ok(read);
  assert.equal(read.file.policies.length, 1);
  const policy = read.file.policies[0]!;
  assert.equal(policy.type, 'boundary');
  assert.equal(policy.statements[0]!.effectValue, 'Allow');
  const action = policy.statements[0]!.action!.values[0]!;
  assert.equal(read.file.text.slice(action.span.offset, action.span.offset + action.span.length), '"*"');
});

test('bad data is a clear error, not a crash later', () => {
  const managed = new ManagedPolicies({ readIndex: () => ({ v: 99 }), readChunk: () => undefined });
  assert.throws(() => managed.find('x'), /managed policy index: unknown format/);
  const empty = new ManagedPolicies(inMemoryManagedPolicySource([{ name: 'Only', document: { Version: '2012-10-17', Statement: [] } }]));
  assert.equal(empty.find('Only')?.arn, 'arn:aws:iam::aws:policy/Only');
});
