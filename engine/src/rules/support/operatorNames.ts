import { parseOperator, type ParsedOperator } from '../../evaluate/operators';

/** Canonical spellings, for "did you mean" and for rewriting an operator; parsing is parseOperator's job. */
export const OPERATOR_NAMES = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

export function canonicalBase(base: string): string {
  return OPERATOR_NAMES.find((name) => name.toLowerCase() === base) ?? base;
}

/** Writes an operator back: qualifier, canonical base name, IfExists. */
export function formatOperator(parts: { setQualifier?: string; base: string; ifExists: boolean }): string {
  return `${parts.setQualifier ? `${parts.setQualifier}:` : ''}${canonicalBase(parts.base)}${parts.ifExists ? 'IfExists' : ''}`;
}

/** The value family an operator compares as: "string", "numeric", ..., or "null". */
export function familyName(operator: ParsedOperator): string {
  if (operator.isNull) return 'null';
  const base = operator.base;
  if (base.startsWith('string')) return 'string';
  if (base.startsWith('numeric')) return 'numeric';
  if (base.startsWith('date')) return 'date';
  if (base === 'bool') return 'bool';
  if (base.startsWith('binary')) return 'binary';
  if (base.includes('ipaddress')) return 'ip';
  return 'arn';
}

export { parseOperator };
