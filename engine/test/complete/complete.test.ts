import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateDocumentation, complete } from '../../src/complete';
import type { PolicyType } from '../../src/document';
import { fixtureCatalog } from '../fixtures/catalog';
import { parseWithCursor, policy } from './cursor';

const catalog = fixtureCatalog();

interface Case {
  readonly name: string;
  readonly text: string;
  readonly type?: PolicyType;
  /** Labels that must be offered. */
  readonly includes: readonly string[];
  /** Labels that must not be offered. */
  readonly excludes?: readonly string[];
  /** The text the result's replacement span covers. */
  readonly replaces: string;
}

const TRUST_EC2 = '"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", ';

const CASES: readonly Case[] = [
  // Structure
  { name: 'top-level keys in an empty object', text: '{|}', includes: ['Version', 'Statement'], excludes: ['Id'], replaces: '' },
  { name: 'Id offered in a resource policy', text: policy('"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"').replace('{\n  "Version"', '{|\n  "Version"'), type: 'resource', includes: ['Id'], excludes: ['Version', 'Statement'], replaces: '' },
  { name: 'statement keys of an identity policy', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "|"'), includes: ['Resource', 'Condition', 'Sid'], excludes: ['Principal', 'Effect', 'Action'], replaces: '"' },
  { name: 'statement keys of a trust policy', text: policy(`${TRUST_EC2}"|"`), type: 'trust', includes: ['Sid', 'Condition'], excludes: ['Resource', 'NotResource', 'Principal', 'Action'], replaces: '"' },
  { name: 'statement keys of a resource policy', text: policy('"Effect": "Allow", "Resource": "*", "|"'), type: 'resource', includes: ['Principal', 'NotPrincipal', 'Action'], excludes: ['Resource', 'NotResource'], replaces: '"' },
  { name: 'key typed partly, colon follows', text: policy('"Effect": "Allow", "Ac|": []'), includes: ['Action', 'NotAction'], replaces: 'Ac' },
  { name: 'key outside a string', text: policy('"Effect": "Allow", | '), includes: ['Action'], replaces: '' },
  { name: 'Effect values', text: policy('"Effect": "|"'), includes: ['Allow', 'Deny'], replaces: '' },
  { name: 'Effect values in an RCP', text: policy('"Effect": "|"'), type: 'rcp', includes: ['Deny'], excludes: ['Allow'], replaces: '' },
  { name: 'Version values', text: '{"Version": "20|", "Statement": []}', includes: ['2012-10-17', '2008-10-17'], replaces: '20' },
  { name: 'statement snippet between statements', text: '{"Version": "2012-10-17", "Statement": [|]}', includes: ['Statement'], replaces: '' },
  // Actions
  { name: 'service prefixes', text: policy('"Effect": "Allow", "Action": "s|"'), includes: ['s3', 'sts', 'iam'], replaces: 's' },
  { name: 'actions after the colon', text: policy('"Effect": "Allow", "Action": "s3:Get|"'), includes: ['s3:GetObject', 's3:PutObject', 's3:*', 's3:Get*', 's3:List*'], excludes: ['iam:PassRole'], replaces: 's3:Get' },
  { name: 'actions with the closing quote missing', text: policy('"Effect": "Allow", "Action": "s3:Ge|\n'), includes: ['s3:GetObject'], replaces: 's3:Ge' },
  { name: 'actions in an array', text: policy('"Effect": "Allow", "Action": ["s3:GetObject", "iam:|"]'), includes: ['iam:PassRole', 'iam:CreateServiceLinkedRole'], replaces: 'iam:' },
  { name: 'trust actions first in a trust policy', text: policy('"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "|"'), type: 'trust', includes: ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 's3'], replaces: '' },
  // Resources
  { name: 'ARN formats of the statement actions', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"'), includes: ['*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'], excludes: ['arn:${Partition}:s3:::${BucketName}'], replaces: '' },
  { name: 'resource segment: partition', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:|"'), includes: ['aws', 'aws-cn', 'aws-us-gov'], replaces: '' },
  { name: 'resource segment: service', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:|"'), includes: ['s3'], excludes: ['ec2'], replaces: '' },
  { name: 'resource segment: region', text: policy('"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "arn:aws:ec2:us|"'), includes: ['us-east-1', 'eu-west-1'], replaces: 'us' },
  { name: 'resource segment: rest after the account', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::|"'), includes: ['${BucketName}/${ObjectName}'], replaces: '' },
  { name: 'resource segment after a slash', text: policy('"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:|"'), includes: ['role/${RoleNameWithPath}'], replaces: '' },
  { name: 'policy variable after ${', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:u|"'), includes: ['aws:username', 'aws:userid', 'aws:PrincipalTag/${TagKey}', '*'], excludes: ['aws:TagKeys', 'aws:CalledVia'], replaces: 'aws:u' },
  // Conditions
  { name: 'condition operators', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"|"}'), includes: ['StringEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'Null', 'Bool', 'IpAddress', 'ArnLike', 'BoolIfExists'], excludes: ['NullIfExists', 'ForAnyValue:Null'], replaces: '"' },
  { name: 'condition keys of the actions plus global keys', text: policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"|"}}'), includes: ['s3:authType', 's3:ExistingObjectTag/${TagKey}', 'aws:PrincipalOrgID', 'aws:RequestedRegion'], excludes: ['s3:x-amz-acl'], replaces: '"' },
  { name: 'Bool values', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "|"}}'), includes: ['true', 'false'], replaces: '' },
  { name: 'Null values', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Null": {"aws:PrincipalOrgID": "|"}}'), includes: ['true', 'false'], replaces: '' },
  { name: 'Region values', text: policy('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "|"]}}'), includes: ['us-east-1', 'eu-central-1', 'us-gov-west-1'], replaces: '' },
  { name: 'principal types', text: policy('"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalType": "|"}}'), includes: ['AssumedRole', 'User', 'Account'], replaces: '' },
  { name: 'service principals for iam:PassedToService', text: policy('"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "|"}}'), includes: ['ec2.amazonaws.com', 'lambda.amazonaws.com'], replaces: '' },
  { name: 'GitHub subject shapes', text: policy('"Effect": "Allow", "Principal": {"Federated": "x"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "|"}}'), type: 'trust', includes: ['repo:<org>/<repo>:ref:refs/heads/<branch>', 'repo:<org>/<repo>:environment:<name>'], replaces: '' },
  { name: 'policy variable in a condition value', text: policy('"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:|}"}}'), includes: ['aws:username', 'aws:PrincipalTag/${TagKey}'], replaces: 'aws:' },
  // Principals
  { name: 'principal types in a trust policy', text: policy('"Effect": "Allow", "Principal": {"|"}, "Action": "sts:AssumeRole"'), type: 'trust', includes: ['AWS', 'Service', 'Federated'], excludes: ['CanonicalUser'], replaces: '"' },
  { name: 'principal types in a resource policy', text: policy('"Effect": "Allow", "Principal": {"AWS": "*", "|"}, "Action": "s3:GetObject", "Resource": "*"'), type: 'resource', includes: ['Service', 'CanonicalUser'], excludes: ['AWS', 'Federated'], replaces: '"' },
  { name: 'service principals', text: policy('"Effect": "Allow", "Principal": {"Service": "la|"}, "Action": "sts:AssumeRole"'), type: 'trust', includes: ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com'], replaces: 'la' },
  { name: 'account and role shapes', text: policy('"Effect": "Allow", "Principal": {"AWS": "|"}, "Action": "sts:AssumeRole"'), type: 'trust', includes: ['arn:aws:iam::<account>:root', '<account-id>', 'arn:aws:iam::<account>:role/<name>', '*'], replaces: '' },
  { name: 'identity providers', text: policy('"Effect": "Allow", "Principal": {"Federated": "|"}, "Action": "sts:AssumeRoleWithWebIdentity"'), type: 'trust', includes: ['cognito-identity.amazonaws.com', 'accounts.google.com', 'www.amazon.com', 'graph.facebook.com', 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com', 'arn:aws:iam::<account>:saml-provider/<name>', 'arn:aws:iam::<account>:oidc-provider/<issuer>'], replaces: '' },
  { name: 'principal wildcard as a string', text: policy('"Effect": "Allow", "Principal": "|", "Action": "s3:GetObject", "Resource": "*"'), type: 'resource', includes: ['*'], replaces: '' },
  // CloudFormation
  { name: 'trust policy inside CloudFormation', text: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "|"}, "Action": "sts:AssumeRole"}]}}}}}', includes: ['ec2.amazonaws.com'], replaces: '' },
];

