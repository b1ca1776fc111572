import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { lintFile, type LintOptions } from '../../src/rules/linter';
import { fixtureCatalog } from '../fixtures/catalog';

/**
 * lintFile reuses the findings of policies it has seen before (same text, same place) and moves
 * them to where the policy is now. Whatever it reuses must be exactly what a first lint finds: each
 * version below is linted with a catalogue that has seen the earlier ones, and with a fresh one.
 */

const statements = (n: number) => [
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:getobject', 's3:Get*'], Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a.txt'] },
  { Effect: 'Allow', Action: ['iam:PassRole', 's3:GetObjekt', 'ec2:RunInstances'], Resource: '*' },
  { Sid: `S${n}`, Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.1*' } } },
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.1*' } } },
];

const dump = JSON.stringify(
  {
    UserDetailList: [{ UserName: 'alice', UserPolicyList: [{ PolicyName: 'one', PolicyDocument: { Version: '2012-10-17', Statement: statements(1) } }] }],
    RoleDetailList: [
      {
        RoleName: 'builder',
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        RolePolicyList: [{ PolicyName: 'two', PolicyDocument: { Version: '2012-10-17', Statement: statements(2) } }],
      },
    ],
    Policies: [{ PolicyName: 'three', PolicyVersionList: [{ VersionId: 'v1', Document: { Version: '2012-10-17', Statement: statements(3) } }] }],
  },
  null,
  2,
);

const at = (text: string, needle: string, nth = 0) => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" #${nth} is in the text`);
  return index;
};
const insert = (text: string, offset: number, what: string) => text.slice(0, offset) + what + text.slice(offset);
const replace = (text: string, needle: string, nth: number, by: string) => {
  const offset = at(text, needle, nth);
  return text.slice(0, offset) + by + text.slice(offset + needle.length);
};

/** Each edit applies to the version before it, as typing would. */
const EDITS: readonly [name: string, edit: (text: string) => string][] = [
  ['the first lint', (text) => text],
  ['a typo in the second policy', (text) => replace(text, 's3:GetObjekt', 1, 's3:GetObjekx')],
  ['text inserted before every policy', (text) => insert(text, 1, '\n  "IsTruncated": false,')],
  ['lines growing inside the first policy', (text) => replace(text, '"Effect": "Allow"', 0, '"Effect":\n\n   "Allow"')],
  ['a statement removed from the first policy', (text) => replace(text, '"Sid": "S1",', 0, '')],
  ['back to the first version (undo)', () => dump],
  ['the user list emptied', (text) => text.replace(/"UserDetailList": \[[\s\S]*?\n {2}\],/, '"UserDetailList": [],')],
  ['a role added first, so the role policy keeps its text but not its path', (text) => replace(text, '"RoleDetailList": [', 0, '"RoleDetailList": [{"RoleName": "first"},')],
  ['the role renamed, which changes the labels', (text) => replace(text, '"builder"', 0, '"maker"')],
  ['a syntax error in the last policy', (text) => replace(text, '"v1"', 0, '"v1" "v2"')],
  ['CR line endings', (text) => text.replace(/\n/g, '\r')],
];

const findingsOf = (text: string, catalog: ReturnType<typeof fixtureCatalog>, options?: LintOptions) =>
  lintFile(parsePolicyFile(text, { fileName: 'details.json' }), catalog, options);

test('findings reused across an edit session are the findings of a fresh lint', () => {
  const warm = fixtureCatalog();
  let text = dump;
  let reusedFixSpans = 0;
  for (const [name, edit] of EDITS) {
    text = edit(text);
    const reused = findingsOf(text, warm);
    const fresh = findingsOf(text, fixtureCatalog());
    assert.ok(fresh.length > 5, `${name}: the policies have findings to reuse (${fresh.length})`);
    assert.deepEqual(reused, fresh, name);
    reusedFixSpans += reused.filter((finding) => finding.fixes?.some((fix) => fix.span)).length;
  }
  assert.ok(reusedFixSpans > 0, 'some findings carry fixes with spans, which must move too');
});

test('rules left out of one lint are run when a later lint asks for them', () => {
  const catalog = fixtureCatalog();
  const options: LintOptions = { disabled: ['IAM403', 'redundant-action'], severities: { IAM109: 'info', IAM307: 'off' } };
  assert.deepEqual(findingsOf(dump, catalog, options), findingsOf(dump, fixtureCatalog(), options));
  const all = findingsOf(dump, catalog);
  assert.deepEqual(all, findingsOf(dump, fixtureCatalog()));
  for (const id of ['IAM401', 'IAM403', 'IAM307']) assert.ok(all.some((finding) => finding.ruleId === id), `${id} reports once enabled`);
  assert.equal(all.find((finding) => finding.ruleId === 'IAM109')?.severity, 'warning');
});

test('documents linted in turn keep their own findings', () => {
  const catalog = fixtureCatalog();
  const other = dump.replace(/s3:ListBucket/g, 's3:ListBuckett');
  for (let round = 0; round < 3; round++) {
    for (const text of [dump, other]) assert.deepEqual(findingsOf(text, catalog), findingsOf(text, fixtureCatalog()));
  }
});
