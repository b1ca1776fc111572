import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NewRoleChoicesRequestMethod, NewRoleRequestMethod, type NewRoleChoicesResult, type NewRoleResult } from '../src/protocol';
import { LspClient } from './lspClient';

// "IAM: New Role..." as any LSP client can drive it: the choices (use cases, the AWS managed policies
// from the bundled dataset) and the role written as files or into an open template, checked on the way.

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

test('the choices: service use cases with their role explanations, and the AWS managed policies', async () => {
  const choices = await client.request<NewRoleChoicesResult>(NewRoleChoicesRequestMethod, {});
  const ec2 = choices.useCases.find((useCase) => useCase.id === 'ec2');
  assert.ok(ec2?.instanceProfile);
  assert.match(ec2.explanation, /instance profile/);
  assert.match(ec2.serviceLinkedNote ?? '', /service-linked/);
  assert.ok(choices.managedPolicies.length > 1000, String(choices.managedPolicies.length));
  assert.ok(choices.managedPolicies.some((policy) => policy.arn === 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'));
});

test('a GitHub Actions role as JSON files, with no finding above info', async () => {
  const result = await client.request<NewRoleResult>(NewRoleRequestMethod, {
    spec: { name: 'deploy', trust: { kind: 'github', account: '123456789012', repository: 'my-org/app', branch: 'main' } },
    target: { kind: 'files' },
  });
  assert.equal(result.error, undefined);
  assert.deepEqual(result.files?.map((file) => file.name), ['deploy-trust-policy.json']);
  assert.deepEqual(result.findings, []);
  const trust = JSON.parse(result.files![0]!.content);
  assert.equal(trust.Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:sub'], 'repo:my-org/app:ref:refs/heads/main');
});

test('an EC2 role inserted into an open YAML template, with its instance profile', async () => {
  const uri = 'file:///stacks/web.yaml';
  client.open(uri, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', 1, 'yaml');
  const result = await client.request<NewRoleResult>(NewRoleRequestMethod, {
    spec: { name: 'web', trust: { kind: 'service', useCase: 'ec2', account: '123456789012' }, inlineActions: ['s3:GetObject', 's3:ListBucket'], inlineResources: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
    target: { kind: 'template', uri },
  });
  assert.equal(result.error, undefined);
  assert.match(result.templateText ?? '', /\n {2}WebRole:\n {4}Type: AWS::IAM::Role\n/);
  assert.match(result.templateText ?? '', /\n {2}WebRoleInstanceProfile:\n/);
  assert.deepEqual(result.findings, []);
});

test('a malformed request is refused with a reason', async () => {
  for (const spec of [undefined, { name: 'x y', trust: { kind: 'saml', account: '123456789012', provider: 'Okta' } }, { name: 'r', trust: { kind: 'account', trustedAccount: '12' } }, { name: 'r', trust: { kind: 'service', useCase: 'nope', account: '123456789012' } }]) {
    const result = await client.request<NewRoleResult>(NewRoleRequestMethod, { spec, target: { kind: 'files' } });
    assert.equal(typeof result.error, 'string', JSON.stringify(spec));
  }
});
