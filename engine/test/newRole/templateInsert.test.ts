import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocument, parsePolicyFile } from '../../src';
import { buildRole } from '../../src/newRole/buildRole';
import { insertRoleIntoTemplate, logicalIdOf } from '../../src/newRole/templateInsert';
import { realCatalog } from '../fixtures/catalog';

// A new role inserted into an open CloudFormation template, JSON or YAML: the rest of the template is
// kept as written, the role (and for EC2 its instance profile) lands under Resources, and the result
// is a template whose policies pass the checks.

const catalog = realCatalog();
const ec2 = buildRole({
  name: 'web-server',
  trust: { kind: 'service', useCase: 'ec2', account: '123456789012' },
  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
  inlineActions: ['s3:GetObject'],
  inlineResources: ['arn:aws:s3:::my-bucket/*'],
});

const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
# The web tier
Resources:
  Bucket:
    Type: AWS::S3::Bucket # reports land here
Outputs:
  BucketName:
    Value: !Ref Bucket
`;

const JSON_TEMPLATE = `{
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
        "Bucket": { "Type": "AWS::S3::Bucket" }
    }
}
`;

function checked(text: string, fileName: string) {
  const file = parsePolicyFile(text, { fileName });
  assert.equal(file.syntaxProblems.length, 0, JSON.stringify(file.syntaxProblems));
  const above = lintDocument(file, catalog).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  assert.deepEqual(above.map((finding) => `${finding.ruleId} ${finding.message}`), []);
  return file;
}

test('YAML: the role and its instance profile go under Resources, comments and the rest kept', () => {
  const result = insertRoleIntoTemplate(YAML_TEMPLATE, 'yaml', ec2);
  assert.ok('text' in result, JSON.stringify(result));
  const text = result.text;
  assert.ok(text.startsWith('AWSTemplateFormatVersion: "2010-09-09"\n# The web tier\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket # reports land here\n  WebServerRole:\n'), text);
  assert.ok(text.endsWith('Outputs:\n  BucketName:\n    Value: !Ref Bucket\n'), text);
  assert.match(text, /\n {2}WebServerRoleInstanceProfile:\n {4}Type: AWS::IAM::InstanceProfile\n/);
  const file = checked(text, 'stack.yaml');
  assert.deepEqual(file.policies.map((policy) => policy.type).sort(), ['identity', 'trust']);
});

test('JSON: the role goes under Resources with the template\'s indentation', () => {
  const result = insertRoleIntoTemplate(JSON_TEMPLATE, 'json', ec2);
  assert.ok('text' in result, JSON.stringify(result));
  const template = JSON.parse(result.text);
  assert.deepEqual(Object.keys(template.Resources), ['Bucket', 'WebServerRole', 'WebServerRoleInstanceProfile']);
  assert.deepEqual(template.Resources.WebServerRoleInstanceProfile.Properties.Roles, [{ Ref: 'WebServerRole' }]);
  assert.match(result.text, /\n {8}"WebServerRole": \{\n {12}"Type": "AWS::IAM::Role"/);
  checked(result.text, 'stack.json');
});

test('a template without Resources gets them; a taken logical ID gets a number', () => {
  const fresh = insertRoleIntoTemplate('AWSTemplateFormatVersion: "2010-09-09"\n', 'yaml', ec2);
  assert.ok('text' in fresh);
  assert.match(fresh.text, /\nResources:\n {2}WebServerRole:\n/);
  const twice = insertRoleIntoTemplate(JSON.stringify({ Resources: { WebServerRole: { Type: 'AWS::SNS::Topic' } } }), 'json', ec2);
  assert.ok('text' in twice);
  assert.ok(Object.keys(JSON.parse(twice.text).Resources).includes('WebServerRole2'));
});

test('a broken template is refused with a message, not rewritten', () => {
  const broken = insertRoleIntoTemplate('Resources:\n  A: [\n', 'yaml', ec2);
  assert.ok('error' in broken);
  assert.ok('error' in insertRoleIntoTemplate('{"Resources": ', 'json', ec2));
});

test('logical IDs from role names', () => {
  assert.equal(logicalIdOf('web-server'), 'WebServer');
  assert.equal(logicalIdOf('github_deploy.role'), 'GithubDeployRole');
  assert.equal(logicalIdOf('42-things'), 'Role42Things');
});
