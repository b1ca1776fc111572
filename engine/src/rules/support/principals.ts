import type { Statement } from '../../document/model';
import type { StringNode } from '../../document/tree';

export interface PrincipalValue {
  readonly type: string;
  readonly node: StringNode;
}

/** The principal strings of a statement's Principal (not NotPrincipal); "*" comes back as type AWS. */
export function principalValues(statement: Statement): PrincipalValue[] {
  const element = statement.principal;
  if (!element || element.keyword !== 'Principal') return [];
  if (element.wildcard) return [{ type: 'AWS', node: element.wildcard }];
  return element.entries.flatMap((entry) => entry.values.map((node) => ({ type: entry.type, node })));
}

export function hasConditionKey(statement: Statement, ...keys: string[]): boolean {
  const wanted = keys.map((key) => key.toLowerCase());
  return (statement.condition?.blocks ?? []).some((block) => block.entries.some((entry) => wanted.includes(entry.key.toLowerCase())));
}

export function hasConditionKeyWithPrefix(statement: Statement, prefix: string): boolean {
  const lower = prefix.toLowerCase();
  return (statement.condition?.blocks ?? []).some((block) => block.entries.some((entry) => entry.key.toLowerCase().startsWith(lower)));
}
