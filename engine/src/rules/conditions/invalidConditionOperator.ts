import { closestMatch } from '../../catalog/suggest';
import { OPERATOR_NAMES, parseOperator } from '../support/operatorNames';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

export const invalidConditionOperator: Rule = {
  meta: {
    id: 'IAM201',
    name: 'invalid-condition-operator',
    severity: 'error',
    category: 'error',
    description:
      'Condition operators are a fixed set (StringEquals, ArnLike, IpAddress, ...), optionally prefixed by ForAllValues:/ForAnyValue: and suffixed by IfExists.',
    accessAnalyzer: 'Invalid condition operator',
    parliament: 'UNKNOWN_OPERATOR',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        if (parseOperator(block.operator) || /^((forallvalues|foranyvalue):)?nullifexists$/i.test(block.operator)) continue;
        const colon = block.operator.indexOf(':');
        const qualifier = colon >= 0 ? block.operator.slice(0, colon) : undefined;
        const target = keyTarget(block.property, statement.path.concat('Condition', block.operator));
        if (qualifier !== undefined && !/^(forallvalues|foranyvalue)$/i.test(qualifier)) {
          report(target, `Unknown set qualifier "${qualifier}": use ForAllValues: or ForAnyValue:, or none.`);
          continue;
        }
        const rest = colon >= 0 ? block.operator.slice(colon + 1) : block.operator;
        const ifExists = /ifexists$/i.test(rest) && rest.length > 8;
        const base = ifExists ? rest.slice(0, -8) : rest;
        const suggestion = closestMatch(base, OPERATOR_NAMES);
        const fixed = suggestion && `${qualifier ? `${qualifier}:` : ''}${suggestion}${ifExists ? 'IfExists' : ''}`;
        report(
          target,
          fixed ? `Unknown condition operator "${block.operator}". Did you mean "${fixed}"?` : `Unknown condition operator "${block.operator}": use one such as StringEquals, ArnLike or IpAddress.`,
          fixed ? [{ title: `Change to "${fixed}"`, replacement: JSON.stringify(fixed) }] : undefined,
        );
      }
    }
  },
};
