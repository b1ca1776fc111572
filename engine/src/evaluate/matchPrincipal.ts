import type { PrincipalElement } from '../document/model';
import { parseArn } from '../match/arn';
import type { MatchState } from './types';

/**
 * Whether the calling principal is one the Principal element names. An account (12 digits or its
 * root ARN) names every principal of that account; a role ARN also names that role's sessions.
 * Without a principal in the request, the element cannot be judged and counts as matching, so
 * identity-only simulations of resource policies still show their other elements.
 */
export function matchPrincipal(element: PrincipalElement, caller: string | undefined): MatchState {
  if (caller === undefined) return 'not-applicable';
  const named = element.wildcard ? true : element.entries.some((entry) => entry.values.some((value) => principalNames(entry.type, value.value, caller)));
  const negated = element.keyword === 'NotPrincipal';
  return named !== negated ? 'match' : 'no-match';
}

function principalNames(type: string, value: string, caller: string): boolean {
  if (value === '*') return true;
  if (type === 'Service' || type === 'Federated' || type === 'CanonicalUser') return value === caller;
  if (type !== 'AWS') return false;
  const callerArn = parseArn(caller);
  if (/^\d{12}$/.test(value)) return callerArn?.account === value || caller === value;
  if (value === caller) return true;
  const valueArn = parseArn(value);
  if (!valueArn || !callerArn) return false;
  if (valueArn.resource === 'root') return valueArn.account === callerArn.account;
  // arn:aws:iam::111122223333:role/Name names sessions arn:aws:sts::111122223333:assumed-role/Name/session.
  const roleName = valueArn.resource.startsWith('role/') ? valueArn.resource.split('/').pop() : undefined;
  const assumed = callerArn.service === 'sts' && callerArn.resource.startsWith('assumed-role/') ? callerArn.resource.split('/')[1] : undefined;
  return roleName !== undefined && roleName === assumed && valueArn.account === callerArn.account;
}
