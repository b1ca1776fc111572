import type { ConditionBlock, ConditionEntry, Policy, Statement } from '../../document/model';
import { MemoSlot, memoized } from '../../document/memo';
import type { ValueNode } from '../../document/tree';
import { parseOperator, type ParsedOperator } from '../../evaluate/operators';
import { isIntrinsic } from '../targets';

/** One `"key": value` under one operator, with the operator already taken apart. */
export interface ConditionUse {
  readonly statement: Statement;
  readonly block: ConditionBlock;
  readonly entry: ConditionEntry;
  /** Undefined for an operator IAM does not know (reported by invalid-condition-operator). */
  readonly operator: ParsedOperator | undefined;
  /** The value as written: a scalar, an array, or (in CloudFormation) an intrinsic function. */
  readonly value: ValueNode | undefined;
  /** The values to check one by one: scalars and intrinsic objects, never nested arrays. */
  readonly items: readonly ValueNode[];
}

const USES = new MemoSlot<readonly ConditionUse[]>('condition uses');

/**
 * Every condition entry of a policy in document order. A dozen rules walk them; the list (with
 * each operator parsed once) is built for the first and kept for the rest of this lint, as long
 * as the parsed policy lives.
 */
export function conditionUses(policy: Policy): readonly ConditionUse[] {
  return memoized(policy, USES, () => {
    const list: ConditionUse[] = [];
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        const operator = parseOperator(block.operator);
        for (const entry of block.entries) {
          const value = entry.property.value;
          const items = value?.kind === 'array' ? value.items : value ? [value] : [];
          list.push({ statement, block, entry, operator, value, items });
        }
      }
    }
    return list;
  });
}

/** A CloudFormation intrinsic where a string goes: its value is unknown, so never a type error. */
export function isOpaque(policy: Policy, node: ValueNode): boolean {
  return policy.allowsIntrinsics && isIntrinsic(node);
}

/** The scalar text of a condition value as IAM reads it (numbers and booleans become strings). */
export function scalarText(node: ValueNode): string | undefined {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.raw;
    case 'boolean':
      return String(node.value);
    default:
      return undefined;
  }
}

/** Whether a key is multivalued in the request context (its catalogue type is ArrayOf...). */
export function isMultivaluedType(type: string | undefined): boolean {
  return type?.startsWith('ArrayOf') ?? false;
}
