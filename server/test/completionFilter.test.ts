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
