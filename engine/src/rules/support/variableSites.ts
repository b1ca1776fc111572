import type { Policy, Statement } from '../../document/model';
import { MemoSlot, memoized } from '../../document/memo';
import type { StringNode } from '../../document/tree';
import { conditionUses } from './conditions';
import { familyName } from './operatorNames';

export type VariableSite = 'resource' | 'condition' | 'action' | 'principal' | 'condition-operator';

export interface VariableString {
  readonly node: StringNode;
  readonly site: VariableSite;
  readonly statement: Statement;
  /** For condition values: the operator as written. */
  readonly operator?: string;
}

const SITES = new MemoSlot<readonly VariableString[]>('variable sites');

/** Every string of a policy that holds "${", with where it sits; listed once per parsed policy for the three rules that ask. */
export function stringsWithVariables(policy: Policy): readonly VariableString[] {
  return memoized(policy, SITES, () => collectVariableStrings(policy));
}

function collectVariableStrings(policy: Policy): VariableString[] {
  const found: VariableString[] = [];
  for (const statement of policy.statements) {
    for (const node of statement.resource?.values ?? []) if (node.value.includes('${')) found.push({ node, site: 'resource', statement });
    for (const node of statement.action?.values ?? []) if (node.value.includes('${')) found.push({ node, site: 'action', statement });
    for (const entry of statement.principal?.entries ?? []) {
      for (const node of entry.values) if (node.value.includes('${')) found.push({ node, site: 'principal', statement });
    }
  }
  for (const use of conditionUses(policy)) {
    const family = use.operator && familyName(use.operator);
    const site: VariableSite = !family || family === 'string' || family === 'arn' ? 'condition' : 'condition-operator';
    for (const item of use.items) {
      if (item.kind === 'string' && item.value.includes('${')) found.push({ node: item, site, statement: use.statement, operator: use.block.operator });
    }
  }
  return found;
}
