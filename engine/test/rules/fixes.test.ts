import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, FixHint } from '../../src/rules/types';
import { fixtureCatalog } from '../fixtures/catalog';
import { allow, caseText, lintCase, pathOf, policy, trust, type RuleCase } from './harness';

const catalog = fixtureCatalog();

interface FixCase extends RuleCase {
  readonly rule: string;
  /** JSON path of the finding whose fix is applied. */
  readonly path: string;
  /** Part of the fix's title, to pick one of several. */
  readonly title: string;
  /** The policy after the fix, as a value: the result must be valid JSON and mean exactly this. */
  readonly expected: unknown;
}

export function applyFix(text: string, finding: Finding, fix: FixHint): string {
  const span = fix.span ?? finding.span;
  return text.slice(0, span.offset) + fix.replacement + text.slice(span.offset + span.length);
}

const skeleton = { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:config:*:111122223333:*' } };

const CASES: readonly FixCase[] = [
  { rule: 'IAM002', path: '', title: 'Version', policy: { Statement: [allow()] }, expected: policy(allow()) },
  { rule: 'IAM005', path: 'Statement[0].Effect', title: 'Allow', policy: policy(allow({ Effect: 'allow' })), expected: policy(allow()) },
  { rule: 'IAM009', path: 'Statement[0].Actions', title: 'Rename', policy: policy({ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }), expected: policy(allow({ Resource: '*' })) },
  { rule: 'IAM101', path: 'Statement[0].Action', title: 's3:GetObject', policy: policy(allow({ Action: 's4:GetObject' })), expected: policy(allow()) },
  { rule: 'IAM102', path: 'Statement[0].Action', title: 's3:GetObject', policy: policy(allow({ Action: 's3:GetObjekt' })), expected: policy(allow()) },
  {
    rule: 'IAM109',
    path: 'Statement[0].Action[0]',
    title: 'Add arn:aws:s3:::my-bucket/* to Resource',
    policy: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket'] })),
    expected: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] })),
  },
  {
    rule: 'IAM109',
    path: 'Statement[0].Action[1]',
    title: 'Add arn:aws:s3:::my-bucket to Resource',
    policy: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::my-bucket/reports/*' })),
    expected: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket/reports/*', 'arn:aws:s3:::my-bucket'] })),
  },
  {
    rule: 'IAM109',
    path: 'Statement[0].Action[0]',
    title: 'Move s3:GetObject to a statement of its own',
    policy: policy(allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::my-bucket', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
    expected: policy(
      allow({ Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::my-bucket', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      { Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' },
    ),
  },
  {
    rule: 'IAM106',
    path: 'Statement[0].Resource',
    title: 'service',
    policy: policy(allow({ Resource: 'arn:aws:S3:::example-bucket/*' })),
    expected: policy(allow()),
  },
  {
    rule: 'IAM113',
    path: 'Statement[0].Action[1]',
    title: 'Expand',
    policy: policy(allow({ Action: ['s3:GetObject', 's3:Put*'] })),
    expected: policy(allow({ Action: ['s3:GetObject', 's3:PutObject', 's3:PutBucketPolicy'] })),
  },
  {
    rule: 'IAM113',
    path: 'Statement[0].Action',
    title: 'Expand',
    policy: policy(allow({ Action: 's3:Put*' })),
    expected: policy(allow({ Action: ['s3:PutObject', 's3:PutBucketPolicy'] })),
  },
  {
    rule: 'IAM202',
    path: 'Statement[0].Condition.Bool["aws:SecureTransport"]',
    title: 'true',
    policy: policy(allow({ Condition: { Bool: { 'aws:SecureTransport': 'yes' } } })),
    expected: policy(allow({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
  },
  {
    rule: 'IAM202',
    path: 'Statement[0].Condition.DateLessThan["aws:CurrentTime"]',
    title: '2026-01-31',
    policy: policy(allow({ Condition: { DateLessThan: { 'aws:CurrentTime': '2026/01/31' } } })),
    expected: policy(allow({ Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-31' } } })),
  },
  {
    rule: 'IAM208',
    path: 'Statement[0].Condition.StringEquals["aws:TagKeys"]',
    title: 'ForAnyValue',
    policy: policy(allow({ Condition: { StringEquals: { 'aws:TagKeys': 'team' } } })),
    expected: policy(allow({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } } })),
  },
  {
    rule: 'IAM209',
    path: 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]',
    title: 'StringLike',
    policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalTag/team': 'dev-*' } } })),
    expected: policy(allow({ Condition: { StringLike: { 'aws:PrincipalTag/team': 'dev-*' } } })),
  },
  {
    rule: 'IAM105',
    path: 'Statement[0].Resource',
    title: 'arn:aws:s3:::my-bucket/*',
    policy: policy(allow({ Resource: 'arn:aws:s3:my-bucket/*' })),
    expected: policy(allow({ Resource: 'arn:aws:s3:::my-bucket/*' })),
  },
  {
    rule: 'IAM105',
    path: 'Statement[0].Resource[1]',
    title: 'arn:aws-cn:s3:::my-bucket',
    policy: policy(allow({ Action: 's3:ListBucket', Resource: ['arn:aws-cn:s3:::other', 'arn:aws-cn:s3::my-bucket'] })),
    expected: policy(allow({ Action: 's3:ListBucket', Resource: ['arn:aws-cn:s3:::other', 'arn:aws-cn:s3:::my-bucket'] })),
  },
  {
    rule: 'IAM024',
    path: '',
    title: 'Remove the comment',
    fileName: 'reader.json',
    policy: '{\n  // reviewed by security\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}',
    expected: policy(allow({ Resource: '*' })),
  },
  {
    rule: 'IAM024',
    path: '',
    title: 'Remove the comment',
    policy: '{\n  "Version": "2012-10-17", /* 2012 is current */\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}',
    expected: policy(allow({ Resource: '*' })),
  },
  {
    rule: 'IAM024',
    path: '',
    title: 'Remove the trailing comma',
    policy: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },]\n}',
    expected: policy(allow({ Resource: '*' })),
  },
  {
    rule: 'IAM214',
    path: 'Statement[0].Condition.IpAddress["aws:SourceIp"]',
    title: '203.0.113.0/24',
    policy: policy(allow({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.9/24' } } })),
    expected: policy(allow({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
  },
  {
    rule: 'IAM311',
    path: 'Statement[0].Principal.Service',
    title: 'aws:SourceAccount',
    type: 'trust',
    policy: policy(trust({ Service: 'config.amazonaws.com' })),
    expected: policy(trust({ Service: 'config.amazonaws.com' }, { Condition: skeleton })),
  },
  {
    rule: 'IAM311',
    path: 'Statement[0].Principal.Service',
    title: 'aws:SourceAccount',
    type: 'trust',
    policy: policy(trust({ Service: 'config.amazonaws.com' }, { Condition: { StringEquals: { 'aws:PrincipalTag/x': 'y' } } })),
    expected: policy(trust({ Service: 'config.amazonaws.com' }, { Condition: { StringEquals: { 'aws:PrincipalTag/x': 'y', 'aws:SourceAccount': '111122223333' } } })),
  },
  {
    rule: 'IAM313',
    path: 'Statement[0].Principal.Federated',
    title: 'sub',
    type: 'trust',
    policy: policy(trust({ Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, { Action: 'sts:AssumeRoleWithWebIdentity' })),
    expected: policy(
      trust(
        { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        { Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:OWNER/REPO:ref:refs/heads/main' } } },
      ),
    ),
  },
  {
    rule: 'IAM401',
    path: 'Statement[0].Action[0]',
    title: 'Remove',
    policy: policy(allow({ Action: ['s3:GetObject', 's3:Get*', 's3:PutObject'] })),
    expected: policy(allow({ Action: ['s3:Get*', 's3:PutObject'] })),
  },
  {
    rule: 'IAM402',
    path: 'Statement[0].Resource[2]',
    title: 'Remove',
    policy: policy(allow({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*', 'arn:aws:s3:::b/x'] })),
    expected: policy(allow({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/*'] })),
  },
  {
    rule: 'IAM403',
    path: 'Statement[1].Sid',
    title: 'Remove',
    policy: policy(allow({ Sid: 'A' }), allow({ Sid: 'B' }), allow({ Sid: 'C', Action: 's3:PutObject' })),
    expected: policy(allow({ Sid: 'A' }), allow({ Sid: 'C', Action: 's3:PutObject' })),
  },
  {
    rule: 'IAM215',
    path: 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][1]',
    title: 'Remove',
    policy: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'a'] } } })),
    expected: policy(allow({ Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a'] } } })),
  },
];

describe('quick fixes', () => {
  for (const testCase of CASES) {
    it(`${testCase.rule} at ${testCase.path || '(policy)'}: ${testCase.title}`, () => {
      const text = caseText(testCase);
      const { findings } = lintCase(testCase, catalog);
      const finding = findings.find((f) => f.ruleId === testCase.rule && pathOf(f) === testCase.path);
      assert.ok(finding, `no ${testCase.rule} finding at ${testCase.path}`);
      const fix = finding.fixes?.find((candidate) => candidate.title.includes(testCase.title));
      assert.ok(fix, `no fix titled like "${testCase.title}" among ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
      const fixed = applyFix(text, finding, fix);
      assert.deepEqual(JSON.parse(fixed), testCase.expected, fixed);
      const again = lintCase({ ...testCase, policy: fixed }, catalog).findings;
      assert.equal(again.some((f) => f.ruleId === testCase.rule && pathOf(f) === testCase.path && f.message === finding.message), false, 'the fix resolves the finding');
    });
  }
});

describe('no quick fix where the intended value is not certain', () => {
  const cases: readonly (RuleCase & { rule: string; path: string })[] = [
    // An IAM role ARN needs an account, an S3 access point a Region and an account: neither can be guessed.
    { rule: 'IAM105', path: 'Statement[0].Resource', policy: policy(allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam::role/R' })) },
    { rule: 'IAM105', path: 'Statement[0].Resource', policy: policy(allow({ Resource: 'arn:aws:s3::accesspoint/ap/*' })) },
    // A Region written before the bucket: the bucket ARN is likely, but not the only reading.
    { rule: 'IAM105', path: 'Statement[0].Resource', policy: policy(allow({ Resource: 'arn:aws:s3:us-east-1:my-bucket/*' })) },
  ];
  for (const testCase of cases) {
    it(`${testCase.rule} on ${caseText(testCase).match(/"Resource": "([^"]*)"/)?.[1]}`, () => {
      const finding = lintCase(testCase, catalog).findings.find((f) => f.ruleId === testCase.rule && pathOf(f) === testCase.path);
      assert.ok(finding, `no ${testCase.rule} finding at ${testCase.path}`);
      assert.deepEqual(finding.fixes ?? [], []);
    });
  }
});
