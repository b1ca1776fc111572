import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { lintFile } from '../../src/rules/linter';
import { unknownAction } from '../../src/rules/catalog/unknownAction';
import type { Statement } from '../../src/document/model';
import type { Rule, RuleContext } from '../../src/rules/types';
import { fixtureCatalog } from '../fixtures/catalog';

/**
 * Statement rules' findings are reused per statement (same text, same place in the same policy)
 * when the policy around them changed. Whatever is reused must be exactly what a first lint finds:
 * each version below is linted with a catalogue that has seen the earlier ones, and with a fresh one.
 */

const statement = (i: number) =>
  [
    { Sid: `Get${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: ['arn:aws:s3:::bucket/*', 'bucket'] },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.1' } } },
    { Effect: 'Allow', Action: 'iam:PassRole', NotAction: 'ec2:RunInstances', Resource: '*' },
  ][i % 3];

const policy = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 12 }, (_, i) => statement(i)) }, null, 2);

const replace = (text: string, needle: string, nth: number, by: string) => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" #${nth} is in the text`);
  return text.slice(0, offset) + by + text.slice(offset + needle.length);
};

/** Each edit applies to the version before it, as typing would. */
const EDITS: readonly [name: string, edit: (text: string) => string][] = [
  ['the first lint', (text) => text],
  ['a letter typed into one action', (text) => replace(text, 's3:GetObjekt', 2, 's3:GetObjektA')],
  ['another letter typed into it', (text) => replace(text, 's3:GetObjektA', 0, 's3:GetObjektAB')],
  ['the typo fixed', (text) => replace(text, 's3:GetObjektAB', 0, 's3:GetObject')],
  ['a statement inserted first, moving every statement to a new index', (text) => replace(text, '"Statement": [', 0, '"Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "x"},')],
  ['lines growing inside the first statements', (text) => replace(text, '"Effect": "Allow"', 1, '"Effect":\n\n   "Allow"')],
  ['indentation of one statement changed', (text) => replace(text, '\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole"', 0, '\n        {\n      "Effect": "Allow",\n      "Action": "iam:PassRole"')],
  ['a statement removed', (text) => replace(text, '"Sid": "Get3",', 0, '')],
  ['back to the first version (undo)', () => policy],
  ['the policy minified onto one line', (text) => JSON.stringify(JSON.parse(text))],
  ['a letter typed into the minified policy', (text) => replace(text, 's3:GetObjekt', 1, 's3:GetObjektC')],
  ['one statement object instead of an array', () => JSON.stringify({ Version: '2012-10-17', Statement: statement(0) }, null, 2)],
  ['a syntax error in a statement', () => replace(policy, '"s3:ListBucket"', 1, '"s3:ListBucket" "x"')],
  ['CR line endings', (text) => text.replace(/\n/g, '\r')],
];

const findingsOf = (text: string, catalog: ReturnType<typeof fixtureCatalog>) => lintFile(parsePolicyFile(text, { fileName: 'policy.json' }), catalog);

test('statement findings reused across an edit session are the findings of a fresh lint', () => {
  const warm = fixtureCatalog();
  let text = policy;
  const reported = new Set<string>();
  for (const [name, edit] of EDITS) {
    text = edit(text);
    const reused = findingsOf(text, warm);
    const fresh = findingsOf(text, fixtureCatalog());
    assert.ok(fresh.length > 1, `${name}: the statements have findings to reuse (${fresh.length})`);
    assert.deepEqual(reused, fresh, name);
    for (const finding of fresh) reported.add(finding.ruleId);
  }
  // The statement rules of this change, each with findings to reuse.
  for (const id of ['IAM102', 'IAM105', 'IAM014']) assert.ok(reported.has(id), `${id} reports in the session`);
});

test('an edit to one statement runs a statement rule on that statement only', () => {
  const rule = unknownAction as Extract<Rule, { scope: 'statement' }>;
  assert.equal(rule.scope, 'statement');
  const original = rule.check;
  const seen: number[] = [];
  (rule as { check: typeof original }).check = (context: RuleContext, checked: Statement) => {
    seen.push(checked.index);
    original.call(rule, context, checked);
  };
  try {
    const catalog = fixtureCatalog();
    findingsOf(policy, catalog);
    assert.equal(seen.length, 12, 'the first lint checks every statement');
    seen.length = 0;
    const edited = replace(policy, 's3:GetObjekt', 2, 's3:GetObjektA');
    const reused = findingsOf(edited, catalog);
    assert.deepEqual(seen, [6], 'only the edited statement is checked again');
    assert.deepEqual(reused, findingsOf(edited, fixtureCatalog()));
  } finally {
    (rule as { check: typeof original }).check = original;
  }
});
