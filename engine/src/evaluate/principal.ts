import { parseArn } from '../match/arn';
import type { PrincipalKind } from './types';

/** The caller, taken apart once per simulation so that Principal elements can be matched quickly. */
export interface Caller {
  readonly kind: PrincipalKind;
  /** As given in the request. */
  readonly text?: string;
  readonly account?: string;
  readonly partition: string;
  /** `arn:…:iam::ACCOUNT:user/path/name` for users. */
  readonly userArn?: string;
  readonly userName?: string;
  /** The role's name (without path) for role sessions. */
  readonly roleName?: string;
  /** The role ARN as given, or rebuilt without a path from a session ARN. */
  readonly roleArn?: string;
  /** `arn:…:sts::ACCOUNT:assumed-role/ROLE/SESSION` when the session name is known. */
  readonly sessionArn?: string;
  readonly federatedUserArn?: string;
  /** A service principal such as `lambda.amazonaws.com`, lower-cased. */
  readonly service?: string;
  /** A role of AWS's own making for one service: SCPs, RCPs and boundaries do not limit it. */
  readonly serviceLinked: boolean;
}

/** Identity providers that appear as `Federated` principals (AssumeRoleWithWebIdentity / SAML callers). */
const WEB_IDENTITY_PROVIDERS = new Set(['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);

/**
 * Reads the request's principal: an IAM user, role or role-session ARN, a federated-user ARN, an
 * account (12 digits or its root ARN), a service principal (`*.amazonaws.com`), an identity provider
 * (SAML/OIDC provider ARN or a well-known web identity host), or `anonymous` / `*`. Without a
 * principal the caller is unknown and Principal elements cannot be judged.
 */
export function describeCaller(principal: string | undefined): Caller {
  // Simulating many actions for one caller is the common case: read each principal once.
  const key = principal ?? '';
  let caller = callers.get(key);
  if (!caller) {
    if (callers.size >= 256) callers.clear();
    caller = readCaller(principal);
    callers.set(key, caller);
  }
  return caller;
}

const callers = new Map<string, Caller>();

function readCaller(principal: string | undefined): Caller {
  const base = { partition: 'aws', serviceLinked: false };
  if (principal === undefined || principal === '') return { ...base, kind: 'unknown' };
  const text = principal.trim();
  if (text === '*' || text.toLowerCase() === 'anonymous') return { ...base, kind: 'anonymous', text };
  if (/^\d{12}$/.test(text)) return { ...base, kind: 'root', text, account: text };
  if (!text.startsWith('arn:')) {
    const lower = text.toLowerCase();
    if (WEB_IDENTITY_PROVIDERS.has(lower)) return { ...base, kind: 'web-identity', text };
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(lower)) return { ...base, kind: 'service', text, service: lower };
    return { ...base, kind: 'unknown', text };
  }
  const arn = parseArn(text);
  if (!arn) return { ...base, kind: 'unknown', text };
  const common = { partition: arn.partition, account: arn.account, text };
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { ...base, ...common, kind: 'root' };
    if (arn.resource.startsWith('user/')) {
      return { ...base, ...common, kind: 'user', userArn: text, userName: lastSegment(arn.resource) };
    }
    if (arn.resource.startsWith('role/')) {
      const roleName = lastSegment(arn.resource);
      const serviceLinked = arn.resource.startsWith('role/aws-service-role/') || isServiceLinkedName(roleName);
      return { ...base, ...common, kind: 'role-session', roleName, roleArn: text, serviceLinked };
    }
    if (arn.resource.startsWith('saml-provider/') || arn.resource.startsWith('oidc-provider/')) {
      return { ...base, ...common, account: undefined, kind: 'web-identity' };
    }
  }
  if (arn.service === 'sts') {
    const [type, name, session] = arn.resource.split('/');
    if (type === 'assumed-role' && name) {
      return {
        ...base,
        ...common,
        kind: 'role-session',
        roleName: name,
        roleArn: `arn:${arn.partition}:iam::${arn.account}:role/${name}`,
        sessionArn: session !== undefined ? text : undefined,
        serviceLinked: isServiceLinkedName(name),
      };
    }
    if (type === 'federated-user' && name) return { ...base, ...common, kind: 'federated-user', federatedUserArn: text };
  }
  return { ...base, kind: 'unknown', text };
}

// Service-linked roles live under /aws-service-role/; a session ARN drops the path, so the
// conventional name prefix is the only sign left.
function isServiceLinkedName(roleName: string): boolean {
  return roleName.startsWith('AWSServiceRoleFor');
}

function lastSegment(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1);
}

const derivedCache = new WeakMap<Caller, ReadonlyMap<string, readonly string[]>>();

/** derivedContextKeys() with lower-cased keys, computed once per caller. */
export function derivedContextMap(caller: Caller): ReadonlyMap<string, readonly string[]> {
  let map = derivedCache.get(caller);
  if (!map) {
    map = new Map(Object.entries(derivedContextKeys(caller)).map(([key, value]) => [key.toLowerCase(), [value]]));
    derivedCache.set(caller, map);
  }
  return map;
}

/** The principal-related global condition keys AWS puts in every request from this caller. */
export function derivedContextKeys(caller: Caller): Record<string, string> {
  const keys: Record<string, string> = {};
  const isService = caller.kind === 'service';
  if (caller.kind !== 'unknown') keys['aws:PrincipalIsAWSService'] = isService ? 'true' : 'false';
  if (isService) keys['aws:PrincipalServiceName'] = caller.service!;
  if (caller.account) keys['aws:PrincipalAccount'] = caller.account;
  const type = PRINCIPAL_TYPES[caller.kind];
  if (type) keys['aws:PrincipalType'] = type;
  if (caller.kind === 'user') {
    keys['aws:PrincipalArn'] = caller.userArn!;
    keys['aws:username'] = caller.userName!;
  } else if (caller.kind === 'role-session') {
    keys['aws:PrincipalArn'] = caller.roleArn!;
  } else if (caller.kind === 'federated-user') {
    keys['aws:PrincipalArn'] = caller.federatedUserArn!;
  } else if (caller.kind === 'root') {
    keys['aws:PrincipalArn'] = `arn:${caller.partition}:iam::${caller.account}:root`;
  }
  return keys;
}

const PRINCIPAL_TYPES: Partial<Record<PrincipalKind, string>> = {
  user: 'User',
  'role-session': 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  anonymous: 'Anonymous',
};
