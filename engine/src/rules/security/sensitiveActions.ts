import type { Catalog } from '../../catalog/catalog';
import type { Policy } from '../../document/model';
import { describeActions, grantsOf, onAllResources } from '../support/grants';
import type { RuleContext } from '../types';

/**
 * Reports the listed actions an Allow grants on every resource. Actions that take only "*" are left
 * out: nothing can scope them, so a finding would ask for the impossible.
 */
export function reportSensitiveGrants(context: RuleContext, listed: readonly string[], message: (actions: string) => string): void {
  const { policy, catalog, report } = context;
  if (!appliesTo(policy)) return;
  const scopable = listed.filter((name) => isScopable(catalog, name));
  for (const statement of policy.statements) {
    if (!onAllResources(statement)) continue;
    for (const grant of grantsOf(statement, scopable)) report(grant.target, message(describeActions(grant.actions)));
  }
}

// In a resource policy "*" means the resource the policy is attached to, not every resource.
function appliesTo(policy: Policy): boolean {
  return policy.type === 'identity' || policy.type === 'session';
}

function isScopable(catalog: Catalog, qualified: string): boolean {
  const action = catalog.actionFromString(qualified);
  // Unknown to this catalogue (e.g. the test fixture): keep it, the list is curated.
  return !action || action.resourceTypes.length > 0;
}
