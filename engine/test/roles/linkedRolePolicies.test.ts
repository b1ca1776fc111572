import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICE_PRINCIPALS } from '../../src/roles';
import { LINKED_ROLE_POLICIES, linkedRolePolicyName } from '../../src/roles/linkedRolePolicies';
import { realManagedPolicies } from '../fixtures/managedPolicies';

// The table of service-linked roles and their AWS managed policies, checked against the dataset.

/** Documented roles whose policy the table leaves out because the dataset's name for it is not certain. */
const WITHOUT_POLICY = new Set(['AWSServiceRoleForLexBots']);

test('linked role policies: every policy exists in the dataset as a service-linked role policy', () => {
  const managed = realManagedPolicies();
  for (const [role, policy] of LINKED_ROLE_POLICIES) {
    const info = managed.find(policy);
    assert.ok(info, `${role}: ${policy} is not in the managed-policy data`);
    assert.equal(info.path, 'aws-service-role', `${role}: ${policy} is not on the /aws-service-role/ path`);
  }
});

test('linked role policies: every documented service-linked role has its policy or is known to lack one', () => {
  for (const info of SERVICE_PRINCIPALS) {
    for (const role of info.serviceLinkedRoles) {
      assert.ok(LINKED_ROLE_POLICIES.has(role) !== WITHOUT_POLICY.has(role), `${role}: in the table ${LINKED_ROLE_POLICIES.has(role)}, listed as without ${WITHOUT_POLICY.has(role)}`);
    }
  }
});

test('linked role policies: lookups ignore case and a custom suffix', () => {
  assert.equal(linkedRolePolicyName('AWSServiceRoleForCloudWatchEvents'), 'CloudWatchEventsServiceRolePolicy');
  assert.equal(linkedRolePolicyName('awsservicerolefor ecs'.replace(' ', '')), 'AmazonECSServiceRolePolicy');
  assert.equal(linkedRolePolicyName('AWSServiceRoleForLexV2Bots_MyBot'), 'AmazonLexV2BotPolicy');
  assert.equal(linkedRolePolicyName('AWSServiceRoleForApplicationAutoScaling_DynamoDBTable'), 'AWSApplicationAutoscalingDynamoDBTablePolicy');
  assert.equal(linkedRolePolicyName('AWSServiceRoleForNothingKnown'), undefined);
});
