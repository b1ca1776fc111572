import { literalText } from '../pattern';
import type { OperatorFamily } from './types';

export const boolOperators: OperatorFamily = {
  operators: ['bool'],
  // The operator reference allows variables with Bool; the variables page and Access Analyzer do not.
  // We follow the operator reference (docs/evaluation.md, §18.3): a variable is substituted.
  allowsVariables: true,
  isNegated: () => false,
  compile(_operator, policyValue) {
    const expected = literalText(policyValue).toLowerCase();
    return (requestValue) => requestValue.toLowerCase() === expected;
  },
};
