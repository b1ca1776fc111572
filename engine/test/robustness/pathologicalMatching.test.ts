import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile, matchesArnPattern, matchesWildcard, parsePolicyFile, simulate, hover } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { withinTime } from './timing';

// Wildcards written by users are matched without backtracking regular expressions: `a*a*a*…b`
// against a long run of `a`s is the classic input that makes a backtracking matcher exponential.

const STARS = 'a*'.repeat(60) + 'b';
const LONG_A = 'a'.repeat(50_000);

describe('wildcard matching stays fast on pathological patterns', () => {
  const cases: [name: string, pattern: string, text: string, expected: boolean, options?: { ignoreCase: boolean }][] = [
    ['a*a*…b against 50,000 a', STARS, LONG_A, false],
    ['a*a*…b against 50,000 a then b', STARS, LONG_A + 'b', true],
    ['case-insensitive A*A*…B', STARS.toUpperCase(), LONG_A, false, { ignoreCase: true }],
    ['*?*?…b against 50,000 a', '*?'.repeat(60) + 'b', LONG_A, false],
    ['?-runs against a long string', '?'.repeat(40_000) + '*b', LONG_A, false],
    ['a long literal pattern that fails at its end', 'a'.repeat(49_999) + 'c', LONG_A, false],
    ['1,000 stars then b against 50,000 a', '*'.repeat(1_000) + 'b', LONG_A, false],
    ['an a*…b pattern of 5,000 stars against 5,000 a', 'a*'.repeat(5_000) + 'b', 'a'.repeat(5_000), false],
  ];
  for (const [name, pattern, text, expected, options] of cases) {
    it(name, () => {
      const matched = withinTime(name, 1_500, () => matchesWildcard(pattern, text, options));
      assert.equal(matched, expected);
    });
  }
});

describe('ARN matching stays fast on pathological patterns', () => {
  const arn = `arn:aws:s3:::${'a'.repeat(50_000)}`;
  const cases: [name: string, pattern: string, text: string, expected: boolean][] = [
    ['a*a*…b in the resource part', `arn:aws:s3:::${STARS}`, arn, false],
    ['a*a*…b in the region segment', `arn:aws:s3:${STARS}::x`, `arn:aws:s3:${'a'.repeat(50_000)}::x`, false],
    ['a short pattern ending in a star run', `arn:aws:${'*'.repeat(500)}`, arn, true],
    ['a pattern of colons and stars', '*:'.repeat(2_000) + 'b', ':'.repeat(20_000), false],
    ['a request of 50,000 colons', 'arn:aws:s3:::x*', ':'.repeat(50_000), false],
  ];
  for (const [name, pattern, text, expected] of cases) {
    it(name, () => {
      const matched = withinTime(name, 1_500, () => matchesArnPattern(pattern, text));
      assert.equal(matched, expected);
    });
  }
});

describe('pathological wildcards inside a policy', () => {
  const catalog = realCatalog();
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [`s3:${'G*'.repeat(60)}x`, `${'*?'.repeat(60)}:GetObject`],
        Resource: `arn:aws:s3:::${STARS}`,
        Condition: { StringLike: { 'aws:userid': STARS, 'aws:PrincipalTag/x': '*'.repeat(5_000) + 'b' }, ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/${STARS}` } },
      },
    ],
  });

  it('lints, hovers and simulates within time', () => {
    const file = parsePolicyFile(text, { fileName: 'evil.json' });
    withinTime('lint', 3_000, () => lintFile(file, catalog));
    withinTime('hover on the action', 3_000, () => hover(file, text.indexOf('G*G*') + 2, catalog));
    const result = withinTime('simulate', 3_000, () =>
      simulate(
        { identity: [{ policy: file.policies[0]!, source: 'evil.json' }] },
        {
          action: 's3:GetObject',
          resource: `arn:aws:s3:::${'a'.repeat(50_000)}`,
          principal: `arn:aws:iam::111122223333:role/${'a'.repeat(50_000)}`,
          context: { 'aws:userid': 'a'.repeat(50_000), 'aws:PrincipalTag/x': 'a'.repeat(50_000) },
        },
      ),
    );
    assert.equal(result.decision, 'ImplicitDeny');
  });
});
