import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { documentPolicies, hover, lintDocument, lintFile, parsePolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { repoRoot } from './fixtureText';

// Policies written as JSON strings: get-bucket-policy and friends, Terraform plans. Each is linted
// and hovered as the document it is, and what comes back points into the file around it.

const catalog = fixtureCatalog();

const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::reports/*' }],
};

/** The JSON-string token's content at a span of the outer text, decoded: what the inner span covered. */
function decodedAt(text: string, span: { offset: number; length: number }): string {
  return JSON.parse(`"${text.slice(span.offset, span.offset + span.length)}"`);
}

test('get-bucket-policy output: the policy in the Policy string is found, typed and linted where it is written', () => {
  const text = JSON.stringify({ Policy: JSON.stringify(BUCKET_POLICY) }, null, 2);
  const file = parsePolicyFile(text, { fileName: 'bucket-policy-output.json' });
  assert.equal(file.policies.length, 0);
  assert.equal(file.embedded.length, 1);
  assert.equal(file.embedded[0]!.file.policies[0]!.type, 'resource');
  const finding = lintDocument(file, catalog).find((candidate) => candidate.ruleId === 'IAM102');
  assert.ok(finding, 'the unknown action is reported');
  assert.equal(text.slice(finding.span.offset, finding.span.offset + finding.span.length), '\\"s3:GetObjekt\\"');
  assert.deepEqual(finding.path, ['Policy', 'Statement', 0, 'Action']);
  assert.equal(finding.policyIndex, 0);
  assert.deepEqual(documentPolicies(file).map((entry) => entry.path), [['Policy']]);
});

test('a fix inside a policy string is escaped for the string, and applying it gives the corrected policy', () => {
  const text = JSON.stringify({ Policy: JSON.stringify(BUCKET_POLICY) });
  const finding = lintDocument(parsePolicyFile(text), catalog).find((candidate) => candidate.ruleId === 'IAM102')!;
  const fix = finding.fixes?.[0];
  assert.ok(fix, 'the unknown action has a fix');
  const span = fix.span ?? finding.span;
  const fixed = text.slice(0, span.offset) + fix.replacement + text.slice(span.offset + span.length);
  assert.equal(JSON.parse(JSON.parse(fixed).Policy).Statement[0].Action, 's3:GetObject');
});

test('every finding of an embedded policy covers the same text as in the policy on its own, escapes and all', () => {
  const sources = ['policy-with-mistakes.json', 's3-bucket-policy.json'].map((name) => fs.readFileSync(path.join(repoRoot(), 'examples', name), 'utf8'));
  // A pretty-printed policy (line breaks become \n), one with a \u escape, and one with non-ASCII text.
  sources.push(JSON.stringify({ ...BUCKET_POLICY, Statement: [{ ...BUCKET_POLICY.Statement[0], Sid: 'Lecture\u00e9' }] }, null, 4));
  sources.push(JSON.stringify(BUCKET_POLICY).replace('GetObjekt', 'Get\\u004fbjekt'));
  let compared = 0;
  for (const inner of sources) {
    const alone = parsePolicyFile(inner);
    const expected = lintFile(alone, catalog).map((finding) => [finding.ruleId, inner.slice(finding.span.offset, finding.span.offset + finding.span.length)]);
    compared += expected.length;
    const outer = JSON.stringify({ Policy: inner });
    const found = lintDocument(parsePolicyFile(outer), catalog).map((finding) => [finding.ruleId, decodedAt(outer, finding.span)]);
    assert.deepEqual(found, expected);
  }
  assert.ok(compared > 5, `only ${compared} findings compared`);
});

test('hover inside the string is the policy hover, its range in the outer text', () => {
  const text = JSON.stringify({ Policy: JSON.stringify({ ...BUCKET_POLICY, Statement: [{ ...BUCKET_POLICY.Statement[0], Action: 's3:GetObject' }] }) });
  const file = parsePolicyFile(text);
  const at = text.indexOf('s3:GetObject') + 4;
  const result = hover(file, at, catalog);
  assert.ok(result, 'a hover on the action');
  assert.match(result.markdown, /s3:GetObject/);
  assert.equal(text.slice(result.span.offset, result.span.offset + result.span.length), '\\"s3:GetObject\\"');
  assert.equal(hover(file, text.indexOf('"Policy"') + 2, catalog), undefined, 'nothing on the outer key');
});

test('a Terraform plan: trust, SCP and identity policies from their attributes', () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const scp = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
  const identity = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
  const plan = {
    format_version: '1.2',
    resource_changes: [
      { address: 'aws_iam_role.app', type: 'aws_iam_role', change: { after: { name: 'app', assume_role_policy: JSON.stringify(trust) } } },
      { address: 'aws_organizations_policy.guard', type: 'aws_organizations_policy', change: { after: { type: 'SERVICE_CONTROL_POLICY', content: JSON.stringify(scp) } } },
      { address: 'aws_iam_policy.read', type: 'aws_iam_policy', change: { after: { policy: JSON.stringify(identity, null, 2), description: '{"Statement" is not JSON here' } } },
    ],
  };
  const file = parsePolicyFile(JSON.stringify(plan, null, 2), { fileName: 'plan.json' });
  assert.deepEqual(
    documentPolicies(file).map(({ policy, path }) => [path.join('.'), policy.type]),
    [
      ['resource_changes.0.change.after.assume_role_policy', 'trust'],
      ['resource_changes.1.change.after.content', 'scp'],
      ['resource_changes.2.change.after.policy', 'identity'],
    ],
  );
});

test('files with policies of their own are not searched for policies in strings', () => {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/doc': JSON.stringify(BUCKET_POLICY) } } }] });
  const file = parsePolicyFile(text);
  assert.equal(file.policies.length, 1);
  assert.deepEqual(file.embedded, []);
});

test('a string that only looks like a policy, or does not parse, is left alone', () => {
  for (const value of ['{"Statement": oops', '  {"Statement"  ', '["Statement"]']) {
    const file = parsePolicyFile(JSON.stringify({ Policy: value }));
    assert.deepEqual(file.embedded, [], value);
    assert.deepEqual(lintDocument(file, catalog), []);
  }
});
