import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOperator } from '../../src/evaluate/operators';
import { ipInRange } from '../../src/evaluate/operators/ip';
import { parseDate } from '../../src/evaluate/operators/date';

/** One request value against one policy value, positive form of the operator. */
function compare(operator: string, requestValue: string, policyValue: string): boolean {
  const parsed = parseOperator(operator);
  assert.ok(parsed?.family, operator);
  return parsed.family.compile(parsed.base, policyValue)(requestValue);
}

test('every operator family compares one value with one value', () => {
  const cases: [operator: string, request: string, policy: string, expected: boolean][] = [
    ['StringEquals', 'abc', 'abc', true],
    ['StringEquals', 'ABC', 'abc', false],
    ['StringEquals', 'a*', 'a*', true],
    ['StringEquals', 'ab', 'a*', false],
    ['StringEqualsIgnoreCase', 'ABC', 'abc', true],
    ['StringLike', 'abc/def', 'abc*', true],
    ['StringLike', 'abd', 'ab?', true],
    ['StringLike', 'ABC', 'abc', false],
    ['NumericEquals', '10', '10.0', true],
    ['NumericLessThan', '9', '10', true],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '10', false],
    ['NumericGreaterThanEquals', '10', '10', true],
    ['NumericEquals', '', '0', false],
    ['NumericEquals', 'x', 'x', false],
    ['DateEquals', '2024-01-01T00:00:00Z', '1704067200', true],
    ['DateLessThan', '2023-12-31T23:59:59Z', '2024-01-01', true],
    ['DateGreaterThanEquals', '2024-01-01T00:00:00+01:00', '2023-12-31T23:00:00Z', true],
    ['DateEquals', 'yesterday', 'yesterday', false],
    ['Bool', 'TRUE', 'true', true],
    ['Bool', 'false', 'true', false],
    ['BinaryEquals', 'AAEC', 'AAEC', true],
    ['BinaryEquals', 'AAED', 'AAEC', false],
    ['IpAddress', '10.1.2.3', '10.0.0.0/8', true],
    ['IpAddress', '11.1.2.3', '10.0.0.0/8', false],
    ['IpAddress', '2001:db8::1', '2001:db8::/32', true],
    ['IpAddress', '10.1.2.3', '2001:db8::/32', false],
    ['IpAddress', 'not-an-ip', '10.0.0.0/8', false],
    ['ArnLike', 'arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket/*', true],
    ['ArnEquals', 'arn:aws:iam::111111111111:role/r', 'arn:aws:iam::*:role/r', true],
    ['ArnLike', 'arn:aws:iam::111111111111:role/R', 'arn:aws:iam::111111111111:role/r', false],
    ['ArnLike', 'not-an-arn', 'arn:*:*:*:*:*', false],
    ['ArnLike', 'arn:aws:sqs:us-east-1:111111111111:q', '*', true],
  ];
  for (const [operator, request, policy, expected] of cases) assert.equal(compare(operator, request, policy), expected, `${operator} ${request} vs ${policy}`);
});

test('operators are taken apart: set qualifier, IfExists, negation; unknown ones are undefined', () => {
  assert.deepEqual(
    (({ base, setQualifier, ifExists, negated, isNull }) => ({ base, setQualifier, ifExists, negated, isNull }))(parseOperator('ForAnyValue:StringNotLikeIfExists')!),
    { base: 'stringnotlike', setQualifier: 'ForAnyValue', ifExists: true, negated: true, isNull: false },
  );
  assert.equal(parseOperator('Null')?.isNull, true);
  assert.equal(parseOperator('NullIfExists'), undefined);
  assert.equal(parseOperator('StringEqualz'), undefined);
  assert.equal(parseOperator('SomeValues:StringEquals'), undefined);
  for (const negated of ['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NumericNotEquals', 'DateNotEquals', 'NotIpAddress', 'ArnNotEquals', 'ArnNotLike']) {
    assert.equal(parseOperator(negated)?.negated, true, negated);
  }
  for (const positive of ['StringEquals', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'BinaryEquals', 'IpAddress', 'ArnLike']) {
    assert.equal(parseOperator(positive)?.negated, false, positive);
  }
});

test('IP ranges: IPv4, IPv6, embedded IPv4, host bits, bad input', () => {
  assert.equal(ipInRange('192.0.2.9', '192.0.2.0/28'), true);
  assert.equal(ipInRange('192.0.2.17', '192.0.2.0/28'), false);
  assert.equal(ipInRange('192.0.2.200', '192.0.2.7/24'), true);
  assert.equal(ipInRange('0.0.0.0', '0.0.0.0/0'), true);
  assert.equal(ipInRange('::ffff:192.0.2.1', '::ffff:192.0.2.0/120'), true);
  assert.equal(ipInRange('2001:db8:0:0:0:0:0:1', '2001:db8::1'), true);
  assert.equal(ipInRange('2001:db8::2', '2001:db8::1'), false);
  assert.equal(ipInRange('256.0.0.1', '0.0.0.0/0'), false);
  assert.equal(ipInRange('1.2.3.4', '1.2.3.4/33'), false);
  assert.equal(ipInRange('1.2.3.4', '1.2.3.4/8/9'), false);
  assert.equal(ipInRange('1:2:3', '::/0'), false);
});

test('dates: ISO 8601 in UTC unless a zone is given, or epoch seconds', () => {
  assert.equal(parseDate('2024-01-01'), Date.UTC(2024, 0, 1));
  assert.equal(parseDate('2024-01-01T10:00:00'), Date.UTC(2024, 0, 1, 10));
  assert.equal(parseDate('2024-01-01T10:00:00+02:00'), Date.UTC(2024, 0, 1, 8));
  assert.equal(parseDate('1704067200'), Date.UTC(2024, 0, 1));
  assert.equal(parseDate('Jan 1 2024'), undefined);
});
