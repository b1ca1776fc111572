import { hasWildcard } from '../../match/wildcard';
import { conditionUses, scalarText } from '../support/conditions';
import { formatOperator } from '../support/operatorNames';
import { valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

export const wildcardWithoutLike: Rule = {
  meta: {
    id: 'IAM209',
    name: 'wildcard-without-like',
    severity: 'warning',
    category: 'warning',
    description: 'StringEquals compares * and ? literally; to match a pattern, use StringLike (or StringNotLike).',
    accessAnalyzer: 'Wildcard without like operator',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      const base = use.operator?.base;
      if (!base || !/^string(not)?equals(ignorecase)?$/.test(base)) continue;
      // Named only once a value needs it: most StringEquals values hold no wildcard.
      let name: string | undefined;
      for (const item of use.items) {
        const text = scalarText(item);
        if (!text || !hasWildcard(text) || !hasWildcard(text.replace(/\$\{[^}]*\}/g, ''))) continue;
        name ??= formatOperator({ ...use.operator!, base: base.includes('not') ? 'stringnotlike' : 'stringlike' });
        const fixes: FixHint[] | undefined =
          use.block.entries.length === 1 ? [{ title: `Change the operator to "${name}"`, replacement: JSON.stringify(name), span: use.block.property.keySpan }] : undefined;
        report(valueTarget(item), `${use.block.operator} matches ${JSON.stringify(text)} literally, "*" and all: use ${name} if you meant a pattern.`, fixes);
      }
    }
  },
};