for (const c of CASES) {
  test(`completion: ${c.name}`, () => {
    const { file, offset } = parseWithCursor(c.text, c.type ? { type: c.type } : {});
    const result = complete(file, offset, catalog);
    assert.ok(result, 'expected candidates');
    const labels = result.candidates.map((candidate) => candidate.label);
    for (const label of c.includes) assert.ok(labels.includes(label), `missing ${label} in ${labels.slice(0, 40).join(', ')}`);
    for (const label of c.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
    assert.equal(file.text.slice(result.replace.offset, result.replace.offset + result.replace.length), c.replaces);
    for (const candidate of result.candidates) {
      const documentation = candidate.documentation ?? (candidate.documentationKey && candidateDocumentation(candidate.documentationKey, catalog));
      assert.ok(documentation, `${candidate.label} has no documentation`);
    }
  });
}

const NOTHING: readonly [string, string][] = [
  ['after a complete value', policy('"Effect": "Allow" |')],
  ['in a Sid', policy('"Sid": "|"')],
  ['in a comment', '{"Version": "2012-10-17", // |\n "Statement": []}'],
  ['in a file that is not a policy', '{"name": "my-package", "version": "|"}'],
];

for (const [name, text] of NOTHING) {
  test(`completion: nothing ${name}`, () => {
    const { file, offset } = parseWithCursor(text);
    assert.equal(complete(file, offset, catalog), undefined);
  });
}
