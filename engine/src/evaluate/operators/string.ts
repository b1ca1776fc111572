import { compilePattern, literalText, matchesCompiled } from '../pattern';
import type { OperatorFamily } from './types';

export const stringOperators: OperatorFamily = {
  operators: ['stringequals', 'stringnotequals', 'stringequalsignorecase', 'stringnotequalsignorecase', 'stringlike', 'stringnotlike'],
  allowsVariables: true,
  isNegated: (operator) => operator.startsWith('stringnot'),
  compile(operator, policyValue) {
    if (operator.endsWith('like')) {
      const pattern = compilePattern(policyValue);
      return (requestValue) => matchesCompiled(pattern, requestValue);
    }
    const literal = literalText(policyValue);
    if (operator.endsWith('ignorecase')) {
      const lower = literal.toLowerCase();
      return (requestValue) => requestValue.length === lower.length && requestValue.toLowerCase() === lower;
    }
    // A `*` in StringEquals is a plain character.
    return (requestValue) => requestValue === literal;
  },
};
