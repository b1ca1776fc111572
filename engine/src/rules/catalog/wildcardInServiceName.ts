import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';

export const wildcardInServiceName: Rule = {
  meta: {
    id: 'IAM104',
    name: 'wildcard-in-service-name',
    severity: 'warning',
    category: 'suggestion',
    description:
      'A wildcard in the service prefix ("*:Get*", "s*:List*") reaches services you did not think of, including ones AWS adds later. Name the services.',
    accessAnalyzer: 'Wildcard in service name',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const action of statement.action?.values ?? []) {
        const parts = splitAction(action.value);
        if (!parts?.serviceHasWildcard) continue;
        report(valueTarget(action), `"${parts.service}" in "${action.value}" matches many services: list the services you mean, e.g. "s3:${parts.name}".`);
      }
    }
  },
};
