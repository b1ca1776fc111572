/** Condition operators (iam-semantics §11), shared by completion and hover. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IP' | 'ARN' | 'Null';

export interface OperatorInfo {
  readonly name: string;
  readonly family: OperatorFamily;
  readonly description: string;
  /** Negated operators are true when the key is absent and need every value to miss (NOR). */
  readonly negated: boolean;
}

const OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'String', 'Exact, case-sensitive match with one of the values. `*` is a literal character here.'),
  op('StringNotEquals', 'String', 'Matches none of the values (case-sensitive).', true),
  op('StringEqualsIgnoreCase', 'String', 'Match with one of the values, ignoring case.'),
  op('StringNotEqualsIgnoreCase', 'String', 'Matches none of the values, ignoring case.', true),
  op('StringLike', 'String', 'Case-sensitive match with one of the patterns; `*` matches any run of characters and `?` one character.'),
  op('StringNotLike', 'String', 'Matches none of the patterns (`*`, `?` wildcards).', true),
  op('NumericEquals', 'Numeric', 'Number equal to one of the values.'),
  op('NumericNotEquals', 'Numeric', 'Number equal to none of the values.', true),
  op('NumericLessThan', 'Numeric', 'Number less than the value.'),
  op('NumericLessThanEquals', 'Numeric', 'Number less than or equal to the value.'),
  op('NumericGreaterThan', 'Numeric', 'Number greater than the value.'),
  op('NumericGreaterThanEquals', 'Numeric', 'Number greater than or equal to the value.'),
  op('DateEquals', 'Date', 'Date equal to the value (ISO 8601 such as `2026-01-31T00:00:00Z`, or epoch seconds).'),
  op('DateNotEquals', 'Date', 'Date different from the values.', true),
  op('DateLessThan', 'Date', 'Date before the value.'),
  op('DateLessThanEquals', 'Date', 'Date at or before the value.'),
  op('DateGreaterThan', 'Date', 'Date after the value.'),
  op('DateGreaterThanEquals', 'Date', 'Date at or after the value.'),
  op('Bool', 'Bool', 'Boolean match: `true` or `false`.'),
  op('BinaryEquals', 'Binary', 'Byte-for-byte match with a base64-encoded value.'),
  op('IpAddress', 'IP', 'Address inside one of the CIDR ranges (IPv4 or IPv6; a bare address means /32).'),
  op('NotIpAddress', 'IP', 'Address outside all of the CIDR ranges.', true),
  op('ArnEquals', 'ARN', 'ARN match, segment by segment, case-sensitive; `*` and `?` allowed (same as ArnLike).'),
  op('ArnLike', 'ARN', 'ARN match, segment by segment, case-sensitive; `*` and `?` allowed within a segment.'),
  op('ArnNotEquals', 'ARN', 'ARN matching none of the values (same as ArnNotLike).', true),
  op('ArnNotLike', 'ARN', 'ARN matching none of the patterns.', true),
  op('Null', 'Null', '`true`: the key must be absent from the request; `false`: it must be present (and not null).'),
];

function op(name: string, family: OperatorFamily, description: string, negated = false): OperatorInfo {
  return { name, family, description, negated };
}

const BY_NAME = new Map(OPERATORS.map((info) => [info.name.toLowerCase(), info]));

export function baseOperators(): readonly OperatorInfo[] {
  return OPERATORS;
}

export interface ParsedOperator {
  readonly base: OperatorInfo;
  readonly qualifier?: 'ForAllValues' | 'ForAnyValue';
  readonly ifExists: boolean;
}

/**
 * Reads "ForAnyValue:StringLikeIfExists" into its parts. Operator names are matched exactly as AWS
 * spells them, except that the base is looked up case-insensitively to give a helpful hover.
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let qualifier: ParsedOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    if (q !== 'ForAllValues' && q !== 'ForAnyValue') return undefined;
    qualifier = q;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest.length > 'IfExists'.length) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = BY_NAME.get(rest.toLowerCase());
  if (!base || (ifExists && base.family === 'Null')) return undefined;
  return { base, qualifier, ifExists };
}

export const OPERATOR_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
export const MULTIVALUE_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';

/** Markdown for an operator with its qualifiers. */
export function operatorDocumentation(parsed: ParsedOperator): string {
  const { base, qualifier, ifExists } = parsed;
  const lines = [`**${qualifier ? `${qualifier}:` : ''}${base.name}${ifExists ? 'IfExists' : ''}** · ${base.family} operator`, '', base.description];
  if (base.negated) lines.push('', 'Negated: with several values the key must match none of them, and the condition is **true when the key is absent** from the request.');
  if (ifExists) lines.push('', '`IfExists`: when the key is absent from the request the condition is true; when present, the normal test applies.');
  if (qualifier === 'ForAllValues') {
    lines.push('', '`ForAllValues:` for multivalued keys: true when **every** value in the request matches one of the policy values — and also true when the key is absent or empty. With Allow, add a `Null` check so an absent key does not grant access.');
  } else if (qualifier === 'ForAnyValue') {
    lines.push('', '`ForAnyValue:` for multivalued keys: true when **at least one** request value matches one of the policy values; false when the key is absent.');
  }
  lines.push('', `[Condition operators](${OPERATOR_DOCS})${qualifier ? ` · [Multivalued keys](${MULTIVALUE_DOCS})` : ''}`);
  return lines.join('\n');
}
