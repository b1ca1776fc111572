import type { ConditionBlock } from '../document/model';
import type { RequestContext } from './context';
import { parseOperator, type ParsedOperator } from './operators';
import type { ConditionTrace } from './types';
import { substituteVariables } from './variables';

export interface ConditionOutcome {
  readonly traces: ConditionTrace[];
  readonly missingKeys: string[];
}

/** Evaluates every key under every operator of a Condition element; all must match (AND). */
export function evaluateConditions(blocks: readonly ConditionBlock[], context: RequestContext, variablesEnabled: boolean): ConditionOutcome {
  const traces: ConditionTrace[] = [];
  const missingKeys: string[] = [];
  for (const block of blocks) {
    const operator = parseOperator(block.operator);
    for (const entry of block.entries) {
      const policyValues = entry.values.map((value) => (value.kind === 'null' ? 'null' : String(value.value)));
      const requestValues = context.get(entry.key);
      if (!requestValues && !operator?.isNull && !operator?.ifExists) missingKeys.push(entry.key);
      const resolved = resolvePolicyValues(policyValues, operator, context, variablesEnabled, missingKeys);
      traces.push({
        operator: block.operator,
        key: entry.key,
        policyValues,
        requestValues,
        matched: operator ? conditionMatches(operator, resolved, requestValues) : false,
        span: entry.property.span,
      });
    }
  }
  return { traces, missingKeys };
}

function resolvePolicyValues(
  values: readonly string[],
  operator: ParsedOperator | undefined,
  context: RequestContext,
  variablesEnabled: boolean,
  missingKeys: string[],
): (string | undefined)[] {
  if (!variablesEnabled || !operator?.family?.allowsVariables) return [...values];
  return values.map((value) => {
    const substituted = substituteVariables(value, context);
    missingKeys.push(...substituted.missingKeys);
    return substituted.value;
  });
}

/**
 * One key under one operator. Several policy values are OR-ed (NOR for negated operators); a
 * missing key fails positive operators and satisfies negated ones; IfExists and Null test presence.
 * Policy values whose variable had no value match nothing.
 */
export function conditionMatches(
  operator: ParsedOperator,
  policyValues: readonly (string | undefined)[],
  requestValues: readonly string[] | undefined,
): boolean {
  if (operator.isNull) {
    const absent = requestValues === undefined || requestValues.length === 0;
    return policyValues.some((value) => (value?.toLowerCase() === 'true') === absent);
  }
  const family = operator.family!;
  const negated = family.isNegated(operator.base);
  const usable = policyValues.filter((value): value is string => value !== undefined);
  const matchesOne = (requestValue: string) => usable.some((policyValue) => family.compare(operator.base, requestValue, policyValue));
  const valueMatches = (requestValue: string) => (negated ? !matchesOne(requestValue) : matchesOne(requestValue));

  if (operator.setQualifier === 'ForAllValues') {
    return (requestValues ?? []).every(valueMatches);
  }
  if (operator.setQualifier === 'ForAnyValue') {
    return (requestValues ?? []).some(valueMatches);
  }
  if (requestValues === undefined) return operator.ifExists || negated;
  // A single-valued operator against a multi-valued key: any request value may satisfy it.
  return requestValues.some(valueMatches);
}
