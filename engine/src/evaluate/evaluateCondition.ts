import type { CompiledCondition } from './compile';
import type { RequestContext } from './context';
import type { ParsedOperator, ValueTest } from './operators';
import type { ConditionTrace } from './types';
import { substituteVariables } from './variables';

/**
 * Whether one key under one operator holds for the request. Keys the request lacks (and that the
 * condition needs) are pushed on `missing` when it is given.
 */
export function conditionHolds(condition: CompiledCondition, context: RequestContext, missing: string[] | null): boolean {
  const operator = condition.operator;
  if (!operator) return false;
  const requestValues = context.getLower(condition.lowerKey);
  const absent = requestValues === undefined || requestValues.length === 0;
  if (absent && missing && !operator.isNull && !operator.ifExists) missing.push(condition.key);
  if (operator.isNull) return nullHolds(condition.policyValues, absent);
  const tests = condition.tests ?? substitutedTests(condition, operator, context, missing);
  return valuesHold(operator, tests, absent ? undefined : requestValues);
}

export function traceCondition(condition: CompiledCondition, context: RequestContext, missing: string[] | null): ConditionTrace {
  return {
    operator: condition.operatorText,
    key: condition.key,
    policyValues: condition.policyValues,
    requestValues: context.getLower(condition.lowerKey),
    matched: conditionHolds(condition, context, missing),
    span: condition.span,
  };
}

// `"Null": {"k": "true"}` holds when k is absent (or an empty set); "false" when it is present.
function nullHolds(policyValues: readonly string[], absent: boolean): boolean {
  for (const value of policyValues) if ((value.toLowerCase() === 'true') === absent) return true;
  return false;
}

// A policy value whose variable has no value (and no default) matches nothing, so it drops out.
function substitutedTests(condition: CompiledCondition, operator: ParsedOperator, context: RequestContext, missing: string[] | null): ValueTest[] {
  const tests: ValueTest[] = [];
  for (const value of condition.policyValues) {
    const substituted = substituteVariables(value, context);
    if (missing) for (const key of substituted.missingKeys) missing.push(key);
    if (substituted.value !== undefined) tests.push(operator.family!.compile(operator.base, substituted.value));
  }
  return tests;
}

/**
 * Several policy values are OR-ed, and NOR-ed for negated operators (a request value satisfies a
 * negated operator when it matches none of them). Without a set qualifier a missing key fails
 * positive operators and satisfies negated ones; IfExists makes a missing key satisfy any operator.
 * ForAllValues holds for a missing key or an empty set and otherwise needs every request value to
 * satisfy the operator; ForAnyValue fails for a missing key (unless IfExists) and needs one value.
 * Several request values without a qualifier: one satisfying value is enough.
 */
export function valuesHold(operator: ParsedOperator, tests: readonly ValueTest[], requestValues: readonly string[] | undefined): boolean {
  const negated = operator.negated;
  if (requestValues === undefined) {
    if (operator.setQualifier === 'ForAllValues') return true;
    if (operator.setQualifier === 'ForAnyValue') return operator.ifExists;
    return operator.ifExists || negated;
  }
  if (operator.setQualifier === 'ForAllValues') {
    for (const value of requestValues) if (matchesAny(tests, value) === negated) return false;
    return true;
  }
  for (const value of requestValues) if (matchesAny(tests, value) !== negated) return true;
  return false;
}

function matchesAny(tests: readonly ValueTest[], value: string): boolean {
  for (const test of tests) if (test(value)) return true;
  return false;
}
