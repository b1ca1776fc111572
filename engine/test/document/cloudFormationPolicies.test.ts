import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, getValue, parsePolicyFile, plainValue } from '../../src/document';
import { expandTemplate } from '../../src/document/sam/locateSam';
import { renderValue } from '../../src/document/unknown';
import { NOT_IAM_POLICIES, POLICY_PROPERTIES } from '../../src/document/cloudFormationPolicyProperties';
import { SAM_POLICY_TEMPLATES } from '../../src/document/sam/policyTemplates';
import { documentPolicies } from '../../src/rules/lintDocument';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' }] };

function template(type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Thing: { Type: type, Properties: properties }, ...extra } }, null, 2);
}

function located(text: string, fileName = 'stack.json'): [path: string, type: string, label: string][] {
  return documentPolicies(parsePolicyFile(text, { fileName })).map(({ policy, path }) => [formatPath(path), policy.type, policy.label]);
}

for (const entry of POLICY_PROPERTIES) {
  test(`${entry.resourceType} ${entry.property} is a ${entry.type} policy`, () => {
    assert.deepEqual(located(template(entry.resourceType, { [entry.property]: DOC })), [[`Resources.Thing.Properties.${entry.property}`, entry.type, `${entry.property} of Thing`]]);
  });
  if (!entry.string) continue;
  test(`${entry.resourceType} ${entry.property} given as a JSON string is checked where it is written`, () => {
    const file = parsePolicyFile(template(entry.resourceType, { [entry.property]: JSON.stringify(DOC) }), { fileName: 'stack.json' });
    assert.equal(file.policies.length, 0);
    assert.deepEqual(
      documentPolicies(file).map(({ policy, path }) => [formatPath(path), policy.type, policy.label, policy.typeReason, policy.resourceImplied === true]),
      // An ECR repository's policy names no Resource in either form (the repository is implied).
      [[`Resources.Thing.Properties.${entry.property}`, entry.type, `${entry.property} of Thing`, `it is the ${entry.property} of a CloudFormation ${entry.resourceType}`, entry.resourceImplied === true]],
    );
  });
}

for (const [resourceType, property, why] of NOT_IAM_POLICIES) {
  test(`${resourceType} ${property} is not read as an IAM policy (${why})`, () => {
    assert.deepEqual(located(template(resourceType, { [property]: DOC })), []);
  });
}

