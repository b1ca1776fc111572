import type { PolicyType } from '../document/model';
import type { ActionClass, SpaceStatement } from './actionClasses';
import { DIFF_ACCOUNT, OTHER_ACCOUNT, ROLE_NAME } from './harness';
import { concretise } from './resources';

/** Keys AWS fills in from the caller: for resource and trust policies they come from the principal tried, not from a guessed context. */
export const CALLER_KEYS = new Set(['aws:principalarn', 'aws:principalaccount', 'aws:userid', 'aws:username', 'aws:principaltype', 'aws:principalisawsservice', 'aws:principalservicename']);

function callersFor(type: string, value: string): string[] {
  const text = concretise(value);
  if (type === 'AWS') {
    if (/^\*+$/.test(value)) return [`arn:aws:iam::${OTHER_ACCOUNT}:role/${ROLE_NAME}`, '*'];
    if (/^\d{12}$/.test(text)) return [`arn:aws:iam::${text}:root`, `arn:aws:iam::${text}:role/${ROLE_NAME}`];
    const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(text);
    if (root) return [text, `arn:aws:iam::${root[1]}:role/${ROLE_NAME}`];
    return [text];
  }
  if (type === 'Service' || type === 'Federated') return [text];
  // CanonicalUser and unknown types name callers the simulator does not model (docs/diff.md).
  return [];
}

/**
 * The callers tried against resource and trust policies: everyone either side names (an account as
 * its root and as a role in it, `*` as a caller of another account and as an anonymous one), the
 * values conditions test for the caller's ARN or account, and always a role of the policy's own
 * account and one of another account. Other policy types are asked without a principal.
 */
export function principalCandidates(actionClass: ActionClass, statements: readonly SpaceStatement[], type: PolicyType): (string | undefined)[] {
  if (type !== 'resource' && type !== 'trust') return [undefined];
  const out = new Set<string>([`arn:aws:iam::${DIFF_ACCOUNT}:role/${ROLE_NAME}`, `arn:aws:iam::${OTHER_ACCOUNT}:role/${ROLE_NAME}`]);
  for (const index of actionClass.statements) {
    const { statement } = statements[index]!;
    const principal = statement.principal;
    if (principal?.wildcard) for (const caller of callersFor('AWS', '*')) out.add(caller);
    for (const entry of principal?.entries ?? []) for (const value of entry.values) for (const caller of callersFor(entry.type, value.value)) out.add(caller);
    for (const block of statement.condition?.blocks ?? []) {
      for (const entry of block.entries) {
        const key = entry.key.toLowerCase();
        if (key !== 'aws:principalarn' && key !== 'aws:principalaccount') continue;
        for (const value of entry.values) if (value.kind === 'string') for (const caller of callersFor('AWS', value.value)) out.add(caller);
      }
    }
  }
  return [...out];
}
