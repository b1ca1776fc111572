import type { Statement } from '../../document/model';
import { hasUnknown } from '../../document/unknown';
import { conditionUses, isMultivaluedType } from '../support/conditions';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

export const forAllValuesPermissive: Rule = {
  meta: {
    id: 'IAM207',
    name: 'for-all-values-permissive',
    severity: 'warning',
    category: 'security',
    description:
      'ForAllValues is true when the key is missing or empty. In an Allow without a Null check, or on a single-valued key, it lets through requests the condition seems to exclude.',
    accessAnalyzer: 'ForAllValues with single valued key / Allow with ForAllValues',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const use of conditionUses(policy)) {
      if (use.operator?.setQualifier !== 'ForAllValues' || use.operator.isNull) continue;
      const target = keyTarget(use.entry.property, use.statement.path.concat('Condition', use.block.operator, use.entry.key));
      const info = cache.conditionKey(use.entry.key);
      if (info && !isMultivaluedType(info.type)) {
        report(target, `${use.entry.key} is single-valued: drop "ForAllValues:" (with it the condition is also true when the key is missing).`);
      } else if (use.statement.effectValue === 'Allow' && !requiresPresence(use.statement, use.entry.key)) {
        report(target, `ForAllValues is true when ${use.entry.key} is missing: add {"Null": {"${use.entry.key}": "false"}} so the Allow needs the key.`);
      }
    }
  },
};

function requiresPresence(statement: Statement, key: string): boolean {
  return (statement.condition?.blocks ?? []).some(
    (block) =>
      block.operator.toLowerCase() === 'null' &&
      block.entries.some((entry) => entry.key.toLowerCase() === key.toLowerCase() && entry.values.some((v) => hasUnknown(v) || String('value' in v ? v.value : '').toLowerCase() === 'false')),
  );
}
