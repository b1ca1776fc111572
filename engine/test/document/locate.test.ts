import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, parsePolicyFile, type Policy, type PolicyType } from '../../src/document';
import { fixtureText } from './fixtureText';

/** What the locator found, reduced to what a table can state: where, what type, and the label. */
function located(text: string, options: { fileName?: string; type?: PolicyType } = {}): [path: string, type: PolicyType, label: string][] {
  return parsePolicyFile(text, options).policies.map((policy: Policy) => [formatPath(policy.path), policy.type, policy.label]);
}

const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const TRUST_DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

const NO_POLICY: [name: string, text: string][] = [
  ['package.json', '{"name":"x","version":"1.0.0","scripts":{"test":"node --test"},"dependencies":{"a":"^1.0.0"}}'],
  ['tsconfig.json with comments', '// settings\n{"compilerOptions":{"strict":true,},}'],
  ['an empty object', '{}'],
  ['an empty array', '[]'],
  ['an array of policies', `[${DOC}]`],
  ['a number', '42'],
  ['a string', '"Statement"'],
  ['true', 'true'],
  ['null', 'null'],
  ['an empty file', ''],
  ['whitespace', '  \n\t '],
  ['a Version that is not a policy date', '{"Version":"1.2.3","Description":"x"}'],
  ['get-policy output (metadata only)', '{"Policy":{"PolicyName":"p","Arn":"arn:aws:iam::111122223333:policy/p","DefaultVersionId":"v1"}}'],
  ['a CloudFormation template without policies', '{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{}}}}'],
  ['a CloudFormation policy given as an intrinsic', '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Fn::If":["c",{},{}]}}}}}'],
  ['an authorization dump with empty lists', '{"UserDetailList":[],"GroupDetailList":[],"RoleDetailList":[],"Policies":[]}'],
  ['binary garbage', '\u0000\u0007\u00ff{{{]]]'],
];

for (const [name, text] of NO_POLICY) {
  test(`no policy in ${name}`, () => {
    assert.deepEqual(located(text), []);
    assert.deepEqual(located(text, { type: 'scp' }), [], 'a type override does not invent policies');
  });
}

const API_SHAPES: [name: string, text: string, expected: [string, PolicyType, string][]][] = [
  ['a plain policy', DOC, [['', 'identity', 'policy']]],
  ['a policy with only a Version', '{"Version":"2012-10-17"}', [['', 'identity', 'policy']]],
  ['a policy with only a Statement', '{"Statement":[]}', [['', 'identity', 'policy']]],
  ['create-role input', `{"RoleName":"r","AssumeRolePolicyDocument":${TRUST_DOC}}`, [['AssumeRolePolicyDocument', 'trust', 'AssumeRolePolicyDocument']]],
  [
    'get-role output',
    `{"Role":{"Path":"/","RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r","AssumeRolePolicyDocument":${TRUST_DOC}}}`,
    [['Role.AssumeRolePolicyDocument', 'trust', 'AssumeRolePolicyDocument']],
  ],
  [
    'an AssumeRolePolicyDocument is trust even when it names no principal yet',
    `{"RoleName":"r","AssumeRolePolicyDocument":${DOC}}`,
    [['AssumeRolePolicyDocument', 'trust', 'AssumeRolePolicyDocument']],
  ],
  ['put-role-policy input', `{"RoleName":"r","PolicyName":"p","PolicyDocument":${DOC}}`, [['PolicyDocument', 'identity', 'PolicyDocument']]],
  ['get-role-policy output with a resource-shaped document', `{"RoleName":"r","PolicyName":"p","PolicyDocument":${TRUST_DOC}}`, [['PolicyDocument', 'trust', 'PolicyDocument']]],
  [
    'get-policy-version output',
    `{"PolicyVersion":{"Document":${DOC},"VersionId":"v3","IsDefaultVersion":true}}`,
    [['PolicyVersion.Document', 'identity', 'PolicyVersion.Document']],
  ],
  ['a Policy object holding a document', `{"Policy":${DOC}}`, [['Policy', 'identity', 'Policy']]],
  [
    'role properties whose Policies list is not a dump',
    `{"RoleName":"r","AssumeRolePolicyDocument":${TRUST_DOC},"Policies":[{"PolicyName":"p","PolicyDocument":${DOC}}]}`,
    [['AssumeRolePolicyDocument', 'trust', 'AssumeRolePolicyDocument']],
  ],
];

for (const [name, text, expected] of API_SHAPES) {
  test(`locates ${name}`, () => assert.deepEqual(located(text), expected));
}

test('a policy path leads to its document and statement paths stay absolute', () => {
  const text = `{"Role":{"AssumeRolePolicyDocument":${TRUST_DOC}}}`;
  const [policy] = parsePolicyFile(text).policies;
  assert.deepEqual(policy!.path, ['Role', 'AssumeRolePolicyDocument']);
  assert.equal(text.slice(policy!.node.span.offset, policy!.node.span.offset + policy!.node.span.length), TRUST_DOC);
  assert.equal(formatPath(policy!.statements[0]!.action!.values[0]!.path), 'Role.AssumeRolePolicyDocument.Statement[0].Action');
});

