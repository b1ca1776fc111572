import type { OperatorFamily } from './types';

export const numericOperators: OperatorFamily = {
  operators: ['numericequals', 'numericnotequals', 'numericlessthan', 'numericlessthanequals', 'numericgreaterthan', 'numericgreaterthanequals'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'numericnotequals',
  compare(operator, requestValue, policyValue) {
    const request = Number(requestValue);
    const policy = Number(policyValue);
    if (!Number.isFinite(request) || !Number.isFinite(policy)) return false;
    return compareNumbers(operator.slice('numeric'.length), request, policy);
  },
};

/** Shared by the numeric and date families: the comparison named by an operator's suffix. */
export function compareNumbers(suffix: string, request: number, policy: number): boolean {
  switch (suffix) {
    case 'equals':
    case 'notequals':
      return request === policy;
    case 'lessthan':
      return request < policy;
    case 'lessthanequals':
      return request <= policy;
    case 'greaterthan':
      return request > policy;
    case 'greaterthanequals':
      return request >= policy;
    default:
      return false;
  }
}
