import { matchesWildcard } from '../../match/wildcard';
import type { OperatorFamily } from './types';

export const stringOperators: OperatorFamily = {
  operators: ['stringequals', 'stringnotequals', 'stringequalsignorecase', 'stringnotequalsignorecase', 'stringlike', 'stringnotlike'],
  allowsVariables: true,
  isNegated: (operator) => operator.startsWith('stringnot'),
  compare(operator, requestValue, policyValue) {
    if (operator.endsWith('like')) return matchesWildcard(policyValue, requestValue);
    if (operator.endsWith('ignorecase')) return requestValue.toLowerCase() === policyValue.toLowerCase();
    return requestValue === policyValue;
  },
};
