import { conditionUses } from '../support/conditions';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const multipleBoolValues: Rule = {
  meta: {
    id: 'IAM204',
    name: 'multiple-bool-values',
    severity: 'error',
    category: 'error',
    description: 'A Bool condition takes one value: ["true", "false"] matches everything that has the key and says nothing.',
    accessAnalyzer: 'Invalid condition multiple Boolean',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (use.operator?.base !== 'bool' || use.value?.kind !== 'array' || use.value.items.length < 2) continue;
      report(valueTarget(use.value), `Give ${use.entry.key} a single Bool value, "true" or "false"; to accept any value, test presence with {"Null": {"${use.entry.key}": "false"}}.`);
    }
  },
};
