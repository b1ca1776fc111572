import type { CompiledPolicy, CompiledStatement } from './compile';
import type { Applies } from './evaluateStatement';
import type { Caller } from './principal';
import type { Decision, SourcedPolicy } from './types';
import { statementName } from '../document/model';

/** A statement that applies to the request. */
export interface Hit {
  readonly sourced: SourcedPolicy;
  readonly policy: CompiledPolicy;
  readonly statement: CompiledStatement;
  readonly grant: Exclude<Applies, false>;
}

export interface GroupOutcome {
  readonly allows: Hit[];
  readonly denies: Hit[];
}

export interface LevelOutcome extends GroupOutcome {
  readonly level: string;
}

/** The evaluated policy groups; a group is undefined when it is absent or does not apply to this caller. */
export interface DecisionInput {
  readonly caller: Caller;
  readonly crossAccount: boolean;
  readonly resourceAccount?: string;
  /** Trust policies and KMS key policies must allow explicitly: an identity allow alone is not enough. */
  readonly strict?: 'trust' | 'key';
  readonly action: string;
  readonly scp?: readonly LevelOutcome[];
  readonly rcp?: readonly LevelOutcome[];
  readonly identity?: GroupOutcome;
  readonly resource: GroupOutcome;
  readonly boundary?: GroupOutcome;
  readonly session?: GroupOutcome;
  /** VPC endpoint policies of the endpoint the request travels through: they must allow, and never grant. */
  readonly endpoint?: GroupOutcome;
  /** A federated user (GetFederationToken) has no permissions without a session policy. */
  readonly sessionRequired: boolean;
}

export interface DecisionOutcome {
  readonly decision: Decision;
  readonly deciding: readonly Hit[];
  readonly summary: string;
}

const NO_HITS: readonly Hit[] = [];

/** Resource-policy grants that implicit denies elsewhere do not limit (§2 of the semantics notes). */
const FINAL_GRANTS = new Set(['wildcard', 'not-principal', 'user', 'session', 'federated-user', 'service', 'federated', 'canonical-user']);

/** Callers with identity-side permissions; the others (services, identity providers, anonymous) have only resource policies. */
const IDENTITY_KINDS = new Set(['user', 'role-session', 'federated-user', 'root', 'unknown']);

/**
 * The decision, in the order AWS documents: an explicit Deny anywhere wins; every SCP level and
 * every RCP level must allow; then the grants: resource-policy grants by the principal form they
 * name, the identity side (identity ∩ boundary ∩ session), and for cross-account requests both sides.
 */
export function decide(input: DecisionInput): DecisionOutcome {
  const denies = anyDeny(input) ? collectDenies(input) : [];
  if (denies.length > 0) return { decision: 'ExplicitDeny', deciding: denies, summary: `Explicitly denied by ${describe(denies[0]!)}.` };
  return decideWithoutDenies(input);
}

// decide runs once per request, and simulating every catalogue action is 22,000 requests: the checks
// below allocate nothing on the way to the common answer (no Deny, no SCP or RCP, no resource policy).

function anyDeny(input: DecisionInput): boolean {
  return (
    hasDenies(input.identity) ||
    hasDenies(input.resource) ||
    hasDenies(input.boundary) ||
    hasDenies(input.session) ||
    hasDenies(input.endpoint) ||
    anyLevelDenies(input.scp) ||
    anyLevelDenies(input.rcp)
  );
}

function hasDenies(group: GroupOutcome | undefined): boolean {
  return group !== undefined && group.denies.length > 0;
}

function anyLevelDenies(levels: readonly LevelOutcome[] | undefined): boolean {
  if (levels) for (const level of levels) if (level.denies.length > 0) return true;
  return false;
}

/** An implicit deny when a level of the SCPs or RCPs allows nothing: every level must allow. */
function failingLevel(levels: readonly LevelOutcome[] | undefined, name: string): DecisionOutcome | undefined {
  if (levels) {
    for (const level of levels) {
      if (level.allows.length > 0) continue;
      return implicit(
        `No statement of the ${name} at level "${level.level}" allows the action: every level must allow. ` +
          'This is an implicit deny, although AWS error messages may call it an explicit deny in an SCP or RCP.',
      );
    }
  }
  return undefined;
}

function collectDenies(input: DecisionInput): Hit[] {
  return [
    ...(input.scp ?? []).flatMap((level) => level.denies),
    ...(input.rcp ?? []).flatMap((level) => level.denies),
    ...(input.identity?.denies ?? []),
    ...input.resource.denies,
    ...(input.boundary?.denies ?? []),
    ...(input.session?.denies ?? []),
    ...(input.endpoint?.denies ?? []),
  ];
}

