import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globsIntersect } from '../../src/rules/support/globs';
import { SEGMENT } from '../../src/rules/support/arnGlob';

// An oracle by enumeration: with globs of at most three characters, a string matching both (if
// there is one) has at most six characters, so trying every string up to that length decides it.

function matches(glob: string, text: string): boolean {
  // Small inputs only: plain recursion is fine here.
  if (glob === '') return text === '';
  const head = glob[0]!;
  if (head === '*') return matches(glob.slice(1), text) || (text !== '' && matches(glob, text.slice(1)));
  if (head === SEGMENT) return matches(glob.slice(1), text) || (text !== '' && text[0] !== '/' && matches(glob, text.slice(1)));
  if (text === '') return false;
  return (head === '?' || head === text[0]) && matches(glob.slice(1), text.slice(1));
}

const TEXTS: string[] = [''];
for (let length = 1; length <= 6; length++) {
  for (const text of TEXTS.filter((t) => t.length === length - 1)) for (const c of 'ab/') TEXTS.push(text + c);
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

test('globsIntersect agrees with enumeration on random short globs', () => {
  const next = random(7);
  const glob = (alphabet: string) => {
    let text = '';
    const length = Math.floor(next() * 4);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  };
  let intersecting = 0;
  for (let k = 0; k < 3000; k++) {
    const a = glob('ab/*?');
    const b = glob(`ab/*?${SEGMENT}`);
    const expected = TEXTS.some((text) => matches(a, text) && matches(b, text));
    if (expected) intersecting++;
    assert.equal(globsIntersect(a, b), expected, `${JSON.stringify(a)} ∩ ${JSON.stringify(b)}`);
  }
  // Both answers must have come up often, or the test proves little.
  assert.ok(intersecting > 300 && intersecting < 2700, `intersecting ${intersecting}`);
});

test('globsIntersect on ARN-sized globs, long ones included', () => {
  assert.equal(globsIntersect('arn:aws:s3:::my-bucket/*', `arn:*:s3:::${SEGMENT}/*`), true);
  assert.equal(globsIntersect('arn:aws:s3:::my-bucket', `arn:*:s3:::${SEGMENT}/*`), false);
  assert.equal(globsIntersect('instance/i-123', 'volume/*'), false);
  const long = `${'a'.repeat(600)}*`;
  assert.equal(globsIntersect(long, `*${'a'.repeat(700)}`), true);
  assert.equal(globsIntersect(long, `*${'a'.repeat(700)}b`), true);
  assert.equal(globsIntersect(`${'a'.repeat(600)}c`, `*${'a'.repeat(700)}b`), false);
});
