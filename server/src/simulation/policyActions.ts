import type { Catalog, Policy, Statement } from '../../../engine/src';
import type { StatementScope } from '../protocol';

export const DEFAULT_ACTION_LIMIT = 500;

export interface ExpandedAction {
  readonly action: string;
  readonly from: string;
  readonly inScope: boolean;
}

export interface ScopedStatement {
  readonly policyIndex: number;
  readonly statement: Statement;
  readonly inScope: boolean;
}

/** Every statement of the file, the scoped one first so its values lead every list built from them. */
export function statementsInOrder(policies: readonly Policy[], scope?: StatementScope): ScopedStatement[] {
  const all = policies.flatMap((policy, policyIndex) =>
    policy.statements.map((statement) => ({
      policyIndex,
      statement,
      inScope: scope !== undefined && scope.policyIndex === policyIndex && scope.statementIndex === statement.index,
    })),
  );
  return [...all.filter((entry) => entry.inScope), ...all.filter((entry) => !entry.inScope)];
}

/**
 * The concrete actions a file's Action and NotAction elements name, wildcards expanded through the
 * catalogue, in the order the policy names them, without duplicates (case-insensitive). Unknown
 * actions without wildcards are kept as written: simulating a typo is a fair question.
 */
export function expandPolicyActions(
  catalog: Catalog,
  statements: readonly ScopedStatement[],
  limit = DEFAULT_ACTION_LIMIT,
): { actions: ExpandedAction[]; total: number } {
  const seen = new Set<string>();
  const actions: ExpandedAction[] = [];
  let total = 0;
  const add = (action: string, from: string, inScope: boolean) => {
    const lower = action.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    total++;
    if (actions.length < limit) actions.push({ action, from, inScope });
  };
  for (const { statement, inScope } of statements) {
    for (const value of statement.action?.values ?? []) {
      const pattern = value.value.trim();
      if (pattern === '') continue;
      if (/[*?]/.test(pattern)) {
        for (const info of safeMatching(catalog, pattern)) add(`${info.service}:${info.name}`, pattern, inScope);
      } else {
        const info = catalog.actionFromString(pattern);
        add(info ? `${info.service}:${info.name}` : pattern, pattern, inScope);
      }
    }
  }
  return { actions, total };
}

function safeMatching(catalog: Catalog, pattern: string) {
  try {
    return catalog.actionsMatching(pattern);
  } catch {
    // A malformed service file must not stop the rest of the list.
    return [];
  }
}
