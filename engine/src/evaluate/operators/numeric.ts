import { NEVER, type OperatorFamily } from './types';

export const numericOperators: OperatorFamily = {
  operators: ['numericequals', 'numericnotequals', 'numericlessthan', 'numericlessthanequals', 'numericgreaterthan', 'numericgreaterthanequals'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'numericnotequals',
  compile(operator, policyValue) {
    const policy = parseNumber(policyValue);
    if (policy === undefined) return NEVER;
    const compare = comparison(operator.slice('numeric'.length));
    return (requestValue) => {
      const request = parseNumber(requestValue);
      return request !== undefined && compare(request, policy);
    };
  },
};

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Shared by the numeric and date families: the comparison named by an operator's suffix. */
export function comparison(suffix: string): (request: number, policy: number) => boolean {
  switch (suffix) {
    case 'equals':
    case 'notequals':
      return (request, policy) => request === policy;
    case 'lessthan':
      return (request, policy) => request < policy;
    case 'lessthanequals':
      return (request, policy) => request <= policy;
    case 'greaterthan':
      return (request, policy) => request > policy;
    case 'greaterthanequals':
      return (request, policy) => request >= policy;
    default:
      return () => false;
  }
}
