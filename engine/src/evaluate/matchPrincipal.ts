import type { PrincipalElement } from '../document/model';
import type { StringNode } from '../document/tree';
import { patternOfValue, UNKNOWN_MARK } from '../document/unknown';
import { parseArn } from '../match/arn';
import { matchesGlob } from '../match/wildcard';
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
  /**
   * Values with a part known only after deployment (`arn:aws:iam::${var.account_id}:root`), as
   * patterns with `*` for each unknown part: they name a caller "maybe" (see maybeNamedBy).
   */
  readonly maybe: readonly { readonly type: string; readonly pattern: string }[];
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
  const maybe: { type: string; pattern: string }[] = [];
  for (const entry of element.entries) {
    for (const { value } of entry.values) {
      if (value.includes(UNKNOWN_MARK)) maybe.push({ type: entry.type, pattern: patternOfValue(value) });
      else if (value === '*' && entry.type === 'AWS') wildcard = true;
      else if (entry.type === 'AWS') classifyAwsValue(value, sets);
      else if (entry.type === 'Service') sets.services.add(value.toLowerCase());
      else if (entry.type === 'Federated') sets.federated.add(value);
      else if (entry.type === 'CanonicalUser') sets.canonicalUsers.add(value);
    }
  }
  return { negated: element.keyword === 'NotPrincipal', wildcard, ...sets, maybe };
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
      return principal.services.has(caller.service!) ? 'service' : maybeNamedBy(principal, caller);
    case 'web-identity':
      return principal.federated.has(caller.text!) ? 'federated' : maybeNamedBy(principal, caller);
    case 'anonymous':
      return undefined;
    case 'unknown':
      if (principal.canonicalUsers.has(caller.text!)) return 'canonical-user';
      break;
  }
  if (caller.account !== undefined && principal.accounts.has(caller.account)) return 'account';
  return maybeNamedBy(principal, caller);
}

/**
 * A Principal value with an unknown part names the caller when some value of that part would, as
 * an unknown part of an Action or Resource matches (dependsOn.ts then says the decision rests on
 * it). NotPrincipal does not read such values: an exception that may or may not list the caller
 * spares no one.
 */
function maybeNamedBy(principal: CompiledPrincipal, caller: Caller): PrincipalGrant | undefined {
  for (const { type, pattern } of principal.maybe) {
    if (type === 'Service') {
      if (caller.kind === 'service' && matchesGlob(pattern.toLowerCase(), caller.service!)) return 'service';
    } else if (type === 'Federated') {
      if (caller.kind === 'web-identity' && matchesGlob(pattern, caller.text!)) return 'federated';
    } else if (type === 'AWS') {
      if (caller.account !== undefined && (matchesGlob(pattern, caller.account) || matchesGlob(pattern, `arn:${caller.partition}:iam::${caller.account}:root`))) return 'account';
      if (caller.kind === 'role-session' && caller.roleArn !== undefined && matchesGlob(pattern, caller.roleArn)) return 'role';
      if (caller.kind === 'user' && matchesGlob(pattern, caller.userArn!)) return 'user';
    }
  }
  return undefined;
}

/**
 * The Principal values with unknown parts a match of the caller relied on: none when a value
 * without unknown parts names the caller, or when the element is a NotPrincipal.
 */
export function principalValuesNeeded(element: PrincipalElement, caller: Caller): StringNode[] {
  if (element.keyword !== 'Principal') return [];
  const compiled = compilePrincipal(element);
  if (compiled.maybe.length === 0 || namedBy({ ...compiled, maybe: [] }, caller) !== undefined) return [];
  return element.entries.flatMap((entry) =>
    entry.values.filter((value) => value.value.includes(UNKNOWN_MARK) && maybeNamedBy({ ...compiled, maybe: [{ type: entry.type, pattern: patternOfValue(value.value) }] }, caller) !== undefined),
  );
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
