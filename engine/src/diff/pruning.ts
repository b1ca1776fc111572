import type { Statement } from '../document/model';
import type { ValueNode } from '../document/tree';
import { compilePolicy, type CompiledCondition } from '../evaluate/compile';
import { RequestContext } from '../evaluate/context';
import { conditionHolds } from '../evaluate/evaluateCondition';
import type { SourcedPolicy } from '../evaluate/types';
import type { ActionClass, SpaceStatement } from './actionClasses';
import type { KeyCandidates } from './contexts';

/**
 * Exact reductions of the request space: each drops only requests whose decisions on both sides are
 * already known to equal those of a request that is kept.
 */

function canonical(node: ValueNode | undefined): string {
  if (!node) return '';
  switch (node.kind) {
    case 'object':
      return `{${node.properties.map((property) => `${JSON.stringify(property.key)}:${canonical(property.value)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(canonical).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    default:
      return String((node as { value?: unknown }).value ?? null);
  }
}

/** A statement as its decisions see it: its content, and its policy's Version (which turns variables on). */
export function statementKey(statement: Statement, version: string): string {
  return `${version}|${canonical(statement.node)}`;
}

/**
 * True when the statements of both sides that match an action class are the same statements: every
 * request of the class is then decided alike on both sides (the simulator sees an action only
 * through the statements that match it), so the class cannot differ.
 */
export function sameOnBothSides(actionClass: ActionClass, statements: readonly SpaceStatement[], keys: readonly string[], oldCount: number): boolean {
  const oldKeys: string[] = [];
  const newKeys: string[] = [];
  for (const index of actionClass.statements) (index < oldCount ? oldKeys : newKeys).push(keys[index]!);
  if (oldKeys.length !== newKeys.length) return false;
  oldKeys.sort();
  newKeys.sort();
  return oldKeys.every((key, i) => key === newKeys[i]);
}

/** Whether a side can allow anything of a class, and whether it surely allows all of it. */
export function sideReach(actionClass: ActionClass, statements: readonly SpaceStatement[], from: number, to: number): { allowsNothing: boolean; allowsEverything: boolean } {
  let allows = false;
  let unconditional = false;
  let denies = false;
  for (const index of actionClass.statements) {
    if (index < from || index >= to) continue;
    const { statement } = statements[index]!;
    if (statement.effectValue === 'Deny') denies = true;
    if (statement.effectValue !== 'Allow') continue;
    allows = true;
    const everyResource = statement.resource?.keyword === 'Resource' && statement.resource.values.some((value) => /^\*+$/.test(value.value));
    if (everyResource && !statement.condition && !statement.principal) unconditional = true;
  }
  return { allowsNothing: !allows, allowsEverything: unconditional && !denies };
}

/**
 * For each key, candidate values that every condition on the key (in the class's statements) treats
 * alike are one value: only the first is kept. A key tested under a condition whose values hold
 * policy variables keeps all its values, since such a test depends on other keys too.
 */
export function reduceKeys(keys: readonly KeyCandidates[], actionClass: ActionClass, statements: readonly SpaceStatement[], policies: readonly SourcedPolicy[]): KeyCandidates[] {
  const compiled = new Map<Statement, readonly CompiledCondition[]>();
  for (const sourced of policies) for (const entry of compilePolicy(sourced.policy).statements) compiled.set(entry.statement, entry.conditions);
  const conditions: CompiledCondition[] = [];
  for (const index of actionClass.statements) conditions.push(...(compiled.get(statements[index]!.statement) ?? []));
  return keys.map((key) => {
    const lower = key.key.toLowerCase();
    const onKey = conditions.filter((condition) => condition.lowerKey === lower);
    if (onKey.some((condition) => condition.tests === undefined && !condition.operator?.isNull)) return key;
    const seen = new Set<string>();
    const values = key.values.filter((value) => {
      const context = new RequestContext(value === undefined ? {} : { [key.key]: value });
      const outcome = onKey.map((condition) => (conditionHolds(condition, context, null) ? '1' : '0')).join('');
      if (seen.has(outcome)) return false;
      seen.add(outcome);
      return true;
    });
    return { key: key.key, values };
  });
}