function decideWithoutDenies(input: DecisionInput): DecisionOutcome {
  const failing = failingLevel(input.scp, 'service control policies (SCPs)') ?? failingLevel(input.rcp, 'resource control policies (RCPs)');
  if (failing) return failing;

  if (input.endpoint && input.endpoint.allows.length === 0) {
    return implicit('The VPC endpoint policy does not allow the request: a request through an endpoint must be allowed by its policy as well.');
  }

  const { caller } = input;
  if (caller.kind === 'root' && input.action === 'sts:assumerole') {
    return implicit('The account root user cannot call sts:AssumeRole; roles are assumed with IAM user or role credentials.');
  }

  const boundaryAllows = !input.boundary || input.boundary.allows.length > 0;
  const sessionAllows = input.session ? input.session.allows.length > 0 : !input.sessionRequired;
  const identityAllows = input.identity?.allows ?? [];
  const callerSide = caller.kind === 'root' || (identityAllows.length > 0 && boundaryAllows && sessionAllows);
  const callerSideReason = (): string =>
    identityAllows.length === 0
      ? 'No identity-based policy allows the action'
      : !boundaryAllows
        ? 'The permissions boundary does not allow the action'
        : input.session
          ? 'The session policy does not allow the action'
          : 'A federated user session (GetFederationToken) without a session policy has no permissions';

  const grants = input.resource.allows;
  if (!IDENTITY_KINDS.has(caller.kind)) {
    if (grants.length > 0) return allow(grants, `Allowed by ${describe(grants[0]!)}; this caller has no identity-based policies.`);
    return implicit('No resource-based policy allows this caller, and it has no identity-based policies of its own.');
  }

  if (input.crossAccount) {
    if (!callerSide) return implicit(`${callerSideReason()} in the caller's account; a cross-account request needs both accounts to allow.`);
    if (grants.length === 0) {
      return implicit(`The caller's account allows the action, but no resource-based policy in account ${input.resourceAccount} does; a cross-account request needs both.`);
    }
    return allow([...identityAllows, ...grants], `Allowed: the caller's account (${describe(identityAllows[0] ?? grants[0]!)}) and the resource's account (${describe(grants[0]!)}) both allow.`);
  }

  const direct = grants.length === 0 ? NO_HITS : grants.filter((hit) => FINAL_GRANTS.has(hit.grant) || (boundaryAllows && sessionAllows));
  const delegating = grants.length === 0 ? NO_HITS : grants.filter((hit) => hit.grant === 'account');
  const named = direct.length === 0 ? NO_HITS : direct.filter((hit) => hit.grant !== 'account');

  if (input.strict) {
    if (named.length > 0) return allow(named, `Allowed by ${describe(named[0]!)}, which names the caller.`);
    const what = input.strict === 'trust' ? "role's trust policy" : 'key policy';
    if (delegating.length === 0) {
      return implicit(
        grants.length > 0
          ? `The ${what} names the caller, but ${callerSideReason().toLowerCase()}.`
          : `The ${what} does not allow this caller; it must allow explicitly (the caller itself or its account), an identity-based policy alone is not enough.`,
      );
    }
    if (!callerSide) return implicit(`The ${what} delegates to the account, but ${callerSideReason().toLowerCase()}.`);
    return allow([...delegating, ...identityAllows], `Allowed: the ${what} delegates to the account (${describe(delegating[0]!)}) and the caller's own permissions allow.`);
  }

  // Same account: the identity side and the resource policy each suffice (their union).
  if (callerSide || named.length > 0) {
    const deciding = callerSide ? [...identityAllows, ...named] : named;
    if (deciding.length === 0) return allow([], 'Allowed: the account root user has full access in its own account unless something denies or an SCP does not allow.');
    const first = deciding[0]!;
    return allow(deciding, `Allowed by ${describe(first)}${callerSide ? '' : ', which names the caller'}.`);
  }
  if (grants.some((hit) => hit.grant === 'role')) {
    return implicit(`A resource-based policy names the caller's role, but ${!boundaryAllows ? 'the permissions boundary' : 'the session policy'} does not allow the action, and that limits grants to the role.`);
  }
  if (delegating.length > 0) return implicit(`A resource-based policy allows the caller's account, which delegates to the caller's own permissions: ${callerSideReason().toLowerCase()}.`);
  return implicit(`${callerSideReason()}, and no resource-based policy allows it, so it is implicitly denied.`);
}

function implicit(summary: string): DecisionOutcome {
  return { decision: 'ImplicitDeny', deciding: [], summary };
}

function allow(deciding: readonly Hit[], summary: string): DecisionOutcome {
  return { decision: 'Allow', deciding, summary };
}

export function describe(hit: Hit): string {
  return `${statementName(hit.statement.index, hit.statement.sid)} of the ${hit.policy.policy.type} policy in ${hit.sourced.source}`;
}
