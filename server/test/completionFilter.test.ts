import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectCandidates, typedFilter } from '../src/features/completionFilter';

// The server drops only candidates an editor could never show for what was typed; these cases pin
// down that boundary (prefix, fuzzy subsequence, VS Code's early-swap typo tolerance).

const MATCHES: readonly [typed: string, word: string, prefix: boolean, shown: boolean][] = [
  ['', 'anything', true, true],
  ['s3:get', 's3:GetObject', true, true],
  ['S3:GETOBJ', 's3:GetObject', true, true],
  ['s3:GO', 's3:GetObject', false, true],
  ['ec2:DI', 'ec2:DescribeInstances', false, true],
  ['ec2:eDsc', 'ec2:DescribeInstances', false, true],
  ['ce2:Desc', 'ec2:DescribeInstances', false, false],
  ['ec2:Dx', 'ec2:DescribeInstances', false, false],
  ['s3:Put', 's3:GetObject', false, false],
  ['ec2:DescribeInstacnes', 'ec2:DescribeInstances', false, false],
  ['"Act', '"Action"', true, true],
  ['xy', 'yx', false, false],
];

for (const [typed, word, prefix, shown] of MATCHES) {
  test(`typedFilter: "${typed}" against ${word}`, () => {
    const filter = typedFilter(typed);
    assert.equal(filter.isPrefix(word), prefix, 'prefix');
    assert.equal(filter.couldMatch(word), shown, 'could be shown');
  });
}

test('typedFilter: a very long typed text filters nothing out', () => {
  assert.equal(typedFilter('x'.repeat(101)).couldMatch('arn:aws:s3:::bucket'), true);
});

const words = ['s3:GetObject', 's3:PutObject', 's3:GetBucketAcl', 's3:ListBucket', 's3:DeleteObject', 's3:GetObjectAcl'];

test('selectCandidates: prefix matches first, then fuzzy ones, each in the given order', () => {
  const filter = typedFilter('s3:getob');
  const { chosen, incomplete } = selectCandidates(words, (w) => w, () => filter, 10);
  assert.deepEqual(chosen, ['s3:GetObject', 's3:GetObjectAcl']);
  assert.equal(incomplete, false);
  const fuzzy = selectCandidates(words, (w) => w, () => typedFilter('s3:obj'), 10);
  assert.deepEqual(fuzzy.chosen, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectAcl']);
});

test('selectCandidates: past the limit the best go out and the reply is incomplete', () => {
  const { chosen, incomplete } = selectCandidates(words, (w) => w, () => typedFilter('s3:'), 3);
  assert.deepEqual(chosen, words.slice(0, 3));
  assert.equal(incomplete, true);
  const mixed = selectCandidates(['b-x', 'a-1', 'a-2', 'xa'], (w) => w, () => typedFilter('a'), 2);
  assert.deepEqual(mixed.chosen, ['a-1', 'a-2'], 'prefix matches win over earlier fuzzy ones');
  assert.equal(mixed.incomplete, true);
  const exact = selectCandidates(['a-1', 'a-2'], (w) => w, () => typedFilter('a'), 2);
  assert.equal(exact.incomplete, false, 'exactly the limit is complete');
});

/** The rule written the obvious way: the typed text or one early neighbour swap is a subsequence. */
function referenceCouldMatch(typed: string, word: string): boolean {
  const t = typed.toLowerCase();
  const w = word.toLowerCase();
  const isSubsequence = (p: string) => {
    let next = 0;
    for (let i = 0; i < w.length && next < p.length; i++) if (w[i] === p[next]) next++;
    return next === p.length;
  };
  if (isSubsequence(t)) return true;
  for (let at = 1; t.length >= 3 && at < Math.min(7, t.length - 1); at++) {
    if (t[at] !== t[at + 1] && isSubsequence(t.slice(0, at) + t[at + 1] + t[at] + t.slice(at + 2))) return true;
  }
  return false;
}

test('typedFilter: couldMatch agrees with the obvious rule on 20,000 generated pairs', () => {
  // A fixed-seed generator over a small alphabet, so that near misses and swaps are common.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const alphabet = 'abcAB:*';
  const text = (max: number) => Array.from({ length: Math.floor(random() * max) + 1 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  let shown = 0;
  for (let i = 0; i < 20_000; i++) {
    const typed = text(9);
    const word = text(14);
    const expected = referenceCouldMatch(typed, word);
    assert.equal(typedFilter(typed).couldMatch(word), expected, `"${typed}" against "${word}"`);
    if (expected) shown++;
  }
  assert.ok(shown > 2000 && shown < 18_000, `both outcomes are exercised (${shown} shown)`);
});
