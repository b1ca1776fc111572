import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesHold } from '../../src/evaluate/evaluateCondition';
import { parseOperator } from '../../src/evaluate/operators';

function holds(operator: string, policyValues: string[], requestValues: string[] | undefined): boolean {
  const parsed = parseOperator(operator)!;
  return valuesHold(parsed, policyValues.map((value) => parsed.family!.compile(parsed.base, value)), requestValues);
}

test('missing keys, empty sets, set qualifiers, IfExists and negation', () => {
  const cases: [operator: string, policy: string[], request: string[] | undefined, expected: boolean][] = [
    ['StringEquals', ['a'], undefined, false],
    ['StringNotEquals', ['a'], undefined, true],
    ['StringEqualsIfExists', ['a'], undefined, true],
    ['StringNotEqualsIfExists', ['a'], undefined, true],
    ['StringEqualsIfExists', ['a'], ['b'], false],
    ['StringEquals', ['a', 'b'], ['b'], true],
    ['StringNotEquals', ['a', 'b'], ['b'], false],
    ['StringNotEquals', ['a', 'b'], ['c'], true],
    ['StringEquals', ['a'], ['x', 'a'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], undefined, true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
    ['ForAllValues:StringEquals', [], ['a'], false],
    ['ForAnyValue:StringEquals', ['a'], undefined, false],
    ['ForAnyValue:StringEquals', ['a'], ['c', 'a'], true],
    ['ForAnyValue:StringEquals', [], ['a'], false],
    ['ForAnyValue:StringEqualsIfExists', ['a'], undefined, true],
    ['ForAllValues:StringNotLike', ['key1*'], ['key1:a'], false],
    ['ForAllValues:StringNotLike', ['key1*'], ['key2:a'], true],
    ['ForAllValues:StringNotLike', ['key1*'], ['key1:a', 'key2:b'], false],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
  ];
  for (const [operator, policy, request, expected] of cases) {
    assert.equal(holds(operator, policy, request), expected, `${operator} ${JSON.stringify(policy)} vs ${JSON.stringify(request)}`);
  }
});
