import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasWildcard, LITERAL_QUESTION, LITERAL_STAR, matchesBySegments, matchesGlob, matchesWildcard } from '../src/match/wildcard';

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
  // A middle part may not reach into the part the text must end with.
  assert.equal(matchesWildcard('*a*a', 'a'), false);
  assert.equal(matchesWildcard('a*b*b', 'ab'), false);
  assert.equal(matchesWildcard('a*b*b', 'abb'), true);
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

// A reference written the slow, obvious way: a table of which pattern prefixes match which text
// prefixes. Random inputs drawn from a tiny alphabet reach every branch of both matchers (short inputs
// and long ones).
function referenceMatch(pattern: string, text: string): boolean {
  let row = [true, ...Array<boolean>(text.length).fill(false)];
  for (const c of pattern) {
    const next = [c === '*' && row[0]!];
    for (let j = 1; j <= text.length; j++) {
      const t = text[j - 1];
      const one = c === '?' || c === t || (c === LITERAL_STAR && t === '*') || (c === LITERAL_QUESTION && t === '?');
      next[j] = c === '*' ? row[j]! || next[j - 1]! : one && row[j - 1]!;
    }
    row = next;
  }
  return row[text.length]!;
}

function randomString(random: () => number, alphabet: string, maxLength: number): string {
  const length = Math.floor(random() * (maxLength + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** A text the pattern matches (each star filled with a few random letters), then often spoiled by one edit. */
function nearInstance(random: () => number, pattern: string): string {
  let text = '';
  for (const c of pattern) {
    if (c === '*') text += randomString(random, 'ab', 3);
    else if (c === '?') text += 'ab*?'[Math.floor(random() * 4)];
    else text += c === LITERAL_STAR ? '*' : c === LITERAL_QUESTION ? '?' : c;
  }
  const at = Math.floor(random() * (text.length + 1));
  const edit = Math.floor(random() * 4);
  if (edit === 1) return text.slice(0, at) + text.slice(at + 1);
  if (edit === 2) return text.slice(0, at) + 'ab'[Math.floor(random() * 2)] + text.slice(at);
  if (edit === 3) return text.slice(0, at) + 'ab'[Math.floor(random() * 2)] + text.slice(at + 1);
  return text;
}

test('matching agrees with a table-driven reference on random patterns, short and long', () => {
  const random = seeded(7);
  const outcomes = { true: 0, false: 0 };
  for (let i = 0; i < 4_000; i++) {
    const long = i % 8 === 0;
    const pattern = randomString(random, `aabb***??${LITERAL_STAR}${LITERAL_QUESTION}`, long ? 160 : 10);
    const text = i % 2 === 0 ? nearInstance(random, pattern) : randomString(random, 'ab*?', long ? 400 : 12);
    const expected = referenceMatch(pattern, text);
    outcomes[`${expected}`]++;
    assert.equal(matchesGlob(pattern, text), expected, `${JSON.stringify(pattern)} against ${JSON.stringify(text)}`);
    // The segment-wise path, which matchesGlob keeps for long inputs, on every input.
    assert.equal(matchesBySegments(pattern, text), expected, `segments: ${JSON.stringify(pattern)} against ${JSON.stringify(text)}`);
  }
  // Both answers must be common, or the comparison says little.
  assert.ok(outcomes.true > 800 && outcomes.false > 800, JSON.stringify(outcomes));
});

test('a pattern of 200 KB against a value of 20 KB, ten times what AWS accepts, is decided in one pass', () => {
  const value = 'a'.repeat(20_480);
  const cases: [pattern: string, expected: boolean][] = [
    ['a*'.repeat(100_000) + 'b', false],
    ['a*'.repeat(10_000) + 'a', true],
    ['*' + 'a?'.repeat(5_000) + 'b*', false],
    ['*' + 'a'.repeat(10_000) + 'b' + '*', false],
    ['?*'.repeat(100_000), false],
  ];
  for (const [pattern, expected] of cases) {
    const started = performance.now();
    assert.equal(matchesGlob(pattern, value), expected);
    const elapsed = performance.now() - started;
    // The pattern-by-text loop needs seconds here; one pass needs milliseconds. The limit leaves room for
    // a loaded machine.
    assert.ok(elapsed < 1_500, `${pattern.slice(0, 12)}… took ${elapsed.toFixed(0)} ms`);
  }
});
