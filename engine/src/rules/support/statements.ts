import type { Statement } from '../../document/model';
import type { StringNode } from '../../document/tree';
import { hasWildcard } from '../../match/wildcard';
import { actionMatches } from './actionMatch';

/** The Action entry that names `qualified` ("iam:PassRole"), or, for NotAction, undefined. */
export function actionEntryFor(statement: Statement, qualified: string): StringNode | undefined {
  if (statement.action?.keyword !== 'Action') return undefined;
  return statement.action.values.find((entry) => actionMatches(entry.value, qualified));
}

/** Whether the statement's Action or NotAction covers `qualified`. */
export function coversAction(statement: Statement, qualified: string): boolean {
  const element = statement.action;
  if (!element) return false;
  const named = element.values.some((entry) => actionMatches(entry.value, qualified));
  return element.keyword === 'Action' ? named : !named;
}

export type ResourceBreadth = 'star' | 'wildcard' | 'not-resource';

/**
 * How widely a statement's resources reach: every resource ("*"), some wildcard ARN, or everything
 * but a list (NotResource). Undefined for specific ARNs only, and for trust policies and SCPs
 * without a Resource, which the caller decides about.
 */
export function resourceBreadth(statement: Statement): ResourceBreadth | undefined {
  const element = statement.resource;
  if (!element) return undefined;
  if (element.keyword === 'NotResource') return 'not-resource';
  if (element.values.some((entry) => entry.value === '*')) return 'star';
  if (element.values.some((entry) => hasWildcard(entry.value))) return 'wildcard';
  return undefined;
}

/** The condition keys a statement tests, lower-case. */
export function conditionKeysOf(statement: Statement): Set<string> {
  const keys = new Set<string>();
  for (const block of statement.condition?.blocks ?? []) {
    for (const entry of block.entries) keys.add(entry.key.toLowerCase());
  }
  return keys;
}

/** Where a finding about "this statement grants X through NotAction" belongs: the NotAction key. */
export function actionKeywordTarget(statement: Statement) {
  const element = statement.action!;
  return { span: element.property.keySpan, path: statement.path.concat(element.keyword) };
}
