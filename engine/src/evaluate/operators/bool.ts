import type { OperatorFamily } from './types';

export const boolOperators: OperatorFamily = {
  operators: ['bool'],
  allowsVariables: false,
  isNegated: () => false,
  compare: (_operator, requestValue, policyValue) => requestValue.toLowerCase() === policyValue.toLowerCase(),
};
