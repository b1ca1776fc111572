import { arnOperators } from './arn';
import { binaryOperators } from './binary';
import { boolOperators } from './bool';
import { dateOperators } from './date';
import { ipOperators } from './ip';
import { numericOperators } from './numeric';
import { stringOperators } from './string';
import type { OperatorFamily } from './types';

const FAMILIES: readonly OperatorFamily[] = [
  stringOperators,
  numericOperators,
  dateOperators,
  boolOperators,
  binaryOperators,
  ipOperators,
  arnOperators,
];

/** An operator as written, taken apart: `ForAnyValue:StringLikeIfExists` → any, stringlike, ifExists. */
export interface ParsedOperator {
  readonly base: string;
  readonly setQualifier?: 'ForAllValues' | 'ForAnyValue';
  readonly ifExists: boolean;
  /** Undefined for Null and for unknown operators. */
  readonly family?: OperatorFamily;
  readonly isNull: boolean;
  /** StringNotEquals, NotIpAddress, ...: several policy values must all fail to match (NOR). */
  readonly negated: boolean;
}

const parsed = new Map<string, ParsedOperator | undefined>();

/** Operator names are case-insensitive here, as in IAM; unknown operators give undefined. */
export function parseOperator(written: string): ParsedOperator | undefined {
  if (parsed.has(written)) return parsed.get(written);
  const result = parse(written);
  if (parsed.size < 1000) parsed.set(written, result);
  return result;
}

function parse(written: string): ParsedOperator | undefined {
  let rest = written;
  let setQualifier: ParsedOperator['setQualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'forallvalues') setQualifier = 'ForAllValues';
    else if (qualifier === 'foranyvalue') setQualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let base = rest.toLowerCase();
  const ifExists = base.endsWith('ifexists') && base !== 'ifexists';
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  if (base === 'null') return ifExists ? undefined : { base, setQualifier, ifExists, isNull: true, negated: false };
  const family = FAMILIES.find((candidate) => candidate.operators.includes(base));
  return family ? { base, setQualifier, ifExists, family, isNull: false, negated: family.isNegated(base) } : undefined;
}

export type { OperatorFamily, ValueTest } from './types';
