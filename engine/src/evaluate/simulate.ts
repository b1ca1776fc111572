import { compilePolicy } from './compile';
import { RequestContext } from './context';
import { decide, type GroupOutcome, type Hit, type LevelOutcome } from './decide';
import { statementApplies, traceStatement, type EvaluationScope } from './evaluateStatement';
import { describeCaller, derivedContextMap, type Caller } from './principal';
import { prepareResource } from './resourcePattern';
import type { AccessRequest, PolicySet, SimulateOptions, SimulationResult, SourcedPolicy, StatementTrace } from './types';

/**
 * Evaluates a request against a set of policies as AWS documents it (docs/evaluation.md): the caller's
 * kind decides which policy types take part; an explicit Deny anywhere wins; every SCP and RCP
 * level must allow; then resource-policy grants (by the principal form they name), the identity side
 * (identity ∩ boundary ∩ session) and, across accounts, both sides. Trust and KMS key policies must
 * allow explicitly.
 */
export function simulate(policies: PolicySet, request: AccessRequest, options: SimulateOptions = {}): SimulationResult {
  const full = options.trace !== 'deciding';
  const caller = describeCaller(request.principal);
  const resource = prepareResource(request.resource);
  const resourceAccount = request.resourceAccount || accountOf(resource.head);
  let defaults = derivedContextMap(caller);
  if (request.resourceAccount) defaults = new Map([...defaults, ['aws:resourceaccount', [request.resourceAccount]]]);
  const missing = new Set<string>();
  const scope: EvaluationScope = {
    context: new RequestContext(request.context, defaults),
    missing,
    caller,
    action: request.action.toLowerCase(),
    resource,
    notPrincipalDenyAlwaysMatches: (policies.boundary?.length ?? 0) > 0 && (caller.kind === 'user' || caller.kind === 'role-session'),
  };
  const notes: string[] = [describeCallerNote(caller)];
  const crossAccount = caller.account !== undefined && resourceAccount !== undefined && caller.account !== resourceAccount;
  if (crossAccount) notes.push(`Cross-account: the caller is in ${caller.account}, the resource in ${resourceAccount}; both accounts must allow.`);

  const traces: StatementTrace[] = [];
  /** Evaluates one group; a group that does not apply to this caller is traced (marked) but takes no part. */
  const run = (list: readonly SourcedPolicy[] | undefined, ignoredBecause?: string): GroupOutcome | undefined => {
    if (!list || list.length === 0) return undefined;
    if (ignoredBecause && !full) return undefined;
    // Keys only an ignored policy asks for are not missing from the request.
    const missingKeys = scope.missing;
    if (ignoredBecause) scope.missing = null;
    const outcome = evaluateGroup(list, scope, full ? traces : undefined, ignoredBecause);
    scope.missing = missingKeys;
    return ignoredBecause ? undefined : outcome;
  };
  const runLevels = (list: readonly SourcedPolicy[] | undefined, ignoredBecause?: string): LevelOutcome[] | undefined => {
    if (!list || list.length === 0) return undefined;
    const levels: LevelOutcome[] = [];
    for (const [level, members] of groupByLevel(list)) {
      const outcome = run(members, ignoredBecause);
      if (outcome) levels.push({ level, ...outcome });
    }
    return ignoredBecause ? undefined : levels;
  };
  const note = (list: readonly SourcedPolicy[] | undefined, ignoredBecause: string | undefined): string | undefined => {
    if (ignoredBecause && list && list.length > 0) notes.push(ignoredBecause);
    return ignoredBecause;
  };

  const kind = caller.kind;
  const managementPrincipal = request.managementAccount !== undefined && caller.account === request.managementAccount;
  const managementResource = request.managementAccount !== undefined && resourceAccount === request.managementAccount;
  const scpIgnored =
    kind === 'service' || kind === 'web-identity' || kind === 'anonymous'
      ? 'SCPs do not apply: they limit principals of member accounts, and this caller is not one.'
      : caller.serviceLinked
        ? 'SCPs do not apply: they do not limit service-linked roles.'
        : managementPrincipal
          ? 'SCPs do not apply: they do not limit principals of the management account.'
          : undefined;
  const rcpIgnored = caller.serviceLinked
    ? 'RCPs do not apply: they do not limit service-linked roles.'
    : managementResource
      ? 'RCPs do not apply: they do not limit resources of the management account.'
      : undefined;
  const noIdentity = kind === 'root' || kind === 'service' || kind === 'web-identity' || kind === 'anonymous';
  const identityIgnored = noIdentity ? `Identity-based policies do not apply: the ${kindName(kind)} has none.` : undefined;
  const boundaryIgnored = noIdentity
    ? `The permissions boundary does not apply to the ${kindName(kind)}.`
    : caller.serviceLinked
      ? 'The permissions boundary does not apply: a service-linked role cannot have one.'
      : undefined;
  const sessionIgnored = kind === 'role-session' || kind === 'federated-user' || kind === 'unknown' ? undefined : `Session policies do not apply to the ${kindName(kind)}.`;

  const scp = runLevels(policies.scp, note(policies.scp, scpIgnored));
  const rcp = runLevels(policies.rcp, note(policies.rcp, rcpIgnored));
  const identity = run(policies.identity, note(policies.identity, identityIgnored));
  // A trust policy is the resource policy of its role: it takes part only in assuming the role.
  const isSts = scope.action.startsWith('sts:');
  const resourcePolicies = policies.resource ?? NONE;
  const anyTrust = resourcePolicies.some((sourced) => sourced.policy.type === 'trust');
  const trustPolicies = anyTrust ? resourcePolicies.filter((sourced) => sourced.policy.type === 'trust') : NONE;
  const otherResourcePolicies = anyTrust ? resourcePolicies.filter((sourced) => sourced.policy.type !== 'trust') : resourcePolicies;
  const trustIgnored = isSts ? undefined : 'The trust policy does not apply: it governs only assuming its role (sts:AssumeRole*, sts:TagSession, ...).';
  const trustSide = run(trustPolicies, note(trustPolicies, trustIgnored));
  const otherSide = run(otherResourcePolicies);
  const resourceSide: GroupOutcome =
    trustSide && otherSide
      ? { allows: [...otherSide.allows, ...trustSide.allows], denies: [...otherSide.denies, ...trustSide.denies] }
      : (trustSide ?? otherSide ?? { allows: [], denies: [] });
  const boundary = run(policies.boundary, note(policies.boundary, boundaryIgnored));
  const session = run(policies.session, note(policies.session, sessionIgnored));

  const hasTrust = isSts && trustPolicies.length > 0;
  const isAssumeRole = /^sts:assumerole/.test(scope.action);
  const isKms = scope.action.startsWith('kms:');
  const strict = hasTrust ? 'trust' : isKms && otherResourcePolicies.length > 0 ? 'key' : undefined;
  if (isAssumeRole && !hasTrust) notes.push('No trust policy was given: AWS also requires the role\'s trust policy to allow the caller explicitly.');
  if (isKms && !strict) notes.push('No key policy was given: AWS also requires the KMS key policy to allow, itself or by delegating to the account.');
  if (kind === 'federated-user' && !session) notes.push('A federated user session without a session policy has no permissions from identity-based policies.');

  const outcome = decide({
    caller,
    crossAccount,
    resourceAccount,
    strict,
    action: scope.action,
    scp,
    rcp,
    identity,
    resource: resourceSide,
    boundary,
    session,
    sessionRequired: kind === 'federated-user',
  });

  const decidingStatements = outcome.deciding.map((hit) => decidingTrace(hit, traces, scope));
  return {
    decision: outcome.decision,
    decidingStatements,
    statements: full ? traces : decidingStatements,
    missingContextKeys: [...missing].sort(),
    summary: outcome.summary,
    principalKind: kind,
    crossAccount,
    notes,
  };
}

