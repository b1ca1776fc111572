import type { PrincipalElement } from '../document/model';
import { parseArn } from '../match/arn';
import type { Caller } from './principal';
import type { PrincipalGrant } from './types';

/** A Principal/NotPrincipal element sorted by what each value names, for set lookups. */
export interface CompiledPrincipal {
  readonly negated: boolean;
  readonly wildcard: boolean;
  readonly accounts: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  /** `ACCOUNT/RoleName`: a session ARN carries no role path, so roles are known by account and name. */
  readonly roles: ReadonlySet<string>;
  readonly sessions: ReadonlySet<string>;
  readonly federatedUsers: ReadonlySet<string>;
  /** Lower-cased. */
  readonly services: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  readonly canonicalUsers: ReadonlySet<string>;
  /** Values of no known form (unique ids, typos): compared with the caller as written. */
  readonly others: ReadonlySet<string>;
}

export function compilePrincipal(element: PrincipalElement): CompiledPrincipal {
  const sets = {
    accounts: new Set<string>(),
    users: new Set<string>(),
    roles: new Set<string>(),
    sessions: new Set<string>(),
    federatedUsers: new Set<string>(),
    services: new Set<string>(),
    federated: new Set<string>(),
    canonicalUsers: new Set<string>(),
    others: new Set<string>(),
  };
  let wildcard = element.wildcard !== undefined;
  for (const entry of element.entries) {
    for (const { value } of entry.values) {
      if (value === '*' && entry.type === 'AWS') wildcard = true;
      else if (entry.type === 'AWS') classifyAwsValue(value, sets);
      else if (entry.type === 'Service') sets.services.add(value.toLowerCase());
      else if (entry.type === 'Federated') sets.federated.add(value);
      else if (entry.type === 'CanonicalUser') sets.canonicalUsers.add(value);
    }
  }
  return { negated: element.keyword === 'NotPrincipal', wildcard, ...sets };
}

function classifyAwsValue(value: string, sets: { accounts: Set<string>; users: Set<string>; roles: Set<string>; sessions: Set<string>; federatedUsers: Set<string>; others: Set<string> }): void {
  if (/^\d{12}$/.test(value)) return void sets.accounts.add(value);
  const arn = parseArn(value);
  if (arn?.service === 'iam' && arn.resource === 'root') return void sets.accounts.add(arn.account);
  if (arn?.service === 'iam' && arn.resource.startsWith('user/')) return void sets.users.add(value);
  if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
    return void sets.roles.add(`${arn.account}/${arn.resource.slice(arn.resource.lastIndexOf('/') + 1)}`);
  }
  if (arn?.service === 'sts' && arn.resource.startsWith('assumed-role/')) return void sets.sessions.add(value);
  if (arn?.service === 'sts' && arn.resource.startsWith('federated-user/')) return void sets.federatedUsers.add(value);
  sets.others.add(value);
}

/**
 * What names the caller in a Principal element, most specific first, or undefined when nothing does.
 * A NotPrincipal element names every caller it does not spare. Undefined caller (identity-only
 * simulation): 'not-applicable', so a resource policy's other elements still show.
 */
export function matchCompiledPrincipal(principal: CompiledPrincipal, caller: Caller, effect: 'Allow' | 'Deny' | undefined): PrincipalGrant | 'not-applicable' | undefined {
  if (caller.kind === 'unknown' && caller.text === undefined) return 'not-applicable';
  if (principal.negated) {
    // A Deny spares only a caller whose whole chain is listed; an Allow grants only a caller none of whose links is listed.
    const excepted = effect === 'Allow' ? listsAnyLink(principal, caller) : spares(principal, caller);
    return excepted ? undefined : 'not-principal';
  }
  return namedBy(principal, caller);
}

/**
 * For `Allow` + `NotPrincipal` (no longer supported by AWS, once "everyone except"): the caller is
 * an exception as soon as its account, user, role, session or any other name of it is listed, so
 * no reading of the element gives a listed principal anything (docs/evaluation.md, NotPrincipal).
 */
function listsAnyLink(principal: CompiledPrincipal, caller: Caller): boolean {
  if (principal.wildcard) return true;
  if (caller.account !== undefined && principal.accounts.has(caller.account)) return true;
  if (caller.text !== undefined && (principal.others.has(caller.text) || principal.canonicalUsers.has(caller.text))) return true;
  switch (caller.kind) {
    case 'user':
      return principal.users.has(caller.userArn!);
    case 'role-session':
      return principal.roles.has(`${caller.account}/${caller.roleName}`) || (caller.sessionArn !== undefined && principal.sessions.has(caller.sessionArn));
    case 'federated-user':
      return principal.federatedUsers.has(caller.federatedUserArn!);
    case 'service':
      return principal.services.has(caller.service!);
    case 'web-identity':
      return principal.federated.has(caller.text!);
    default:
      return false;
  }
}

function namedBy(principal: CompiledPrincipal, caller: Caller): PrincipalGrant | undefined {
  if (principal.wildcard) return 'wildcard';
  if (caller.text !== undefined && principal.others.has(caller.text)) return 'user';
  switch (caller.kind) {
    case 'user':
      if (principal.users.has(caller.userArn!)) return 'user';
      break;
    case 'role-session':
      if (caller.sessionArn !== undefined && principal.sessions.has(caller.sessionArn)) return 'session';
      if (principal.roles.has(`${caller.account}/${caller.roleName}`)) return 'role';
      break;
    case 'federated-user':
      if (principal.federatedUsers.has(caller.federatedUserArn!)) return 'federated-user';
      break;
    case 'service':
      return principal.services.has(caller.service!) ? 'service' : undefined;
    case 'web-identity':
      return principal.federated.has(caller.text!) ? 'federated' : undefined;
    case 'anonymous':
      return undefined;
    case 'unknown':
      if (principal.canonicalUsers.has(caller.text!)) return 'canonical-user';
      break;
  }
  if (caller.account !== undefined && principal.accounts.has(caller.account)) return 'account';
  return undefined;
}

/**
 * AWS may evaluate a caller as its account, then its role, then its session, so NotPrincipal spares
 * a caller only when every link of that chain is listed (UG: NotPrincipal); `*` spares everyone.
 */
function spares(principal: CompiledPrincipal, caller: Caller): boolean {
  if (principal.wildcard) return true;
  const account = caller.account !== undefined && principal.accounts.has(caller.account);
  switch (caller.kind) {
    case 'root':
      return account;
    case 'user':
      return account && principal.users.has(caller.userArn!);
    case 'role-session':
      return (
        account &&
        principal.roles.has(`${caller.account}/${caller.roleName}`) &&
        (caller.sessionArn === undefined || principal.sessions.has(caller.sessionArn))
      );
    case 'federated-user':
      return account && principal.federatedUsers.has(caller.federatedUserArn!);
    case 'service':
      return principal.services.has(caller.service!);
    case 'web-identity':
      return principal.federated.has(caller.text!);
    case 'unknown':
      return caller.text !== undefined && (principal.others.has(caller.text) || principal.canonicalUsers.has(caller.text));
    default:
      return false;
  }
}
