import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, locateCursor, parsePolicyFile, statementElementOf } from '../../src/document';

/** `|` marks the cursor; the expectation is the path relative to the policy, and whether it is on a key. */
const CASES: [marked: string, path: string | undefined, onKey?: boolean][] = [
  ['{"Statement": [{"Effect": "Allow", "Action": ["s3:Get|Object"]}]}', 'Statement[0].Action[0]'],
  ['{"Statement": [{"Effect": "Allow", "Action": "s3:Get|"}]}', 'Statement[0].Action'],
  ['{"Statement": [{"Effect": "Allow", "Action": "|"}]}', 'Statement[0].Action'],
  ['{"Statement": [{"Effect": "Allow", "Action": "s3:Get|', 'Statement[0].Action'],
  ['{"Statement": [{"Effect": "Allow", "Act|ion": "s3:*"}]}', 'Statement[0].Action', true],
  ['{"Statement": [{"Effect": "Allow", |}]}', 'Statement[0]'],
  ['{"Statement": {"Effect": "Al|low"}}', 'Statement.Effect'],
  ['{"Role": {"AssumeRolePolicyDocument": {"Statement": [{"Action": "sts:Assume|Role"}]}}}', 'Statement[0].Action'],
  ['{"Role": {"Ro|leName": "r", "AssumeRolePolicyDocument": {"Statement": []}}}', undefined],
  ['{"name": "s3:|Get"}', undefined],
];

for (const [marked, expected, onKey = false] of CASES) {
  test(`cursor in ${marked}`, () => {
    const offset = marked.indexOf('|');
    const file = parsePolicyFile(marked.slice(0, offset) + marked.slice(offset + 1));
    const cursor = locateCursor(file, offset);
    assert.equal(cursor && formatPath(cursor.path), expected);
    if (cursor) assert.equal(cursor.onKey, onKey);
  });
}

test('the cursor finds the innermost of several policies in one file', () => {
  const text = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Action": "a"}]}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Action": "b"}]}}]}}}}';
  const file = parsePolicyFile(text);
  assert.equal(file.policies.length, 2);
  const cursor = locateCursor(file, text.indexOf('"b"') + 1)!;
  assert.equal(cursor.policy, file.policies[1]);
  assert.equal(formatPath(cursor.path), 'Statement[0].Action');
});

test('statementElementOf names the element under a statement', () => {
  assert.deepEqual(statementElementOf(['Statement', 2, 'Condition', 'StringEquals', 'aws:x']), { statementIndex: 2, element: 'Condition', rest: ['StringEquals', 'aws:x'] });
  assert.deepEqual(statementElementOf(['Statement', 'Action']), { statementIndex: 0, element: 'Action', rest: [] });
  assert.equal(statementElementOf(['Version']), undefined);
});
