import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asLiteral, compilePattern, literalText, matchesCompiled, matchesPattern, LITERAL_STAR } from '../../src/evaluate/pattern';
import { compileResourcePattern, matchesResource, prepareResource } from '../../src/evaluate/resourcePattern';

test('wildcard patterns: * any run, ? one character, markers literal', () => {
  const cases: [pattern: string, text: string, expected: boolean][] = [
    ['a*c', 'abbbc', true],
    ['a*c', 'ab', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    [`a${LITERAL_STAR}c`, 'a*c', true],
    [`a${LITERAL_STAR}c`, 'abc', false],
    [asLiteral('x?y'), 'x?y', true],
    [asLiteral('x?y'), 'xzy', false],
    ['*', '', true],
    ['', '', true],
  ];
  for (const [pattern, text, expected] of cases) assert.equal(matchesPattern(pattern, text), expected, `${pattern} ~ ${text}`);
});

test('compiled patterns agree with the matcher', () => {
  const patterns = ['*', 'exact', 'prefix*', 'mid*dle', 'q?', asLiteral('lit*') + '*'];
  const texts = ['', 'exact', 'prefix', 'prefixes', 'middle', 'mid-dle', 'q1', 'lit*x', 'litx'];
  for (const pattern of patterns) {
    const compiled = compilePattern(pattern);
    for (const text of texts) assert.equal(matchesCompiled(compiled, text), matchesPattern(pattern, text), `${pattern} ~ ${text}`);
  }
  assert.equal(compilePattern('*').kind, 'any');
  assert.equal(compilePattern('abc').kind, 'exact');
  assert.equal(compilePattern('ab*').kind, 'prefix');
  assert.equal(compilePattern('a*c').kind, 'general');
  assert.equal(literalText(asLiteral('a*b?')), 'a*b?');
});

test('no exponential backtracking', () => {
  const start = Date.now();
  assert.equal(matchesPattern('a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
  assert.ok(Date.now() - start < 500);
});

test('resource ARNs: head parts ignore case, the resource part does not, * crosses / and :', () => {
  const cases: [pattern: string, arn: string, expected: boolean][] = [
    ['*', 'anything', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true],
    ['ARN:AWS:S3:::bucket/*', 'arn:aws:s3:::bucket/x', true],
    ['arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x', false],
    ['arn:aws:lambda:*:111111111111:function:*', 'arn:aws:lambda:us-east-1:111111111111:function:f:alias', true],
    ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:eu-west-1:111111111111:volume/v-1', false],
    ['arn:aws:iam::111111111111:user/*', 'arn:aws:iam::222222222222:user/bob', false],
    ['arn:aws:s3:*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:*', 'arn:aws:sqs:us-east-1:111111111111:q', false],
    ['arn:aws:s3', 'arn:aws:s3:::bucket', false],
    ['arn:aws:s3:::bucket', '*', false],
    ['*', '*', true],
  ];
  for (const [pattern, arn, expected] of cases) {
    assert.equal(matchesResource(compileResourcePattern(pattern), prepareResource(arn)), expected, `${pattern} ~ ${arn}`);
  }
});
