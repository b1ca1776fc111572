import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { scanPosition } from '../../src/complete/scan';

const POLICY = `{
  // a comment before the statements
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "One", "Effect": "Allow", "Action": ["s3:GetObject", "s3:Put*"], "Resource": "arn:aws:s3:::b/*"},
    {
      "Effect": "Deny", /* inline */ "NotAction": "iam:*",
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "b\\"c"]}, "Bool": {"aws:SecureTransport": false}}
    }
  ]
}`;

test('scanning from a statement gives the same position as scanning the whole text, at every offset inside it', () => {
  const file = parsePolicyFile(POLICY);
  assert.equal(file.syntaxProblems.length, 0);
  let compared = 0;
  for (const statement of file.policies[0]!.statements) {
    const { offset: begin, length } = statement.node.span;
    for (let offset = begin + 1; offset < begin + length; offset++) {
      const whole = scanPosition(POLICY, offset);
      const fromStatement = scanPosition(POLICY, offset, { offset: begin, path: statement.node.path });
      assert.deepEqual(fromStatement, whole, `offset ${offset}: ${JSON.stringify(POLICY.slice(offset - 10, offset))}|`);
      compared++;
    }
  }
  assert.ok(compared > 200);
});
