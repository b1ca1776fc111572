import { stringify } from 'yaml';
// Deterministic benchmark inputs: the same bytes on every run, so numbers compare across commits.

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', '*'];
const ACTIONS = [
  's3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:Get*', 'ec2:DescribeInstances', 'ec2:StartInstances',
  'ec2:Describe*', 'iam:PassRole', 'iam:GetRole', 'kms:Decrypt', 'kms:GenerateDataKey*', 'lambda:InvokeFunction',
  'dynamodb:GetItem', 'dynamodb:Query', 'sqs:SendMessage', 'sns:Publish', 'logs:PutLogEvents', 'sts:AssumeRole',
];
const RESOURCES = [
  (i) => `arn:aws:s3:::bench-bucket-${i}/*`,
  (i) => `arn:aws:ec2:${REGIONS[i % REGIONS.length]}:111122223333:instance/i-${(1e6 + i).toString(16)}`,
  (i) => `arn:aws:iam::111122223333:role/service-role-${i}`,
  (i) => `arn:aws:dynamodb:eu-west-1:111122223333:table/orders-${i}`,
  (i) => `arn:aws:lambda:eu-west-1:111122223333:function:handler-${i}`,
  () => '*',
];
const CONDITIONS = [
  () => ({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }),
  (i) => ({ IpAddress: { 'aws:SourceIp': `10.${i % 256}.0.0/16` } }),
  () => ({ Bool: { 'aws:SecureTransport': 'true' } }),
  (i) => ({ StringLike: { 's3:prefix': [`home/\${aws:username}/${i}/*`] }, StringEquals: { 'aws:PrincipalTag/team': 'data' } }),
  () => ({ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
];

/** Statement i of a deterministic family of realistic statements. */
export function benchStatement(i) {
  const actions = [ACTIONS[i % ACTIONS.length], ACTIONS[(i * 7 + 3) % ACTIONS.length]];
  const statement = {
    Sid: `Bench${i}`,
    Effect: i % 9 === 8 ? 'Deny' : 'Allow',
    Action: actions,
    Resource: [RESOURCES[i % RESOURCES.length](i), RESOURCES[(i + 2) % RESOURCES.length](i)],
  };
  if (i % 2 === 0) statement.Condition = CONDITIONS[(i >> 1) % CONDITIONS.length](i);
  return statement;
}

export function policyText(statementCount) {
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statementCount }, (_, i) => benchStatement(i)) }, null, 2);
}

/** A policy of exactly `length` characters: whole statements, then a Sid padded to fill the rest. */
export function policyOfLength(length) {
  let count = 1;
  while (policyText(count + 1).length < length - 64) count++;
  const base = JSON.parse(policyText(count));
  base.Statement[0].Sid = '';
  const shortBy = length - JSON.stringify(base, null, 2).length;
  base.Statement[0].Sid = 'P'.repeat(Math.max(0, shortBy));
  const text = JSON.stringify(base, null, 2);
  if (text.length !== length) throw new Error(`policyOfLength(${length}) produced ${text.length} characters`);
  return text;
}

function inlinePolicy(name, first, count) {
  return { PolicyName: name, PolicyDocument: { Version: '2012-10-17', Statement: Array.from({ length: count }, (_, k) => benchStatement(first + k)) } };
}

/**
 * The shape of `aws iam get-account-authorization-details`, grown (users, groups, roles, managed
 * policies in turn) until it reaches `minLength` characters.
 */
