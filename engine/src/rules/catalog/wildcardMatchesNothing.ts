import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';

export const wildcardMatchesNothing: Rule = {
  meta: {
    id: 'IAM103',
    name: 'action-wildcard-matches-nothing',
    severity: 'error',
    category: 'error',
    description: 'An action pattern with * or ? matches no action of the service, so the entry does nothing.',
    accessAnalyzer: 'Invalid action',
    parliament: 'UNKNOWN_ACTION',
  },
  scope: 'policy',
  check({ policy, catalog, cache, report }) {
    for (const statement of policy.statements) {
      for (const action of statement.action?.values ?? []) {
        const parts = splitAction(action.value);
        if (!parts || !parts.nameHasWildcard) continue;
        // An unknown service is reported once, by unknown-service; a wildcard service is its own rule.
        if (!parts.serviceHasWildcard && !catalog.hasService(parts.service)) continue;
        if (cache.actionsMatching(action.value).length > 0) continue;
        report(valueTarget(action), `"${action.value}" matches no action${parts.serviceHasWildcard ? '' : ` of ${parts.service}`}.`);
      }
    }
  },
};
