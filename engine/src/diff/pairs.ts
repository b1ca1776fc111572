import { formatPath } from '../document/tree';
import type { SourcedPolicy } from '../evaluate/types';

/** Two versions of the same policy (either may be missing: a policy added or removed). */
export interface PolicyPair {
  /** The policy's place in its file ("" for a plain policy file). */
  readonly key: string;
  readonly old: SourcedPolicy[];
  readonly new: SourcedPolicy[];
}

/**
 * Policies of two versions of a file paired up: one policy on each side are compared whatever their
 * place; in templates and dumps, by their path in the file (logical id and property). A policy only
 * in the new version is all new access; one only in the old version is all removed.
 */
export function pairPolicies(oldPolicies: readonly SourcedPolicy[], newPolicies: readonly SourcedPolicy[]): PolicyPair[] {
  if (oldPolicies.length <= 1 && newPolicies.length <= 1) return [{ key: '', old: [...oldPolicies], new: [...newPolicies] }];
  const keyOf = (sourced: SourcedPolicy) => {
    const inString = sourced.source.indexOf(' (the policy in ');
    return `${formatPath(sourced.policy.path)}${inString >= 0 ? sourced.source.slice(inString) : ''}`;
  };
  const keys = [...new Set([...newPolicies.map(keyOf), ...oldPolicies.map(keyOf)])];
  return keys.map((key) => ({ key, old: oldPolicies.filter((sourced) => keyOf(sourced) === key), new: newPolicies.filter((sourced) => keyOf(sourced) === key) }));
}
