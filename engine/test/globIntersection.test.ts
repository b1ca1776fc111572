import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantiateGlob, intersectGlobs } from '../src/match/globIntersection';
import { matchesGlob } from '../src/match/wildcard';
import { globsIntersect } from '../src/rules/support/globs';

test('the intersection keeps the text of both globs', () => {
  assert.equal(intersectGlobs('arn:aws:s3:::reports/*', 'arn:aws:s3:::*/secret/*'), 'arn:aws:s3:::reports/secret/*');
  assert.equal(intersectGlobs('reports/*', 'reports/*.tmp'), 'reports/*.tmp');
  assert.equal(intersectGlobs('reports/*', '*'), 'reports/*');
  assert.equal(intersectGlobs('a?c', 'abc'), 'abc');
  assert.equal(intersectGlobs('reports/*', 'other/*'), undefined);
  assert.equal(intersectGlobs('', ''), '');
  assert.equal(instantiateGlob('reports/*/?.csv', 'example'), 'reports/example/e.csv');
});

test('on random globs: an intersection is matched by both, and exists exactly when the independent check says so', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const glob = () => Array.from({ length: Math.floor(next() * 7) }, () => 'ab/*?'[Math.floor(next() * 5)]).join('');
  let found = 0;
  for (let i = 0; i < 5000; i++) {
    const a = glob();
    const b = glob();
    const both = intersectGlobs(a, b);
    assert.equal(both !== undefined, globsIntersect(a, b), `${a} ∩ ${b}`);
    if (both === undefined) continue;
    found++;
    for (const filler of ['x', 'ab/']) {
      const witness = instantiateGlob(both, filler);
      assert.ok(matchesGlob(a, witness) && matchesGlob(b, witness), `${witness} from ${both} matches ${a} and ${b}`);
    }
  }
  assert.ok(found > 1000, `only ${found} intersecting pairs`);
});
