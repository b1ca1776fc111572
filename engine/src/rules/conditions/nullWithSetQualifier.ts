import { parseOperator } from '../support/operatorNames';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

export const nullWithSetQualifier: Rule = {
  meta: {
    id: 'IAM206',
    name: 'null-with-set-qualifier',
    severity: 'warning',
    category: 'warning',
    description: 'ForAllValues:Null is always true and ForAnyValue:Null always false; use plain Null.',
    accessAnalyzer: 'Null with qualifier',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        const operator = parseOperator(block.operator);
        if (!operator?.isNull || !operator.setQualifier) continue;
        const outcome = operator.setQualifier === 'ForAllValues' ? 'always true' : 'always false';
        report(keyTarget(block.property, statement.path.concat('Condition', block.operator)), `${operator.setQualifier}:Null is ${outcome}: write "Null".`, [
          { title: 'Change to "Null"', replacement: '"Null"' },
        ]);
      }
    }
  },
};
