import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { lintFile } from '../../src/rules/linter';
import { MAX_SUGGESTIONS_PER_LINT } from '../../src/rules/support/suggestionBudget';
import { realCatalog } from '../fixtures/catalog';

/**
 * "Did you mean" is searched for a bounded number of entries per lint: every unknown action is
 * still an error, the first ones with their suggestion, the rest without.
 */
test('past the did-you-mean budget unknown actions are still reported, without a suggestion', () => {
  const count = MAX_SUGGESTIONS_PER_LINT + 50;
  const actions = Array.from({ length: count }, (_, i) => `s3:GetObjec${'t'.repeat(i % 2)}${i}`);
  actions[0] = 's3:GetObjet';
  const file = parsePolicyFile(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }), { fileName: 'policy.json' });
  const unknown = lintFile(file, realCatalog()).filter((finding) => finding.ruleId === 'IAM102');
  assert.equal(unknown.length, count, 'every unknown action is an error');
  assert.match(unknown[0]!.message, /Did you mean "s3:GetObject"\?/);
  const suggested = unknown.filter((finding) => finding.message.includes('Did you mean'));
  assert.ok(suggested.length <= MAX_SUGGESTIONS_PER_LINT, `${suggested.length} suggestions`);
  assert.ok(unknown.slice(-10).every((finding) => finding.message.includes('has no action named')), 'the last ones carry the plain message');
});
