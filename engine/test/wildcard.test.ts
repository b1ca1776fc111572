import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasWildcard, matchesWildcard } from '../src/match/wildcard';

test('literal patterns match only themselves', () => {
  assert.equal(matchesWildcard('s3:GetObject', 's3:GetObject'), true);
  assert.equal(matchesWildcard('s3:GetObject', 's3:GetObjects'), false);
  assert.equal(matchesWildcard('s3:GetObject', 's3:GetObjec'), false);
  assert.equal(matchesWildcard('', ''), true);
  assert.equal(matchesWildcard('', 'a'), false);
  assert.equal(matchesWildcard('a', ''), false);
});

test('* matches any run, including the empty one', () => {
  assert.equal(matchesWildcard('*', ''), true);
  assert.equal(matchesWildcard('*', 'anything at all'), true);
  assert.equal(matchesWildcard('**', ''), true);
  assert.equal(matchesWildcard('Get*', 'Get'), true);
  assert.equal(matchesWildcard('Get*', 'GetObject'), true);
  assert.equal(matchesWildcard('Get*', 'PutObject'), false);
  assert.equal(matchesWildcard('*Object', 'GetObject'), true);
  assert.equal(matchesWildcard('*Object', 'GetObjectAcl'), false);
  assert.equal(matchesWildcard('Get*Acl', 'GetObjectAcl'), true);
  assert.equal(matchesWildcard('Get*Acl', 'GetAcl'), true);
  assert.equal(matchesWildcard('*a*b*c*', 'xxaxxbxxcxx'), true);
  assert.equal(matchesWildcard('*a*b*c*', 'xxcxxbxxaxx'), false);
  // Needs the backtrack to the last star: the first "ab" is a false start.
  assert.equal(matchesWildcard('*abc', 'ababc'), true);
  assert.equal(matchesWildcard('a*bc*d', 'abcbcxd'), true);
  assert.equal(matchesWildcard('a*bc*d', 'abcbcx'), false);
});

test('? matches exactly one character', () => {
  assert.equal(matchesWildcard('?', 'a'), true);
  assert.equal(matchesWildcard('?', ''), false);
  assert.equal(matchesWildcard('?', 'ab'), false);
  assert.equal(matchesWildcard('Get?bject', 'GetObject'), true);
  assert.equal(matchesWildcard('*Object?', 'GetObjects'), true);
  assert.equal(matchesWildcard('*Object?', 'GetObject'), false);
  assert.equal(matchesWildcard('??*', 'a'), false);
  assert.equal(matchesWildcard('??*', 'ab'), true);
  assert.equal(matchesWildcard('*?', ''), false);
});

test('matching is case-sensitive unless ignoreCase is set', () => {
  assert.equal(matchesWildcard('s3:get*', 's3:GetObject'), false);
  assert.equal(matchesWildcard('s3:get*', 's3:GetObject', { ignoreCase: true }), true);
  assert.equal(matchesWildcard('S3:*OBJECT', 's3:GetObject', { ignoreCase: true }), true);
  assert.equal(matchesWildcard('S3:*OBJECT', 's3:GetObject', { ignoreCase: false }), false);
});

test('regular-expression characters are literal', () => {
  assert.equal(matchesWildcard('a.c', 'abc'), false);
  assert.equal(matchesWildcard('a.c', 'a.c'), true);
  assert.equal(matchesWildcard('(a|b)+', '(a|b)+'), true);
  assert.equal(matchesWildcard('[ab]', 'a'), false);
  assert.equal(matchesWildcard('arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::bucket/${aws:username}/x'), true);
});

test('pathological patterns finish quickly (no exponential backtracking)', () => {
  const text = 'a'.repeat(10_000);
  const start = process.hrtime.bigint();
  assert.equal(matchesWildcard('a*a*a*a*a*b', text), false);
  assert.equal(matchesWildcard('a*a*a*a*a*a', text), true);
  assert.equal(matchesWildcard('*a*a*a*a*a*a*a*a*a*a*?', text), true);
  assert.equal(matchesWildcard('*'.repeat(1000) + 'b', text), false);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 1000, `took ${ms.toFixed(1)} ms`);
});

test('hasWildcard', () => {
  assert.equal(hasWildcard('s3:Get*'), true);
  assert.equal(hasWildcard('s3:Get?'), true);
  assert.equal(hasWildcard('s3:GetObject'), false);
});