export function authorizationDetailsText(minLength) {
  const details = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for (let i = 0; ; i++) {
    if (i % 16 === 0 && JSON.stringify(details, null, 4).length >= minLength) break;
    const kind = i % 4;
    let entry;
    if (kind === 0) {
      entry = { Path: '/', UserName: `user-${i}`, UserId: `AIDA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::111122223333:user/user-${i}`, CreateDate: '2024-01-01T00:00:00Z', UserPolicyList: [inlinePolicy(`user-inline-${i}`, i, 2)], GroupList: [`group-${i + 1}`], AttachedManagedPolicies: [{ PolicyName: `managed-${i + 3}`, PolicyArn: `arn:aws:iam::111122223333:policy/managed-${i + 3}` }], Tags: [] };
      details.UserDetailList.push(entry);
    } else if (kind === 1) {
      entry = { Path: '/', GroupName: `group-${i}`, GroupId: `AGPA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::111122223333:group/group-${i}`, CreateDate: '2024-01-01T00:00:00Z', GroupPolicyList: [inlinePolicy(`group-inline-${i}`, i, 3)], AttachedManagedPolicies: [] };
      details.GroupDetailList.push(entry);
    } else if (kind === 2) {
      entry = {
        Path: '/service-role/', RoleName: `role-${i}`, RoleId: `AROA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::111122223333:role/role-${i}`, CreateDate: '2024-01-01T00:00:00Z',
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        InstanceProfileList: [], RolePolicyList: [inlinePolicy(`role-inline-${i}`, i, 2)], AttachedManagedPolicies: [], Tags: [{ Key: 'team', Value: 'data' }], RoleLastUsed: {},
      };
      details.RoleDetailList.push(entry);
    } else {
      entry = {
        PolicyName: `managed-${i}`, PolicyId: `ANPA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::111122223333:policy/managed-${i}`, Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1, IsAttachable: true, CreateDate: '2024-01-01T00:00:00Z', UpdateDate: '2024-02-01T00:00:00Z',
        PolicyVersionList: [
          { Document: { Version: '2012-10-17', Statement: Array.from({ length: 4 }, (_, k) => benchStatement(i + k)) }, VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-02-01T00:00:00Z' },
          { Document: { Version: '2012-10-17', Statement: [benchStatement(i)] }, VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-01-01T00:00:00Z' },
        ],
      };
      details.Policies.push(entry);
    }
  }
  return JSON.stringify(details, null, 4);
}

/**
 * Offsets inside action names, ARNs and condition keys of `text`, cycling through the three kinds,
 * for completion and hover requests. Each points a few characters into the value.
 */
export function interestingOffsets(text, count) {
  const kinds = [/"([a-z0-9-]+:[A-Za-z*]+)"/g, /"(arn:aws:[^"]+)"/g, /"(aws:[A-Za-z]+(?:\/\w+)?|s3:prefix)"\s*:/g];
  const lists = kinds.map((pattern) => [...text.matchAll(pattern)].map((match) => match.index + 1 + Math.min(match[1].length, 6)));
  const offsets = [];
  for (let i = 0; offsets.length < count; i++) {
    const list = lists[i % lists.length];
    if (list.length > 0) offsets.push(list[Math.floor(i / lists.length) % list.length]);
  }
  return offsets;
}

/** A CloudFormation template in YAML: roles with a trust policy and an inline policy each, to `minLength` characters. */
export function cloudFormationYamlText(minLength, { intrinsics = false } = {}) {
  const resources = {};
  for (let i = 0; ; i++) {
    if (i % 8 === 0 && stringify({ Resources: resources }).length >= minLength) break;
    const inline = inlinePolicy(`inline-${i}`, i, 2);
    // With intrinsics, every ARN is written as templates write them: !Sub with the partition, the
    // account and a parameter, the way the resolver meets them in real templates.
    if (intrinsics) for (const statement of inline.PolicyDocument.Statement) statement.Resource = statement.Resource.map(asSub);
    resources[`Role${i}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [inline],
      },
    };
  }
  const parameters = intrinsics ? { Parameters: { Prefix: { Type: 'String', Default: 'bench' }, Stage: { Type: 'String' } } } : {};
  return stringify({ AWSTemplateFormatVersion: '2010-09-09', ...parameters, Resources: resources });
}

function asSub(arn) {
  if (!arn.startsWith('arn:aws:')) return arn;
  const [, , service, region, account, ...rest] = arn.split(':');
  const name = rest.join(':').replace(/^bench-/, '${Prefix}-${Stage}-');
  return { 'Fn::Sub': `arn:\${AWS::Partition}:${service}:${region ? '${AWS::Region}' : ''}:${account ? '${AWS::AccountId}' : ''}:${name}` };
}

/**
 * A Terraform root module of `policyCount` policies (about 40 lines each, 2,000 lines for 50): for
 * each, an aws_iam_policy_document of three statements with variables, locals and a resource ARN
 * in them, a role whose trust policy is a second document every fifth time, and an aws_iam_policy.
 */
export function terraformText(policyCount) {
  const lines = ['variable "env" {', '  default = "prod"', '}', '', 'locals {', '  prefix = "bench"', '}', ''];
  for (let i = 0; i < policyCount; i++) {
    lines.push(
      `resource "aws_s3_bucket" "b${i}" {`,
      `  bucket = "bench-bucket-${i}"`,
      '}',
      '',
      `data "aws_iam_policy_document" "p${i}" {`,
      '  statement {',
      `    sid       = "Read${i}"`,
      '    actions   = ["s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion"]',
      `    resources = [aws_s3_bucket.b${i}.arn, "\${aws_s3_bucket.b${i}.arn}/\${var.env}/*"]`,
      '  }',
      '  statement {',
      `    sid       = "Write${i}"`,
      '    actions   = ["s3:PutObject", "s3:DeleteObject"]',
      `    resources = ["arn:aws:s3:::\${local.prefix}-${i}/*"]`,
      '    condition {',
      '      test     = "StringEquals"',
      '      variable = "aws:PrincipalAccount"',
      '      values   = ["111122223333"]',
      '    }',
      '  }',
      '  statement {',
      '    effect    = "Deny"',
      '    actions   = ["s3:*"]',
      `    resources = ["arn:aws:s3:::bench-bucket-${i}/*"]`,
      '    condition {',
      '      test     = "Bool"',
      '      variable = "aws:SecureTransport"',
      '      values   = ["false"]',
      '    }',
      '  }',
      '}',
      '',
      `resource "aws_iam_policy" "p${i}" {`,
      `  name   = "bench-${i}"`,
      `  policy = data.aws_iam_policy_document.p${i}.json`,
      '}',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
