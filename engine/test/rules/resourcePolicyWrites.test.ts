import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCE_POLICY_WRITES } from '../../src/rules/security/resourcePolicyWrite';
import { realCatalog } from '../fixtures/catalog';

// The list of resource-policy writes is curated: each entry must be a real action the catalogue
// files under "Permissions management" and that takes a resource a policy could narrow it to.
test('every resource-policy write is a Permissions management action with a resource type', () => {
  const catalog = realCatalog();
  const wrong = RESOURCE_POLICY_WRITES.filter((name) => {
    const action = catalog.actionFromString(name);
    return !action || action.accessLevel !== 'Permissions management' || action.resourceTypes.length === 0;
  });
  assert.deepEqual(wrong, []);
  assert.deepEqual([...RESOURCE_POLICY_WRITES].sort(), RESOURCE_POLICY_WRITES, 'sorted, so that additions are easy to review');
});
