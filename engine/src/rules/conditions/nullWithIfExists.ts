import { keyTarget } from '../targets';
import type { Rule } from '../types';

export const nullWithIfExists: Rule = {
  meta: {
    id: 'IAM205',
    name: 'null-with-if-exists',
    severity: 'error',
    category: 'error',
    description: 'Null already tests whether a key exists; NullIfExists is not an operator.',
    accessAnalyzer: 'Null with if exists',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        const match = /^((?:forallvalues|foranyvalue):)?nullifexists$/i.exec(block.operator);
        if (!match) continue;
        const fixed = `${match[1] ?? ''}Null`;
        report(keyTarget(block.property, statement.path.concat('Condition', block.operator)), 'Null cannot take IfExists: write "Null", which already tests whether the key exists.', [
          { title: `Change to "${fixed}"`, replacement: JSON.stringify(fixed) },
        ]);
      }
    }
  },
};
