import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';
import { unknownActionMessage } from './unknownActionMessage';
import { mayAskSuggestion } from '../support/suggestionBudget';

export const unknownAction: Rule = {
  meta: {
    id: 'IAM102',
    name: 'unknown-action',
    severity: 'error',
    category: 'error',
    description: 'The service exists but has no action of that name, so the entry matches nothing.',
    accessAnalyzer: 'Invalid action',
    parliament: 'UNKNOWN_ACTION',
  },
  scope: 'statement',
  check({ file, catalog, cache, report }, statement) {
    for (const action of statement.action?.values ?? []) {
      const parts = splitAction(action.value);
      if (!parts || parts.serviceHasWildcard || parts.nameHasWildcard || !catalog.hasService(parts.service)) continue;
      if (catalog.action(parts.service, parts.name)) continue;
      const suggestion = mayAskSuggestion(file) ? cache.suggestAction(parts.service, parts.name) : undefined;
      const service = catalog.service(parts.service)?.prefix ?? parts.service;
      const message = unknownActionMessage(action.value, service, parts.name, suggestion);
      const fixes = suggestion ? [{ title: `Change to "${service}:${suggestion}"`, replacement: JSON.stringify(`${service}:${suggestion}`) }] : undefined;
      report(valueTarget(action), message, fixes);
    }
  },
};
