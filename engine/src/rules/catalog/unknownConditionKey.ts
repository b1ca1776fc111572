import { closestMatch } from '../../catalog/suggest';
import { keyTarget } from '../targets';
import type { FixHint, Rule } from '../types';
import { isProviderNamespace, keyCandidates, namespaceOf, tagTemplateMissingKey } from './conditionKeys';

export const unknownConditionKey: Rule = {
  meta: {
    id: 'IAM110',
    name: 'unknown-condition-key',
    severity: 'error',
    category: 'error',
    description:
      'A condition key that no service defines is never present in a request, so the condition never matches (or, negated, always does). Keys are written service:KeyName.',
    accessAnalyzer: 'Invalid global condition key / Invalid service condition key / Invalid condition key format',
    parliament: 'UNKNOWN_CONDITION_FOR_ACTION',
  },
  scope: 'policy',
  check({ policy, catalog, cache, report }) {
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        for (const entry of block.entries) {
          const key = entry.key;
          const target = keyTarget(entry.property, statement.path.concat('Condition', block.operator, key));
          const namespace = namespaceOf(key);
          if (!namespace) {
            report(target, `"${key}" is not a condition key: write service:KeyName, e.g. "aws:SourceIp" or "s3:prefix".`);
            continue;
          }
          if (cache.conditionKey(key) || tagTemplateMissingKey(cache, key) || isProviderNamespace(namespace)) continue;
          if (key.toLowerCase() === 'aws:arn') {
            report(target, 'aws:ARN is not supported: use aws:PrincipalArn (who calls) or aws:SourceArn (on whose behalf a service calls).');
            continue;
          }
          const known = namespace.toLowerCase() === 'aws' || catalog.hasService(namespace);
          if (!known) {
            report(target, `Unknown service "${namespace}" in condition key "${key}": use a service prefix such as "s3" or a global "aws:" key.`);
            continue;
          }
          const suggestion = closestMatch(key, keyCandidates(catalog, namespace));
          const fixes: FixHint[] | undefined = suggestion ? [{ title: `Change to "${suggestion}"`, replacement: JSON.stringify(suggestion) }] : undefined;
          report(
            target,
            suggestion ? `Unknown condition key "${key}". Did you mean "${suggestion}"?` : `Unknown condition key "${key}": ${namespace} defines no such key.`,
            fixes,
          );
        }
      }
    }
  },
};
