import type { OperatorFamily } from './types';

export const binaryOperators: OperatorFamily = {
  operators: ['binaryequals'],
  allowsVariables: false,
  isNegated: () => false,
  // Both sides are base64 text of the bytes; comparing the canonical text compares the bytes.
  compile(_operator, policyValue) {
    const expected = policyValue.trim();
    return (requestValue) => requestValue.trim() === expected;
  },
};