function evaluateGroup(list: readonly SourcedPolicy[], scope: EvaluationScope, traces: StatementTrace[] | undefined, ignoredBecause?: string): GroupOutcome {
  const allows: Hit[] = [];
  const denies: Hit[] = [];
  for (const sourced of list) {
    const policy = compilePolicy(sourced.policy);
    for (const statement of policy.statements) {
      let applies;
      if (traces) {
        const traced = traceStatement(sourced, policy, statement, scope);
        traces.push(ignoredBecause ? { ...traced.trace, ignoredBecause } : traced.trace);
        applies = traced.applies;
      } else {
        applies = statementApplies(policy, statement, scope);
      }
      if (applies === false) continue;
      (statement.effect === 'Deny' ? denies : allows).push({ sourced, policy, statement, grant: applies });
    }
  }
  return { allows, denies };
}

function decidingTrace(hit: Hit, traces: readonly StatementTrace[], scope: EvaluationScope): StatementTrace {
  const existing = traces.find((trace) => trace.span === hit.statement.span && trace.source === hit.sourced.source);
  if (existing) return existing;
  const missing = scope.missing;
  scope.missing = null;
  const { trace } = traceStatement(hit.sourced, hit.policy, hit.statement, scope);
  scope.missing = missing;
  return trace;
}

const NONE: readonly SourcedPolicy[] = [];

/** SCPs/RCPs by level, in order of first appearance; without a level, each source is a level. */
function groupByLevel(list: readonly SourcedPolicy[]): [string, SourcedPolicy[]][] {
  const levels = new Map<string, SourcedPolicy[]>();
  for (const sourced of list) {
    const level = sourced.level ?? sourced.source;
    const members = levels.get(level);
    if (members) members.push(sourced);
    else levels.set(level, [sourced]);
  }
  return [...levels];
}

function accountOf(head: readonly string[] | undefined): string | undefined {
  const account = head?.[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

const KIND_NAMES: Readonly<Record<Caller['kind'], string>> = {
  user: 'IAM user',
  'role-session': 'role session',
  'federated-user': 'federated user',
  root: 'account root user',
  service: 'service principal',
  'web-identity': 'web identity or SAML provider',
  anonymous: 'anonymous caller',
  unknown: 'caller',
};

function kindName(kind: Caller['kind']): string {
  return KIND_NAMES[kind];
}

const callerNotes = new WeakMap<Caller, string>();

function describeCallerNote(caller: Caller): string {
  let note = callerNotes.get(caller);
  if (note === undefined) {
    note = callerNote(caller);
    callerNotes.set(caller, note);
  }
  return note;
}

function callerNote(caller: Caller): string {
  if (caller.kind === 'unknown') {
    return caller.text === undefined
      ? 'No principal was given: Principal elements are not judged and the request is taken to be within one account.'
      : `The principal "${caller.text}" is of no known form; Principal elements are compared with it as written.`;
  }
  const where = caller.account ? ` in account ${caller.account}` : '';
  const role = caller.roleName ? ` of role ${caller.roleName}${caller.serviceLinked ? ' (service-linked)' : ''}` : '';
  const name = kindName(caller.kind);
  return `The caller is ${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}${role}${where}.`;
}
