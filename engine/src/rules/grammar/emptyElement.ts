import { parseOperator } from '../../evaluate/operators';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const emptyElement: Rule = {
  meta: {
    id: 'IAM017',
    name: 'empty-element',
    severity: 'warning',
    category: 'warning',
    description:
      'An empty Principal, Condition, operator block or condition value list does not do what it looks like: it matches nobody, tests nothing, or (with set qualifiers and IfExists) matches only a missing key.',
    accessAnalyzer: 'Empty array/object principal, Empty object condition, Empty array condition (ForAllValues, ForAnyValue, IfExists)',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const principal = statement.principal?.property.value;
      if (principal?.kind === 'object' && principal.properties.length === 0) {
        report(valueTarget(principal), `${statement.principal!.keyword} is empty: the statement applies to nobody. Name the principals.`);
      }
      for (const entry of statement.principal?.entries ?? []) {
        const value = entry.property.value;
        if (value?.kind === 'array' && value.items.length === 0) {
          report(valueTarget(value), `The ${entry.type} principal list is empty: add principals or remove the "${entry.type}" entry.`);
        }
      }
      const condition = statement.condition?.property.value;
      if (condition?.kind === 'object' && condition.properties.length === 0) {
        report(valueTarget(condition), 'Condition is empty and tests nothing: add a condition or remove the element.');
      }
      for (const block of statement.condition?.blocks ?? []) {
        const value = block.property.value;
        if (value?.kind === 'object' && value.properties.length === 0) {
          report(valueTarget(value), `${block.operator} has no condition keys and tests nothing: add "key": value or remove it.`);
        }
        const operator = parseOperator(block.operator);
        for (const entry of block.entries) {
          const values = entry.property.value;
          if (values?.kind !== 'array' || values.items.length > 0) continue;
          report(valueTarget(values), emptyValuesMessage(entry.key, operator?.setQualifier, operator?.ifExists ?? false));
        }
      }
    }
  },
};

function emptyValuesMessage(key: string, qualifier: string | undefined, ifExists: boolean): string {
  if (qualifier === 'ForAllValues' || ifExists) {
    return `No values for ${key}: with ${qualifier ?? 'IfExists'} this matches only when the key is missing. Use {"Null": {"${key}": "true"}} to say that.`;
  }
  if (qualifier === 'ForAnyValue') return `No values for ${key}: with ForAnyValue this never matches. Add values or remove the key.`;
  return `No values for ${key}: the condition can never match. Add values or remove the key.`;
}
