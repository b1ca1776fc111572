import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parsePolicyFile } from '../../src/document';
import { lintFile } from '../../src/rules/linter';
import { fixtureCatalog } from '../fixtures/catalog';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A document of about 1 MB: policies whose Resources are long ARNs, the kind of text caches key on. */
function bigDocument(): string {
  const statement = (i: number) => ({
    Effect: 'Allow',
    Action: ['s3:GetObject', 'ec2:DescribeInstances'],
    Resource: [`arn:aws:s3:::bucket-number-${i}/*`, `arn:aws:ec2:eu-west-1:111122223333:instance/i-${i}`],
  });
  const policies = Array.from({ length: 500 }, (_, p) => ({
    PolicyName: `p${p}`,
    PolicyVersionList: [{ VersionId: 'v1', Document: { Version: '2012-10-17', Statement: Array.from({ length: 4 }, (__, s) => statement(p * 4 + s)) } }],
  }));
  return JSON.stringify({ Policies: policies }, null, 4);
}

test('caches that outlive a lint do not keep old versions of the document alive', () => {
  const catalog = fixtureCatalog();
  const text = bigDocument();
  assert.ok(text.length > 1_000_000, `the document has ${text.length} characters`);
  const spots = [...text.matchAll(/arn:aws:s3:::bucket-number-\d+\/\*/g)].map((match) => match.index);
  // Each version renames one bucket somewhere else: a new key for every per-text cache.
  const lintVersion = (i: number) => {
    const at = spots[(i * 37) % spots.length]!;
    const edited = `${text.slice(0, at)}arn:aws:s3:::renamed-bucket-number-${i}/*${text.slice(text.indexOf('"', at))}`;
    lintFile(parsePolicyFile(edited, { fileName: 'details.json' }), catalog);
  };
  for (let i = 0; i < 10; i++) lintVersion(i);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let i = 10; i < 50; i++) lintVersion(i);
  collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  // Keeping every version would hold 40 copies of a 1 MB (2 MB in memory) text; the caches' own
  // entries and the last few versions the policy cache keeps stay well under that.
  assert.ok(grown < 20 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB over 40 versions`);
});
