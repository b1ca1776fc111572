import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';

export const unknownService: Rule = {
  meta: {
    id: 'IAM101',
    name: 'unknown-service',
    severity: 'error',
    category: 'error',
    description: 'The service prefix of an action is not one AWS defines, so the entry matches nothing.',
    accessAnalyzer: 'Invalid service',
    parliament: 'UNKNOWN_PREFIX',
  },
  scope: 'policy',
  check({ policy, catalog, cache, report }) {
    for (const statement of policy.statements) {
      for (const action of statement.action?.values ?? []) {
        const parts = splitAction(action.value);
        if (!parts || parts.serviceHasWildcard || catalog.hasService(parts.service)) continue;
        const suggestion = cache.suggestService(parts.service);
        const message = suggestion
          ? `Unknown service prefix "${parts.service}". Did you mean "${suggestion}"?`
          : `Unknown service prefix "${parts.service}": no AWS service uses it.`;
        const fixes = suggestion ? [{ title: `Change to "${suggestion}:${parts.name}"`, replacement: JSON.stringify(`${suggestion}:${parts.name}`) }] : undefined;
        report(valueTarget(action), message, fixes);
      }
    }
  },
};
