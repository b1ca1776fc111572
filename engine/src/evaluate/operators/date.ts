import { comparison } from './numeric';
import { NEVER, type OperatorFamily } from './types';

export const dateOperators: OperatorFamily = {
  operators: ['dateequals', 'datenotequals', 'datelessthan', 'datelessthanequals', 'dategreaterthan', 'dategreaterthanequals'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'datenotequals',
  compile(operator, policyValue) {
    const policy = parseDate(policyValue);
    if (policy === undefined) return NEVER;
    const compare = comparison(operator.slice('date'.length));
    return (requestValue) => {
      const request = parseDate(requestValue);
      return request !== undefined && compare(request, policy);
    };
  },
};

/**
 * W3C ISO 8601 dates (a date alone is midnight UTC) or epoch seconds, as milliseconds since the epoch.
 * Date.parse would read a zone-less date-time as local time; IAM means UTC, so one is added.
 */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}
