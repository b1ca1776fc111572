import type { Policy, Statement } from '../../document/model';
import type { StringNode } from '../../document/tree';
import { MemoSlot, memoized } from '../../document/memo';
import { matchesWildcard } from '../../match/wildcard';
import { actionMatches, listedMatching } from './actionMatch';
import { elementKeyTarget, valueTarget } from '../targets';
import type { ReportTarget } from '../types';

/** Where a statement grants some listed actions: an Action entry, or its NotAction key. */
export interface Grant {
  readonly target: ReportTarget;
  readonly entry?: StringNode;
  readonly actions: readonly string[];
}

/**
 * For an Allow statement, the listed actions ("iam:PassRole", ...) it grants, grouped by the Action
 * entry that grants them (`iam:*` grants several) or under NotAction when they are not excluded.
 */
export function grantsOf(statement: Statement, listed: readonly string[]): Grant[] {
  const element = statement.action;
  if (statement.effectValue !== 'Allow' || !element) return [];
  if (element.keyword === 'NotAction') {
    const actions = listed.filter((name) => !element.values.some((entry) => actionMatches(entry.value, name)));
    return actions.length > 0 ? [{ target: elementKeyTarget(statement, element.property), actions }] : [];
  }
  const grants: Grant[] = [];
  for (const entry of element.values) {
    const actions = listedMatching(entry.value, listed);
    // A copy, as before: the remembered list is shared.
    if (actions.length > 0) grants.push({ target: valueTarget(entry), entry, actions: actions.slice() });
  }
  return grants;
}

/** Whether the statement reaches every resource: "*" or NotResource (trust policies have none). */
export function onAllResources(statement: Statement): boolean {
  const element = statement.resource;
  if (!element) return false;
  return element.keyword === 'NotResource' || element.values.some((entry) => entry.value === '*');
}

/** Whether the policy allows an action anywhere, unless an unconditional Deny on "*" takes it back. */
export function policyGrants(policy: Policy, action: string): Statement | undefined {
  const lower = action.toLowerCase();
  const covers = (statement: Statement) => {
    const element = statement.action;
    if (!element) return false;
    const named = namesAction(statement, lower);
    return element.keyword === 'Action' ? named : !named;
  };
  const denied = policy.statements.some((s) => s.effectValue === 'Deny' && !s.condition && onAllResources(s) && s.resource?.keyword === 'Resource' && covers(s));
  if (denied) return undefined;
  return policy.statements.find((s) => s.effectValue === 'Allow' && covers(s));
}

interface ActionNames {
  readonly literal: ReadonlySet<string>;
  readonly wildcards: readonly { readonly head: string; readonly pattern: string }[];
}

const ACTION_NAMES = new MemoSlot<ActionNames>('action entries by kind');

/**
 * Whether an entry of the statement's (Not)Action list matches `lowerAction`: one set lookup for
 * the literal entries, and the wildcard entries whose literal head the action starts with. Rules
 * ask this for dozens of actions of every statement; a managed policy lists thousands of actions.
 */
function namesAction(statement: Statement, lowerAction: string): boolean {
  const names = memoized(statement, ACTION_NAMES, () => {
    const literal = new Set<string>();
    const wildcards: { head: string; pattern: string }[] = [];
    for (const entry of statement.action?.values ?? []) {
      const pattern = entry.value.toLowerCase();
      const wildcard = pattern.search(/[*?]/);
      if (wildcard < 0) literal.add(pattern);
      else wildcards.push({ head: pattern.slice(0, wildcard), pattern });
    }
    return { literal, wildcards };
  });
  if (names.literal.has(lowerAction)) return true;
  return names.wildcards.some((entry) => lowerAction.startsWith(entry.head) && matchesWildcard(entry.pattern, lowerAction));
}

export function describeActions(actions: readonly string[]): string {
  return actions.length <= 3 ? actions.join(', ') : `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`;
}
