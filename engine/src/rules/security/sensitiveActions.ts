import type { Policy } from '../../document/model';
import { describeActions, grantsOf, onAllResources } from '../support/grants';
import type { RuleContext } from '../types';

/**
 * Reports the listed actions an Allow grants on every resource. Actions that take only "*" are left
 * out: nothing can scope them, so a finding would ask for the impossible.
 */
export function reportSensitiveGrants(context: RuleContext, listed: readonly string[], message: (actions: string) => string): void {
  const { policy, cache, report } = context;
  if (!appliesTo(policy)) return;
  for (const statement of policy.statements) {
    if (!onAllResources(statement)) continue;
    for (const grant of grantsOf(statement, listed)) {
      const scopable = grant.actions.filter((name) => cache.isScopable(name));
      if (scopable.length > 0) report(grant.target, message(describeActions(scopable)));
    }
  }
}

// In a resource policy "*" means the resource the policy is attached to, not every resource.
function appliesTo(policy: Policy): boolean {
  return policy.type === 'identity' || policy.type === 'session';
}
