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
  for (const entry of entriesThatMayName(statement, listed)) {
    const actions = listedMatching(entry.value, listed);
    // A copy, as before: the remembered list is shared.
    if (actions.length > 0) grants.push({ target: valueTarget(entry), entry, actions: actions.slice() });
  }
  return grants;
}

interface EntriesByService {
  /** Positions of the Action entries of each lower-cased service prefix ("s3:Get*" under "s3"). */
  readonly byService: ReadonlyMap<string, readonly number[]>;
  /** Positions of the entries whose service part is a wildcard or missing ("*", "s3*:Get*", "GetObject"). */
  readonly anyService: readonly number[];
}

const ENTRIES_BY_SERVICE = new MemoSlot<EntriesByService>('action entries by service');
const listedServices = new WeakMap<readonly string[], readonly string[]>();

/**
 * The statement's Action entries that can match a listed name, in the statement's order: those of
 * the list's services, and those whose service part is a wildcard. The security rules each ask about
 * a list of a few services; a read-only managed policy has thousands of entries, nearly all of
 * other services, and looking each one up in every rule's table was most of a folder scan's time.
 */
function entriesThatMayName(statement: Statement, listed: readonly string[]): StringNode[] {
  const values = statement.action!.values;
  const { byService, anyService } = memoized(statement, ENTRIES_BY_SERVICE, () => {
    const grouped = new Map<string, number[]>();
    const any: number[] = [];
    values.forEach((entry, index) => {
      const colon = entry.value.indexOf(':');
      const service = colon < 0 ? '' : entry.value.slice(0, colon).toLowerCase();
      if (service === '' || /[*?]/.test(service)) any.push(index);
      else {
        const same = grouped.get(service);
        if (same) same.push(index);
        else grouped.set(service, [index]);
      }
    });
    return { byService: grouped, anyService: any };
  });
  let services = listedServices.get(listed);
  if (!services) {
    services = [...new Set(listed.map((name) => name.slice(0, name.indexOf(':')).toLowerCase()))];
    listedServices.set(listed, services);
  }
  const positions = [...anyService];
  for (const service of services) positions.push(...(byService.get(service) ?? []));
  return positions.sort((a, b) => a - b).map((index) => values[index]!);
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
