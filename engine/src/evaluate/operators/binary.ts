import type { OperatorFamily } from './types';

export const binaryOperators: OperatorFamily = {
  operators: ['binaryequals'],
  allowsVariables: false,
  isNegated: () => false,
  // Both sides are base64 text of the bytes; comparing the text compares the bytes.
  compare: (_operator, requestValue, policyValue) => requestValue === policyValue,
};
