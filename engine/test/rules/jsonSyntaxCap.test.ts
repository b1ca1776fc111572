import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { lintFile } from '../../src/rules/linter';
import { fixtureCatalog } from '../fixtures/catalog';

test('json-syntax reports at most 50 problems and then one line saying how many more follow', () => {
  // Every "?" is a separate syntax error inside the statement array.
  const text = `{"Version": "2012-10-17", "Statement": [${'?,'.repeat(300)} {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`;
  const file = parsePolicyFile(text);
  assert.ok(file.syntaxProblems.length > 100, `the parser finds many problems (${file.syntaxProblems.length})`);
  const syntax = lintFile(file, fixtureCatalog()).filter((finding) => finding.ruleId === 'IAM001');
  assert.equal(syntax.length, 51);
  assert.match(syntax[50]!.message, new RegExp(`^${file.syntaxProblems.length - 50} more JSON syntax errors follow`));
});

test('json-syntax reports every problem when there are few', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "s3:GetObject", "Resource": "*"}]}';
  const file = parsePolicyFile(text);
  const syntax = lintFile(file, fixtureCatalog()).filter((finding) => finding.ruleId === 'IAM001');
  assert.equal(syntax.length, file.syntaxProblems.length);
  assert.ok(syntax.length >= 1);
});
