import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';
import { mayAskSuggestion } from '../support/suggestionBudget';

export const unknownService: Rule = {
  meta: {
    id: 'IAM101',
    name: 'unknown-service',
    severity: 'error',
    category: 'error',
    description: 'The service prefix of an action is not in the IAM catalogue: a typo, a retired service or one not yet published; a misspelt prefix matches nothing.',
    accessAnalyzer: 'Invalid service',
    parliament: 'UNKNOWN_PREFIX',
  },
  scope: 'policy',
  check({ file, policy, catalog, cache, report }) {
    for (const statement of policy.statements) {
      for (const action of statement.action?.values ?? []) {
        const parts = splitAction(action.value);
        if (!parts || parts.serviceHasWildcard || catalog.hasService(parts.service)) continue;
        const suggestion = mayAskSuggestion(file) ? cache.suggestService(parts.service) : undefined;
        // The catalogue lists the services AWS publishes today: a prefix missing from it may be a
        // typo, a retired service (deepracer, iot1click) or one not published yet.
        const notListed = `Service prefix "${parts.service}" is not in the IAM catalogue (retired, not yet published, or misspelt)`;
        const message = suggestion ? `${notListed}. Did you mean "${suggestion}"?` : `${notListed}.`;
        const fixes = suggestion ? [{ title: `Change to "${suggestion}:${parts.name}"`, replacement: JSON.stringify(`${suggestion}:${parts.name}`) }] : undefined;
        report(valueTarget(action), message, fixes);
      }
    }
  },
};
