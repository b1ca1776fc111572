import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globCovers, isLiteralGlob } from '../../src/rules/support/globs';
import { UNKNOWN_MARK } from '../../src/document/unknown';
import { Prng } from '../robustness/prng';

/**
 * The table-filling reading of "outer covers inner" (inner's `*` only taken by a `*` of outer, its
 * `?` by `?` or `*`): the reference the linear scan must agree with.
 */
function coversByTable(outer: string, inner: string): boolean {
  const n = outer.length;
  const m = inner.length;
  const reach: boolean[][] = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) reach[i]![j] = j === m;
      else if (outer[i] === '*') reach[i]![j] = reach[i + 1]![j]! || (j < m && reach[i]![j + 1]!);
      else if (j === m || inner[j] === '*') reach[i]![j] = false;
      else reach[i]![j] = (outer[i] === '?' || outer[i] === inner[j]) && reach[i + 1]![j + 1]!;
    }
  }
  return reach[0]![0]!;
}

describe('globCovers agrees with the table on random patterns', () => {
  it('20,000 pairs over a small alphabet', () => {
    const generator = new Prng(15);
    const random = () => generator.nextUint32() / 2 ** 32;
    const pattern = () => Array.from({ length: Math.floor(random() * 8) }, () => 'ab*?:'[Math.floor(random() * 5)]).join('');
    for (let k = 0; k < 20_000; k++) {
      const outer = pattern();
      const inner = pattern();
      assert.equal(globCovers(outer, inner), coversByTable(outer, inner), `${JSON.stringify(outer)} covers ${JSON.stringify(inner)}`);
    }
  });

  it('the usual shapes', () => {
    assert.equal(globCovers('s3:Get*', 's3:GetObject*'), true);
    assert.equal(globCovers('arn:aws:logs:*:*:log-group:/aws/*:*', 'arn:aws:logs:*:*:log-group:/aws/lambda/x:*'), true);
    assert.equal(globCovers('arn:aws:logs:*:*:log-group:/aws/?:*', 'arn:aws:logs:*:*:log-group:/aws/*:*'), false);
    assert.equal(globCovers('a?c', 'a?c'), true);
    assert.equal(globCovers('a?c', 'a*c'), false);
  });
});

describe('isLiteralGlob', () => {
  it('a literal glob covers exactly its own text (what redundant-statement relies on to use a set)', () => {
    const texts = ['s3:getobject', 's3:get*', 's3:get?bject', 's3:*', '*', 'arn:aws:s3:::b/k', 'arn:aws:s3:::b/*', `arn:aws:s3:::${UNKNOWN_MARK}/k`, 'arn:aws:s3:::b/${aws:username}', ''];
    let literals = 0;
    for (const outer of texts) {
      if (!isLiteralGlob(outer)) continue;
      literals++;
      for (const inner of texts) assert.equal(globCovers(outer, inner), outer === inner, `${outer} / ${inner}`);
    }
    assert.ok(literals >= 3, 'some texts are literal');
    assert.equal(isLiteralGlob('s3:get*'), false);
    assert.equal(isLiteralGlob(`arn:aws:s3:::${UNKNOWN_MARK}/k`), false);
  });
});
