import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import type { PolicyType } from '../../src/document';
import { fixtureCatalog } from '../fixtures/catalog';
import { parseWithCursor, policy } from '../complete/cursor';

const catalog = fixtureCatalog();

interface Case {
  readonly name: string;
  readonly text: string;
  readonly type?: PolicyType;
  readonly contains: readonly string[];
  readonly lacks?: readonly string[];
  /** The text the hover's span covers. */
  readonly span: string;
}

const CASES: readonly Case[] = [
  { name: 'action', text: policy('"Effect": "Allow", "Action": "s3:Get|Object", "Resource": "*"'), contains: ['**s3:GetObject** · Read', '`object`', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', 'docs.aws.amazon.com/service-authorization'], span: '"s3:GetObject"' },
  { name: 'action wildcard lists its matches', text: policy('"Effect": "Allow", "Action": "s3:Get|*", "Resource": "*"'), contains: ['matches 2 of the', '`s3:GetObject`', '`s3:GetBucketPolicy`'], lacks: ['`s3:PutObject`'], span: '"s3:Get*"' },
  { name: 'bare * action', text: policy('"Effect": "Allow", "Action": "|*", "Resource": "*"'), contains: ['every action of every AWS service'], span: '"*"' },
  { name: 'iam:PassRole note', text: policy('"Effect": "Allow", "Action": "iam:Pass|Role", "Resource": "*"'), contains: ['Passing a role', 'iam:PassedToService'], span: '"iam:PassRole"' },
  { name: 'iam:CreateServiceLinkedRole note', text: policy('"Effect": "Allow", "Action": "iam:CreateService|LinkedRole", "Resource": "*"'), contains: ['iam:AWSServiceName', 'aws-service-role'], span: '"iam:CreateServiceLinkedRole"' },
  { name: 'sts:AssumeRole note', text: policy('"Effect": "Allow", "Action": "sts:Assume|Role", "Resource": "*"'), contains: ['Assuming a role', 'trust policy'], span: '"sts:AssumeRole"' },
  { name: 'resource ARN: type, format, actions', text: policy('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::my-bucket/|*"'), contains: ['resource type `object`', 'Format: `arn:${Partition}:s3:::${BucketName}/${ObjectName}`', 'Taken by `s3:GetObject`', 'Not taken by `s3:ListBucket`'], span: '"arn:aws:s3:::my-bucket/*"' },
  { name: 'resource ARN of a bucket', text: policy('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::my-|bucket"'), contains: ['resource type `bucket`', 'Taken by `s3:ListBucket`'], span: '"arn:aws:s3:::my-bucket"' },
  { name: 'resource * with star-only actions', text: policy('"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "|*"'), contains: ['every resource', '`s3:ListAllMyBuckets`'], span: '"*"' },
  { name: 'policy variable', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:user|name}/*"'), contains: ['Policy variable', 'aws:username', 'only present when the principal is an IAM user'], span: '${aws:username}' },
  { name: 'policy variable under an old Version', text: '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:user|name}"}]}', contains: ['literal text'], span: '${aws:username}' },
  { name: 'condition operator', text: policy('"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"ForAllValues:String|Equals": {"aws:TagKeys": ["a"]}}'), contains: ['ForAllValues:StringEquals', 'every', 'absent'], span: '"ForAllValues:StringEquals"' },
  { name: 'negated IfExists operator', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals|IfExists": {"aws:RequestedRegion": "eu-west-1"}}'), contains: ['Negated', 'IfExists'], span: '"StringNotEqualsIfExists"' },
  { name: 'condition key with presence', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactor|AuthPresent": "false"}}'), contains: ['Bool', 'single-valued', 'temporary credentials'], span: '"aws:MultiFactorAuthPresent"' },
  { name: 'multivalued condition key', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:Tag|Keys": "x"}}'), contains: ['ArrayOfString', 'multivalued'], span: '"aws:TagKeys"' },
  { name: 'tag key resolves to its template', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/te|am": "x"}}'), contains: ['aws:PrincipalTag/team', 'aws:PrincipalTag/${TagKey}'], span: '"aws:PrincipalTag/team"' },
  { name: 'Effect value', text: policy('"Effect": "De|ny", "Action": "s3:*", "Resource": "*"'), contains: ['explicit Deny'], span: '"Deny"' },
  { name: 'element key', text: policy('"Effect": "Allow", "Not|Action": "s3:*", "Resource": "*"'), contains: ['NotAction', 'Deny'], span: '"NotAction"' },
  { name: 'principal type key', text: policy('"Effect": "Allow", "Principal": {"Feder|ated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity"'), contains: ['OIDC', 'SAML'], span: '"Federated"' },
  { name: 'service principal in a resource policy', text: policy('"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazon|aws.com"}, "Action": "s3:PutObject", "Resource": "*"'), type: 'resource', contains: ['AWS CloudTrail', 'aws:SourceArn'], span: '"cloudtrail.amazonaws.com"' },
  { name: 'role ARN outside policies (CloudFormation property)', text: '{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "arn:aws:iam::111122223333:role/service-role/my-|fn-role"}}}}', contains: ['IAM role', '/service-role/'], span: '"arn:aws:iam::111122223333:role/service-role/my-fn-role"' },
  { name: 'managed policy under policy/service-role/', text: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambda|BasicExecutionRole"]}}}}', contains: ['AWS managed', 'cannot change its permissions', 'AWSLambdaBasicExecutionRole.html'], span: '"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"' },
  { name: 'managed policy under policy/aws-service-role/', text: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/aws-service-role/Access|AnalyzerServiceRolePolicy"]}}}}', contains: ['service-linked role', 'PolicyNotAttachable'], span: '"arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy"' },
  { name: 'instance profile ARN', text: '{"Resources": {"I": {"Type": "AWS::EC2::Instance", "Properties": {"IamInstanceProfile": "arn:aws:iam::111122223333:instance-profile/web|-servers"}}}}', contains: ['Instance profile', 'only one role', 'iam:PassRole'], span: '"arn:aws:iam::111122223333:instance-profile/web-servers"' },
];

for (const c of CASES) {
  test(`hover: ${c.name}`, () => {
    const { file, offset } = parseWithCursor(c.text, c.type ? { type: c.type } : {});
    const result = hover(file, offset, catalog);
    assert.ok(result, 'expected a hover');
    for (const part of c.contains) assert.ok(result.markdown.includes(part), `missing "${part}" in:\n${result.markdown}`);
    for (const part of c.lacks ?? []) assert.ok(!result.markdown.includes(part), `unexpected "${part}"`);
    assert.equal(file.text.slice(result.span.offset, result.span.offset + result.span.length), c.span);
  });
}

test('hover: nothing on punctuation and unknown strings outside policies', () => {
  for (const text of [policy('"Effect": "Allow",| "Action": "s3:*"'), '{"name": "pack|age"}']) {
    const { file, offset } = parseWithCursor(text);
    assert.equal(hover(file, offset, catalog), undefined, text);
  }
});
