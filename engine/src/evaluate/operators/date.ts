import { compareNumbers } from './numeric';
import type { OperatorFamily } from './types';

export const dateOperators: OperatorFamily = {
  operators: ['dateequals', 'datenotequals', 'datelessthan', 'datelessthanequals', 'dategreaterthan', 'dategreaterthanequals'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'datenotequals',
  compare(operator, requestValue, policyValue) {
    const request = parseDate(requestValue);
    const policy = parseDate(policyValue);
    if (request === undefined || policy === undefined) return false;
    return compareNumbers(operator.slice('date'.length), request, policy);
  },
};

/** W3C ISO 8601 dates or epoch seconds, as milliseconds since the epoch. */
export function parseDate(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}
