import { expandActionFix } from '../support/expandAction';
import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';

export const actionWildcard: Rule = {
  meta: {
    id: 'IAM113',
    name: 'action-wildcard',
    severity: 'hint',
    category: 'suggestion',
    description:
      'A wildcard in an action name ("s3:Get*") also grants the matching actions AWS adds later. Listing the actions it matches today keeps the grant as reviewed.',
  },
  scope: 'policy',
  check({ file, policy, cache, report }) {
    if (policy.type !== 'identity' && policy.type !== 'resource' && policy.type !== 'session') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow' || statement.action?.keyword !== 'Action') continue;
      for (const entry of statement.action.values) {
        const parts = splitAction(entry.value);
        if (!parts?.nameHasWildcard || parts.serviceHasWildcard || /^\*+$/.test(parts.name)) continue;
        const actions = cache.actionsMatching(entry.value);
                // Only worth saying where the list is short enough to read; "s3:*" stays a deliberate choice.
        const fix = expandActionFix(file.text, entry, actions);
        if (!fix) continue;
        report(valueTarget(entry), `"${entry.value}" matches ${actions.length} action${actions.length === 1 ? '' : 's'} today and any added later: expand it to review them.`, [fix]);
      }
    }
  },
};