test('get-account-authorization-details: users, groups, roles, managed policy versions and a boundary', () => {
  const text = fixtureText('authorization-details.json');
  const policies = parsePolicyFile(text, { fileName: 'authorization-details.json' }).policies;
  assert.deepEqual(
    policies.map((policy) => [formatPath(policy.path), policy.type, policy.label, `${policy.owner?.kind}:${policy.owner?.name}`]),
    [
      ['UserDetailList[0].UserPolicyList[0].PolicyDocument', 'identity', 'inline policy AliceInline of user alice', 'user:alice'],
      ['GroupDetailList[0].GroupPolicyList[0].PolicyDocument', 'identity', 'inline policy DevsInline of group devs', 'group:devs'],
      ['RoleDetailList[0].AssumeRolePolicyDocument', 'trust', 'trust policy of role deployer', 'role:deployer'],
      ['RoleDetailList[0].RolePolicyList[0].PolicyDocument', 'identity', 'inline policy DeployInline of role deployer', 'role:deployer'],
      ['Policies[0].PolicyVersionList[0].Document', 'boundary', 'managed policy DevBoundary v1', 'managed-policy:DevBoundary'],
      ['Policies[1].PolicyVersionList[0].Document', 'identity', 'managed policy ReadEverything v2', 'managed-policy:ReadEverything'],
      ['Policies[1].PolicyVersionList[1].Document', 'identity', 'managed policy ReadEverything v1', 'managed-policy:ReadEverything'],
    ],
  );
  assert.ok(policies.every((policy) => !policy.allowsIntrinsics));
});

test('CloudFormation: every resource type that carries a policy, with its type', () => {
  const text = fixtureText('cloudformation.json');
  const policies = parsePolicyFile(text, { fileName: 'template.json' }).policies;
  assert.deepEqual(
    policies.map((policy) => [formatPath(policy.path), policy.type, `${policy.owner?.kind}:${policy.owner?.name}`]),
    [
      ['Resources.AppRole.Properties.AssumeRolePolicyDocument', 'trust', 'role:AppRole'],
      ['Resources.AppRole.Properties.Policies[0].PolicyDocument', 'identity', 'role:AppRole'],
      ['Resources.Boundary.Properties.PolicyDocument', 'boundary', 'managed-policy:Boundary'],
      ['Resources.SharedPolicy.Properties.PolicyDocument', 'identity', 'managed-policy:SharedPolicy'],
      ['Resources.AttachedPolicy.Properties.PolicyDocument', 'identity', 'managed-policy:AttachedPolicy'],
      ['Resources.BucketPolicy.Properties.PolicyDocument', 'resource', 'resource:BucketPolicy'],
      ['Resources.QueuePolicy.Properties.PolicyDocument', 'resource', 'resource:QueuePolicy'],
      ['Resources.TopicPolicy.Properties.PolicyDocument', 'resource', 'resource:TopicPolicy'],
      ['Resources.Key.Properties.KeyPolicy', 'resource', 'resource:Key'],
      ['Resources.DenyLeavingScp.Properties.Content', 'scp', 'managed-policy:DenyLeavingScp'],
    ],
  );
  assert.ok(policies.every((policy) => policy.allowsIntrinsics), 'CloudFormation values may be intrinsics');
  const boundary = policies.find((policy) => policy.type === 'boundary')!;
  assert.match(boundary.typeReason, /permissions boundary/);
});

const CFN_CASES: [name: string, resources: string, expected: [string, PolicyType][]][] = [
  [
    'an RCP',
    '"R":{"Type":"AWS::Organizations::Policy","Properties":{"Type":"RESOURCE_CONTROL_POLICY","Content":' + DOC + '}}',
    [['Resources.R.Properties.Content', 'rcp']],
  ],
  ['a tag policy is not an IAM policy', '"T":{"Type":"AWS::Organizations::Policy","Properties":{"Type":"TAG_POLICY","Content":' + DOC + '}}', []],
  [
    'a user boundary and inline policy',
    '"U":{"Type":"AWS::IAM::User","Properties":{"PermissionsBoundary":{"Ref":"B"},"Policies":[{"PolicyName":"i","PolicyDocument":' + DOC + '}]}},' +
      '"B":{"Type":"AWS::IAM::ManagedPolicy","Properties":{"PolicyDocument":' + DOC + '}}',
    [
      ['Resources.U.Properties.Policies[0].PolicyDocument', 'identity'],
      ['Resources.B.Properties.PolicyDocument', 'boundary'],
    ],
  ],
  ['a boundary given as an ARN string leaves managed policies alone', '"R":{"Type":"AWS::IAM::Role","Properties":{"PermissionsBoundary":"arn:aws:iam::1:policy/b","AssumeRolePolicyDocument":' + TRUST_DOC + '}},"M":{"Type":"AWS::IAM::ManagedPolicy","Properties":{"PolicyDocument":' + DOC + '}}', [
    ['Resources.R.Properties.AssumeRolePolicyDocument', 'trust'],
    ['Resources.M.Properties.PolicyDocument', 'identity'],
  ]],
  ['a resource without Properties', '"Q":{"Type":"AWS::SQS::QueuePolicy"}', []],
];

for (const [name, resources, expected] of CFN_CASES) {
  test(`CloudFormation: ${name}`, () => {
    const text = `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{${resources}}}`;
    assert.deepEqual(located(text).map(([path, type]) => [path, type]), expected);
  });
}
