import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globCovers } from '../../src/rules/support/globs';
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