test('the table names each property once', () => {
  const keys = POLICY_PROPERTIES.map((entry) => `${entry.resourceType}.${entry.property}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('a string property that is not a policy is left alone', () => {
  assert.deepEqual(located(template('AWS::Logs::ResourcePolicy', { PolicyDocument: 'see the wiki' })), []);
  assert.deepEqual(located(template('AWS::Logs::ResourcePolicy', { PolicyDocument: '{"Statement": [' })), [], 'only valid JSON counts');
});

test('a JSON string policy in a YAML template (a | block) is checked at its YAML text', () => {
  const text = [
    'Resources:',
    '  LogsPolicy:',
    '    Type: AWS::Logs::ResourcePolicy',
    '    Properties:',
    '      PolicyName: search',
    '      PolicyDocument: |',
    '        {',
    '          "Version": "2012-10-17",',
    '          "Statement": [{"Effect": "Allow", "Principal": {"Service": "es.amazonaws.com"}, "Action": "logs:PutLogEvents", "Resource": "*"}]',
    '        }',
  ].join('\n');
  const file = parsePolicyFile(text, { fileName: 'stack.yaml' });
  const [embedded] = file.embedded;
  assert.ok(embedded, 'the string is read as a policy');
  const action = embedded.file.policies[0]!.statements[0]!.action!.values[0]!;
  const span = embedded.toOuterSpan(action.span);
  assert.equal(text.slice(span.offset, span.offset + span.length), '"logs:PutLogEvents"');
});

test('an AWS::Events::EventBusPolicy statement is read as the document EventBridge writes around it', () => {
  const text = template('AWS::Events::EventBusPolicy', { StatementId: 'AllowPartner', Statement: DOC.Statement[0] });
  const [policy] = parsePolicyFile(text, { fileName: 'stack.json' }).policies;
  assert.equal(policy!.type, 'resource');
  assert.equal(policy!.statements.length, 1);
  assert.equal(formatPath(policy!.statements[0]!.path), 'Resources.Thing.Properties.Statement');
  assert.equal(policy!.version?.value?.kind === 'string' && policy!.version.value.value, '2012-10-17');
});

const SAM_FUNCTION = {
  Handler: 'index.handler',
  Policies: [
    'AWSLambdaBasicExecutionRole',
    'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    { S3ReadPolicy: { BucketName: { Ref: 'Uploads' } } },
    { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] },
    { NoSuchTemplate: {} },
  ],
};

test('SAM: inline statements and policy templates of a function are identity policies of its generated role', () => {
  const text = template('AWS::Serverless::Function', SAM_FUNCTION);
  const policies = parsePolicyFile(text, { fileName: 'template.json' }).policies;
  assert.deepEqual(
    policies.map((policy) => [formatPath(policy.path), policy.type, policy.label, policy.owner?.name]),
    [
      ['Resources.Thing.Properties.Policies[2].S3ReadPolicy', 'identity', 'SAM policy template S3ReadPolicy of Thing', 'ThingRole'],
      ['Resources.Thing.Properties.Policies[3]', 'identity', 'Policies[3] of Thing', 'ThingRole'],
    ],
  );
  // SAM writes the parameter into Fn::Sub; the template's values are then resolved as any others
  // (Uploads names no resource of this template, so it stays unknown).
  const [statement] = policies[0]!.statements;
  assert.deepEqual(statement!.action!.values.map((value) => value.value), ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration']);
  assert.deepEqual(statement!.resource!.values.map(renderValue), ['arn:aws:s3:::${Uploads}', 'arn:aws:s3:::${Uploads}/*']);
  const root = parsePolicyFile(text).root;
  const entry = getValue(getValue(getValue(getValue(root, 'Resources'), 'Thing'), 'Properties'), 'Policies');
  const templateEntry = entry?.kind === 'array' && entry.items[2]?.kind === 'object' ? entry.items[2].properties[0]! : undefined;
  const expanded = plainValue(expandTemplate(templateEntry!)!) as { Statement: { Resource: unknown[] }[] };
  assert.deepEqual(expanded.Statement[0]!.Resource, [
    { 'Fn::Sub': ['arn:${AWS::Partition}:s3:::${BucketName}', { BucketName: { Ref: 'Uploads' } }] },
    { 'Fn::Sub': ['arn:${AWS::Partition}:s3:::${BucketName}/*', { BucketName: { Ref: 'Uploads' } }] },
  ]);
  // The generated nodes point at the template entry; the parameter is the template's own node.
  const entryOffset = text.indexOf('"S3ReadPolicy"');
  assert.equal(policies[0]!.statements[0]!.node.span.offset, entryOffset);
});

test('SAM: a state machine and a function trust policy written in the template', () => {
  const text = template('AWS::Serverless::StateMachine', { Policies: [{ LambdaInvokePolicy: { FunctionName: 'worker' } }] }, {
    Fn: { Type: 'AWS::Serverless::Function', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
  });
  assert.deepEqual(located(text, 'template.json').map(([path, type]) => [path, type]), [
    ['Resources.Thing.Properties.Policies[0].LambdaInvokePolicy', 'identity'],
    ['Resources.Fn.Properties.AssumeRolePolicyDocument', 'trust'],
  ]);
});

test('SAM: every policy template expands to well-formed Allow statements', () => {
  for (const [name, [parameters, ...statements]] of Object.entries(SAM_POLICY_TEMPLATES)) {
    assert.ok(statements.length > 0, name);
    for (const [actions, resources] of statements) {
      assert.ok(actions.every((action) => /^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(action)), `${name}: ${actions.join(' ')}`);
      assert.ok(resources.length > 0, name);
      for (const resource of resources) {
        const names = [...resource.matchAll(/\$\{([^}]+)\}/g)].map((match) => match[1]!);
        assert.ok(names.every((used) => used.startsWith('AWS::') || parameters.includes(used)), `${name}: ${resource}`);
      }
    }
  }
});

test('docs/cloudformation.md lists every policy property and every covered SAM template', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const docs = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'cloudformation.md'), 'utf8');
  for (const entry of POLICY_PROPERTIES) assert.ok(docs.includes(`| \`${entry.resourceType}\` | \`${entry.property}\` | ${entry.type} |`), `${entry.resourceType} ${entry.property}`);
  for (const [resourceType, property] of NOT_IAM_POLICIES) assert.ok(docs.includes(`| \`${resourceType}\` | \`${property}\` |`), resourceType);
  for (const name of Object.keys(SAM_POLICY_TEMPLATES)) assert.ok(docs.includes(`\`${name}\``), name);
});
