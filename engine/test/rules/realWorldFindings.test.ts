import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyType } from '../../src/document/model';
import { parsePolicyFile } from '../../src/document/policyFile';
import { lintFile } from '../../src/rules/linter';
import type { Severity } from '../../src/rules/types';
import { realCatalog } from '../fixtures/catalog';
import { pathOf } from './harness';

/**
 * Shapes that AWS's own policies and documentation use (issue 15, "false findings"), checked with
 * the real catalogue: each names the findings it must have (rule, path, severity) among the rules
 * it is about, and nothing else from those rules.
 */
interface RealCase {
  readonly name: string;
  readonly statements: readonly object[];
  readonly type?: PolicyType;
  readonly rules: readonly string[];
  readonly expect: readonly string[];
  readonly severities?: Readonly<Record<string, Severity>>;
  readonly message?: RegExp;
}

const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

const CASES: readonly RealCase[] = [
  {
    name: 'Elastic Load Balancing V2 tags listeners, rules, target groups and load balancers (the AWS Load Balancer Controller policy)',
    statements: [
      allow(
        ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
        ['arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*', 'arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*/*'],
      ),
      allow(['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], ['arn:aws:elasticloadbalancing:*:*:targetgroup/*/*', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*']),
      allow(['elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyLoadBalancerAttributes'], 'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*'),
      // Classic Load Balancers keep their own ARNs.
      allow('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/my-classic'),
      // Not a load balancer resource at all: still granted on nothing.
      allow('elasticloadbalancing:AddTags', 'arn:aws:s3:::bucket'),
    ],
    rules: ['IAM109'],
    expect: ['IAM109 warning Statement[4].Action'],
  },
  {
    name: 'the permissions of a SAML-federated role test saml:sub_type and use saml:sub in ARNs (IAM User Guide, SAML-based federation), with the real catalogue',
    statements: [
      allow(
        ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        ['arn:aws:s3:::exampleorgBucket/backup/${saml:namequalifier}/${saml:sub}', 'arn:aws:s3:::exampleorgBucket/backup/${saml:namequalifier}/${saml:sub}/*'],
        { Condition: { StringEquals: { 'saml:sub_type': 'persistent' } } },
      ),
      allow('s3:ListBucket', 'arn:aws:s3:::mybucket', { Condition: { StringLike: { 's3:prefix': '${cognito-identity.amazonaws.com:sub}/*' }, StringEquals: { 'cognito-identity.amazonaws.com:amr': 'authenticated' } } }),
      // saml:iss is in the AssumeRoleWithSAML request only.
      allow('s3:GetObject', 'arn:aws:s3:::mybucket/*', { Condition: { StringEquals: { 'saml:iss': 'https://idp.example.com' } } }),
    ],
    rules: ['IAM110', 'IAM111'],
    expect: ['IAM111 warning Statement[2].Condition.StringEquals["saml:iss"]'],
  },
  {
    name: 'EC2 role credentials pinned to their instance: an IPAddress key compared with another key by a String operator (IAM User Guide, aws:Ec2InstanceSourcePrivateIPv4)',
    statements: [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:Ec2InstanceSourceVpc': '${aws:SourceVpc}', 'aws:Ec2InstanceSourcePrivateIPv4': '${aws:VpcSourceIp}' },
          Null: { 'ec2:SourceInstanceARN': 'false' },
          BoolIfExists: { 'aws:ViaAWSService': 'false' },
        },
      },
      // A literal address is still an address tested as a string.
      allow('s3:GetObject', 'arn:aws:s3:::b/*', { Condition: { StringEquals: { 'aws:Ec2InstanceSourcePrivateIPv4': '10.0.0.1' } } }),
    ],
    rules: ['IAM203'],
    expect: ['IAM203 warning Statement[1].Condition.StringEquals["aws:Ec2InstanceSourcePrivateIPv4"]'],
  },
  {
    name: 'an action of many resource types on another service\'s ARN (the EC2 guide\'s EBS direct APIs example): the message counts the types, naming no single one as the one needed',
    statements: [allow(['kms:Decrypt', 'ec2:CreateTags'], 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')],
    rules: ['IAM109'],
    expect: ['IAM109 warning Statement[0].Action[1]'],
    message: /^ec2:CreateTags takes ec2 resources of \d{3} types \([a-z-]+, [a-z-]+, [a-z-]+ and \d+ more\); no Resource/,
  },
  {
    name: 'iam:UpdateAssumeRolePolicy with sts:AssumeRole is told what it does, not to restrict iam:PassRole (a Quick Start config-rules policy grants both)',
    statements: [allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], '*')],
    rules: ['IAM307'],
    expect: ['IAM307 warning Statement[0].Action[0]'],
    message: /^Together with sts:AssumeRole, iam:UpdateAssumeRolePolicy lets a principal make a role trust it and then act as that role: restrict iam:UpdateAssumeRolePolicy to specific roles/,
  },
  {
    name: 'ForAllValues on keys every request of the actions carries: aws:TagKeys of tagging actions or beside a needed request tag (AmazonEKSNetworkingPolicy, service role policies), a KMS grant\'s operations, Route 53 record names',
    statements: [
      allow(['ecs:TagResource', 'ec2:CreateTags', 'ssm:AddTagsToResource'], '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }),
      allow('ec2:CreateNetworkInterface', '*', {
        Condition: { StringLike: { 'aws:RequestTag/eks:kubernetes-cni-node-name': '*' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:kubernetes-cni-node-name'] } },
      }),
      // Still reported: an action that may send no tags, ...
      allow(['ec2:CreateNetworkInterface', 'ec2:CreateTags'], '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }),
      // ... a request tag that may be missing, ...
      allow('ec2:CreateNetworkInterface', '*', { Condition: { StringEqualsIfExists: { 'aws:RequestTag/team': 'a' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }),
      // ... a wildcard that also names actions sending no tags, and a tag writer that may send an empty set.
      allow('ec2:*Tags', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }),
      allow('s3:PutObjectTagging', '*', { Condition: { 'ForAllValues:StringEquals': { 's3:RequestObjectTagKeys': ['team'] } } }),
      // Keys from a required parameter: a grant's operations, a record set change's names.
      allow('kms:CreateGrant', '*', { Condition: { 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt'] } } }),
      allow('route53:ChangeResourceRecordSets', '*', { Condition: { 'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['*.example.com'] } } }),
      // Still reported: another action without the parameter.
      allow(['kms:CreateGrant', 'kms:RetireGrant'], '*', { Condition: { 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt'] } } }),
    ],
    rules: ['IAM207'],
    expect: [
      'IAM207 warning Statement[2].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]',
      'IAM207 warning Statement[3].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]',
      'IAM207 warning Statement[4].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]',
      'IAM207 warning Statement[5].Condition["ForAllValues:StringEquals"]["s3:RequestObjectTagKeys"]',
      'IAM207 warning Statement[8].Condition["ForAllValues:StringEquals"]["kms:GrantOperations"]',
    ],
  },
  {
    name: 'iam:PassRole on every role with iam:PassedToService (59 AWS managed policies): still reported, without asking for the condition it has',
    statements: [allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } })],
    rules: ['IAM304'],
    expect: ['IAM304 warning Statement[0].Action'],
    message: /^iam:PassRole is granted on every role, for the services iam:PassedToService names: any role, an administrator role included, can be passed to them\. List the role ARNs/,
  },
  {
    name: 'a foundation model with no Region, as a global cross-Region inference profile invokes it (AWS\'s serverless-patterns, AWS\'s guidance); an inference profile still needs one',
    statements: [
      allow('bedrock:InvokeModelWithResponseStream', ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', 'arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0']),
      allow('bedrock:InvokeModel', 'arn:aws:bedrock::111122223333:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    ],
    rules: ['IAM107'],
    expect: ['IAM107 error Statement[1].Resource'],
  },
  {
    name: 'a service role\'s trust policy without aws:SourceAccount: information (the role reaches the service only through iam:PassRole in its own account)',
    type: 'trust',
    statements: [{ Effect: 'Allow', Principal: { Service: ['states.amazonaws.com', 'scheduler.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
    rules: ['IAM311'],
    expect: ['IAM311 info Statement[0].Principal.Service[0]', 'IAM311 info Statement[0].Principal.Service[1]'],
  },
  {
    name: 'a bucket policy for a service without aws:SourceArn: a warning, as Access Analyzer gives',
    type: 'resource',
    statements: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::trail-logs/AWSLogs/*' }],
    rules: ['IAM311'],
    expect: ['IAM311 warning Statement[0].Principal.Service'],
  },
  {
    name: 'a team that wants the trust policy advice as a warning says so, and gets it',
    type: 'trust',
    statements: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    rules: ['IAM311'],
    severities: { IAM311: 'warning' },
    expect: ['IAM311 warning Statement[0].Principal.Service'],
  },
  {
    name: 'role-policy actions on service-linked roles only, which IAM refuses to modify (the FSx for Lustre CSI driver\'s documented policy), are not escalation; on other roles they are',
    statements: [
      allow(['iam:CreateServiceLinkedRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy'], 'arn:aws:iam::*:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*'),
      allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], 'arn:aws:iam::*:role/aws-service-role/*'),
      // One Resource that is not a service-linked role is enough.
      allow('iam:AttachRolePolicy', ['arn:aws:iam::*:role/aws-service-role/*', 'arn:aws:iam::*:role/app-*']),
      // And a path that only starts like one is not one.
      allow('iam:PutRolePolicy', 'arn:aws:iam::*:role/aws-service-role-lookalike/*'),
    ],
    rules: ['IAM307'],
    expect: ['IAM307 warning Statement[2].Action', 'IAM307 warning Statement[3].Action'],
  },
  {
    name: 'an RCP over the services AWS\'s data perimeter examples deny (Cognito user pools, Logs, DynamoDB, AppConfig), from the catalogue\'s current list of RCP services',
    type: 'rcp',
    statements: [
      { Effect: 'Deny', Principal: '*', Action: ['aoss:*', 'cognito-identity:*', 'cognito-idp:*', 'dynamodb:*', 'logs:*', 'appconfig:*', 'sts:AssumeRole'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } },
      // EC2 is not among them.
      { Effect: 'Deny', Principal: '*', Action: 'ec2:RunInstances', Resource: '*' },
    ],
    rules: ['IAM015'],
    expect: ['IAM015 error Statement[1].Action'],
    message: /^RCPs do not apply to ec2: remove the action \(it is not among the \d{2} services whose resources RCPs govern\)/,
  },
  {
    name: 'an SCP laid out for reading (AWS\'s data perimeter SCPs) that fits once its whitespace is removed: a warning that says so',
    type: 'scp',
    // 180 entries: some 6,100 characters with the indentation, about 4,500 without.
    statements: [{ Effect: 'Deny', Action: Array.from({ length: 180 }, (_, i) => `ec2:DescribeThing${String(i).padStart(3, '0')}`), Resource: '*' }],
    rules: ['IAM018'],
    expect: ['IAM018 warning '],
    message: /with its whitespace, over the 5,120 allowed for a service control policy; without whitespace it has 4,\d{3}: remove the whitespace/,
  },
  {
    name: 'an SCP over the quota even without whitespace stays an error',
    type: 'scp',
    statements: [{ Effect: 'Deny', Action: Array.from({ length: 240 }, (_, i) => `ec2:DescribeThing${String(i).padStart(3, '0')}`), Resource: '*' }],
    rules: ['IAM018'],
    expect: ['IAM018 error '],
    message: /over the 5,120 allowed for a service control policy: split it/,
  },
  {
    name: 'Backup recovery points: a catalogue format with ${Vendor} in the service field',
    statements: [allow('backup:DeleteRecoveryPoint', 'arn:aws:backup:*:*:recovery-point:*')],
    rules: ['IAM108', 'IAM109'],
    expect: [],
  },
  {
    name: 'documented ARN forms the catalogue does not model: transforms, the account root, scaling policies',
    statements: [
      allow('cloudformation:CreateChangeSet', 'arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31'),
      allow('iam:DeleteLoginProfile', 'arn:aws:iam::*:root'),
      allow('autoscaling:DescribePolicies', 'arn:aws:autoscaling:*:*:scalingPolicy:*:resource/dynamodb/table/*'),
    ],
    rules: ['IAM108'],
    expect: [],
  },
  {
    name: 'a plausible resource part the catalogue does not model is a warning',
    statements: [allow('logs:CreateLogStream', 'arn:aws:logs:*:*:/aws-glue/*')],
    rules: ['IAM108'],
    expect: ['IAM108 warning Statement[0].Resource'],
  },
  {
    name: 'a misspelt resource type stays an error, with the type meant',
    statements: [allow('sagemaker:CreateEndpoint', 'arn:aws:sagemaker:*:*:endpointconfig/*')],
    rules: ['IAM108'],
    expect: ['IAM108 error Statement[0].Resource'],
    message: /did you mean "endpoint-config"/,
  },
  {
    name: 'a stray colon before the resource part stays an error',
    statements: [allow('config:PutConfigRule', 'arn:aws:config:*:*::config-rule/*')],
    rules: ['IAM108'],
    expect: ['IAM108 error Statement[0].Resource'],
    message: /one colon too many/,
  },
  {
    name: 'a user-configured severity applies to every finding of the rule',
    statements: [allow('logs:CreateLogStream', 'arn:aws:logs:*:*:/aws-glue/*')],
    rules: ['IAM108'],
    severities: { IAM108: 'error' },
    expect: ['IAM108 error Statement[0].Resource'],
  },
  {
    name: 'actions that take only "*" on the service-wide wildcard ARN of their service',
    statements: [allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), allow('logs:DescribeLogGroups', 'arn:aws:logs:*:*:*')],
    rules: ['IAM109'],
    expect: [],
  },
  {
    name: 'an action that takes only "*" on a narrower ARN still does not fit',
    statements: [allow('s3:ListAllMyBuckets', 'arn:aws:s3:::my-bucket')],
    rules: ['IAM109'],
    expect: ['IAM109 warning Statement[0].Action'],
  },
  {
    name: 'ARN operators over String keys that hold ARNs (CloudWatch Logs key policy, tags holding ARNs)',
    statements: [
      allow('kms:Decrypt', '*', { Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:111122223333:log-group:*' } } }),
      allow('sns:Publish', '*', { Condition: { ArnEquals: { 'aws:ResourceTag/target': 'arn:aws:sns:us-east-1:111122223333:t' } } }),
    ],
    rules: ['IAM203'],
    expect: [],
  },
  {
    name: 'an ARN operator over a String key whose value is no ARN is still a mismatch',
    statements: [allow('s3:GetObject', '*', { Condition: { ArnLike: { 'aws:username': 'bob' } } })],
    rules: ['IAM203'],
    expect: ['IAM203 warning Statement[0].Condition.ArnLike["aws:username"]'],
  },
  {
    name: 'a variable in the account field is a warning, in the Region field an error',
    statements: [
      allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:queue'),
      allow('sqs:SendMessage', 'arn:aws:sqs:${aws:RequestedRegion}:111122223333:queue'),
    ],
    rules: ['IAM211'],
    expect: ['IAM211 warning Statement[0].Resource', 'IAM211 error Statement[1].Resource'],
  },
  {
    name: 'a retired service prefix is "not in the catalogue", not "used by no AWS service"',
    statements: [allow(['deepracer:ListModels'], '*')],
    rules: ['IAM101'],
    expect: ['IAM101 error Statement[0].Action[0]'],
    message: /not in the IAM catalogue \(retired, not yet published/,
  },
  {
    name: 'an empty resource part is one finding (IAM105), not also IAM108',
    statements: [allow('organizations:DescribeOrganization', 'arn:aws:organizations::*:')],
    rules: ['IAM105', 'IAM108'],
    expect: ['IAM105 error Statement[0].Resource'],
  },
  {
    name: 'an empty account field with one colon too many is one finding about the account (IAM107)',
    statements: [allow('kms:Decrypt', 'arn:*:kms:*:::*')],
    rules: ['IAM105', 'IAM107', 'IAM108'],
    expect: ['IAM107 error Statement[0].Resource'],
    message: /account ID/,
  },
  {
    name: 'duplicate Sids in a bucket policy: S3 stores it, a warning',
    type: 'resource',
    statements: [
      { Sid: 'Deny', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Sid: 'Deny', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } } },
    ],
    rules: ['IAM013'],
    expect: ['IAM013 warning Statement[1].Sid'],
  },
  {
    name: 'duplicate Sids in an identity policy: IAM rejects it, an error',
    statements: [{ Sid: 'A', ...allow('s3:GetObject', '*') }, { Sid: 'A', ...allow('s3:PutObject', '*') }],
    rules: ['IAM013'],
    expect: ['IAM013 error Statement[1].Sid'],
  },
];

describe('real-world shapes: no false findings, one finding per problem (real catalogue)', () => {
  const catalog = realCatalog();
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const text = JSON.stringify({ Version: '2012-10-17', Statement: testCase.statements }, null, 2);
      const file = parsePolicyFile(text, { type: testCase.type ?? 'identity' });
      // Twice: the second lint replays remembered findings, which must keep their own severity.
      for (let round = 0; round < 2; round++) {
        const findings = lintFile(file, catalog, { severities: testCase.severities }).filter((finding) => testCase.rules.includes(finding.ruleId));
        assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${finding.severity} ${pathOf(finding)}`).sort(), [...testCase.expect].sort(), findings.map((f) => f.message).join('\n'));
        if (testCase.message) for (const finding of findings) assert.match(finding.message, testCase.message);
      }
    });
  }
});
