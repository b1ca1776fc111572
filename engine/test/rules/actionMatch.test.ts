import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listedMatching } from '../../src/rules/support/actionMatch';
import { matchesWildcard } from '../../src/match/wildcard';
import { realCatalog } from '../fixtures/catalog';

/**
 * listedMatching answers from an index of the list (a lookup for a literal, a binary-searched run of
 * names for a wildcard's literal head): it must give exactly what asking every name gives, in the
 * list's own order, whatever the case of the pattern and however the list is ordered.
 */
test('listedMatching gives what asking every listed name gives, in list order', () => {
  const catalog = realCatalog();
  const names = ['s3', 'iam', 'ec2', 'kms', 'sts'].flatMap((prefix) => catalog.service(prefix)!.actions.map((action) => `${prefix}:${action.name}`));
  // Not in code-unit order, with a duplicate in other case: the index must not reorder or merge them.
  const listed = [...names.slice(0, 400).reverse(), 'IAM:PassRole', ...names.slice(400), 'iam:passrole'];
  const patterns = ['s3:Get*', 'S3:GET*', 's3:*Object', 'iam:Pass?ole', 'iam:PassRole', 'IAM:PASSROLE', '*', 'ec2:*', 'kms:Re*crypt*', 'sts:Assume*', 's3:?etObject', 'nope:*', 'iam:', 's3:GetObject*', '*:Get*', '?3:*'];
  for (const pattern of patterns) {
    const expected = listed.filter((name) => matchesWildcard(pattern, name, { ignoreCase: true }));
    assert.deepEqual(listedMatching(pattern, listed), expected, pattern);
  }
  assert.ok(listedMatching('s3:Get*', listed).length > 20, 'the patterns do match names of the list');
});
