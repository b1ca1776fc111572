import { candidates, serviceOfAction } from './actionIndex';
import { compilePolicy } from './compile';
import { requestContextFor, type RequestContext } from './context';
import { decide, type GroupOutcome, type Hit, type LevelOutcome } from './decide';
import { actionMatches, statementApplies, traceApplies, traceStatement, type Applies, type EvaluationScope } from './evaluateStatement';
import { describeCaller, derivedContextMap, type Caller } from './principal';
import { NEEDS_PRINCIPAL, type RequestShape } from './requestFacts';
import { prepareResource, type RequestResource } from './resourcePattern';
import { serviceRuleFor } from './serviceRules';
import { withDependencies } from './dependsOn';
import type { AccessRequest, PolicySet, ServiceRuleOutcome, SimulateOptions, SimulationResult, SourcedPolicy, StatementTrace } from './types';

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
  const callerDefaults = request.resourceAccount ? withResourceAccount(derivedContextMap(caller), request.resourceAccount) : derivedContextMap(caller);
  const defaults = request.endpoint ? withEndpoint(callerDefaults, request.endpoint) : callerDefaults;
  const missing = new Set<string>();
  const action = request.action.toLowerCase();
  const scope: EvaluationScope = {
    shape: requestShape(
      requestContextFor(request.context, defaults),
      caller,
      resource,
      (policies.boundary?.length ?? 0) > 0 && (caller.kind === 'user' || caller.kind === 'role-session'),
    ),
    missing,
    action,
    service: serviceOfAction(action),
  };
  const notes: string[] = [describeCallerNote(caller)];
  const crossAccount = caller.account !== undefined && resourceAccount !== undefined && caller.account !== resourceAccount;
  if (crossAccount) notes.push(`Cross-account: the caller is in ${caller.account}, the resource in ${resourceAccount}; both accounts must allow.`);

  const run: Run = { scope, traces: full ? [] : undefined, notes };
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
      : options.rcpServices && scope.service !== undefined && !options.rcpServices.has(scope.service)
        ? `RCPs do not apply: ${scope.service} is not among the services whose resources RCPs govern.`
        : undefined;
  const noIdentity = kind === 'root' || kind === 'service' || kind === 'web-identity' || kind === 'anonymous';
  const identityIgnored = noIdentity ? IDENTITY_IGNORED[kind] : undefined;
  const boundaryIgnored = noIdentity
    ? BOUNDARY_IGNORED[kind]
    : caller.serviceLinked
      ? 'The permissions boundary does not apply: a service-linked role cannot have one.'
      : undefined;
  const sessionIgnored = kind === 'role-session' || kind === 'federated-user' || kind === 'unknown' ? undefined : SESSION_IGNORED[kind];

  const scp = runLevels(run, policies.scp, scpIgnored);
  const rcp = runLevels(run, policies.rcp, rcpIgnored);
  const identity = runGroup(run, policies.identity, identityIgnored);
  // A trust policy is the resource policy of its role: it takes part only in assuming the role.
  const isSts = scope.action.startsWith('sts:');
  const resourcePolicies = policies.resource ?? NONE;
  const anyTrust = resourcePolicies.some(isTrust);
  const trustPolicies = anyTrust ? resourcePolicies.filter(isTrust) : NONE;
  const otherResourcePolicies = anyTrust ? resourcePolicies.filter((sourced) => !isTrust(sourced)) : resourcePolicies;
  const trustIgnored = isSts ? undefined : 'The trust policy does not apply: it governs only assuming its role (sts:AssumeRole*, sts:TagSession, ...).';
  const trustSide = runGroup(run, trustPolicies, trustIgnored);
  const otherSide = runGroup(run, otherResourcePolicies, undefined);
  const resourceSide: GroupOutcome =
    trustSide && otherSide
      ? { allows: [...otherSide.allows, ...trustSide.allows], denies: [...otherSide.denies, ...trustSide.denies] }
      : (trustSide ?? otherSide ?? { allows: [], denies: [] });
  if (resourcePolicies.length > 0) notePrincipalless(notes, resourcePolicies, scope);
  if (policies.endpoint && policies.endpoint.length > 0) notePrincipalless(notes, policies.endpoint, scope);
  const boundary = runGroup(run, policies.boundary, boundaryIgnored);
  const session = runGroup(run, policies.session, sessionIgnored);
  const endpoint = runGroup(run, policies.endpoint, undefined);
  if (endpoint) notes.push('The request travels through a VPC endpoint: its policy must allow it as well, and grants nothing by itself.');
  else if (request.endpoint) notes.push('The request names a VPC endpoint but no endpoint policy was given: the default endpoint policy allows everything.');

  const hasTrust = isSts && trustPolicies.length > 0;
  const isAssumeRole = scope.action.startsWith('sts:assumerole');
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
    endpoint,
    sessionRequired: kind === 'federated-user',
  });

  const traces = run.traces;
  const decidingStatements = outcome.deciding.length === 0 ? [] : outcome.deciding.map((hit) => decidingTrace(hit, traces, scope));
  const result: SimulationResult = {
    decision: outcome.decision,
    decidingStatements,
    statements: traces ?? decidingStatements,
    missingContextKeys: missing.size === 0 ? [] : [...missing].sort(),
    summary: outcome.summary,
    principalKind: kind,
    crossAccount,
    notes,
  };
  const rule = serviceRuleFor(action, scope.service, request.resource, caller, outcome.decision);
  const dependent = withDependencies(result, policies, request, caller);
  return rule ? withServiceRule(dependent, rule) : dependent;
}

/** The service's own rule has the last word; the policies' answer stays in the notes. */
function withServiceRule(result: SimulationResult, rule: ServiceRuleOutcome): SimulationResult {
  const policySaid = `The policies alone decide ${rule.policyDecision}: ${result.summary}`;
  if (rule.kind === 'no-permission') {
    return { ...result, decision: 'Allow', decidingStatements: [], summary: `Allowed whatever the policies say. ${rule.reason} (${rule.source})`, notes: [...(result.notes ?? []), policySaid], serviceRule: rule };
  }
  const refusal = `The service does not allow this for any caller. ${rule.reason} (${rule.source})`;
  if (rule.decision === result.decision) {
    return { ...result, notes: [...(result.notes ?? []), `Even if the policies allowed it: ${refusal}`], serviceRule: rule };
  }
  return { ...result, decision: rule.decision, decidingStatements: [], summary: refusal, notes: [...(result.notes ?? []), policySaid], serviceRule: rule };
}

/** Says which Allow statements for this action grant nothing because they lack the Principal a resource-based policy needs. */
function notePrincipalless(notes: string[], list: readonly SourcedPolicy[], scope: EvaluationScope): void {
  for (const sourced of list) {
    if (!NEEDS_PRINCIPAL.has(sourced.policy.type)) continue;
    const policy = compilePolicy(sourced.policy);
    for (const statement of candidates(policy.actions, scope.service)) {
      if (statement.effect !== 'Allow' || statement.principal || !actionMatches(statement, scope.action)) continue;
      const name = statement.sid ? `Statement "${statement.sid}"` : `Statement ${statement.index}`;
      notes.push(`${name} of the ${sourced.role ?? sourced.policy.type} policy in ${sourced.source} has no Principal: a resource-based policy must name whom it allows (AWS rejects the policy), so it grants nothing here.`);
    }
  }
}

/** One simulation in progress: the request, and the traces and notes gathered so far. */
interface Run {
  readonly scope: EvaluationScope;
  /** Undefined when only the deciding statements are traced. */
  readonly traces: StatementTrace[] | undefined;
  readonly notes: string[];
}

/** Evaluates one group; a group that does not apply to this caller is traced (marked) but takes no part. */
function runGroup(run: Run, list: readonly SourcedPolicy[] | undefined, ignoredBecause: string | undefined): GroupOutcome | undefined {
  if (!list || list.length === 0) return undefined;
  if (ignoredBecause === undefined) return evaluateGroup(list, run.scope, run.traces, undefined);
  run.notes.push(ignoredBecause);
  traceIgnored(run, list, ignoredBecause);
  return undefined;
}

function runLevels(run: Run, list: readonly SourcedPolicy[] | undefined, ignoredBecause: string | undefined): LevelOutcome[] | undefined {
  if (!list || list.length === 0) return undefined;
  const levels = groupByLevel(list);
  if (ignoredBecause !== undefined) {
    run.notes.push(ignoredBecause);
    for (const [, members] of levels) traceIgnored(run, members, ignoredBecause);
    return undefined;
  }
  return levels.map(([level, members]) => {
    const outcome = evaluateGroup(members, run.scope, run.traces, undefined);
    return { level, allows: outcome.allows, denies: outcome.denies };
  });
}

function traceIgnored(run: Run, list: readonly SourcedPolicy[], ignoredBecause: string): void {
  if (!run.traces) return;
  // Keys only an ignored policy asks for are not missing from the request.
  const scope = run.scope;
  const missingKeys = scope.missing;
  scope.missing = null;
  evaluateGroup(list, scope, run.traces, ignoredBecause);
  scope.missing = missingKeys;
}

function evaluateGroup(list: readonly SourcedPolicy[], scope: EvaluationScope, traces: StatementTrace[] | undefined, ignoredBecause: string | undefined): GroupOutcome {
  const allows: Hit[] = [];
  const denies: Hit[] = [];
  for (const sourced of list) {
    const policy = compilePolicy(sourced.policy);
    // Only the statements that may match the action are matched against it; without traces, only they are looked at.
    const mayMatch = candidates(policy.actions, scope.service);
    const statements = traces ? policy.statements : mayMatch;
    let next = 0;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      let applies: Applies;
      if (traces) {
        const candidate = mayMatch[next] === statement;
        if (candidate) next++;
        const trace = traceStatement(sourced, policy, statement, scope, ignoredBecause, candidate);
        traces.push(trace);
        applies = traceApplies(trace);
      } else {
        applies = statementApplies(policy, statement, scope);
      }
      if (applies === false) continue;
      (statement.effect === 'Deny' ? denies : allows).push({ sourced, policy, statement, grant: applies });
    }
  }
  return { allows, denies };
}

function decidingTrace(hit: Hit, traces: readonly StatementTrace[] | undefined, scope: EvaluationScope): StatementTrace {
  const existing = traces?.find((trace) => trace.span === hit.statement.span && trace.source === hit.sourced.source);
  if (existing) return existing;
  const missing = scope.missing;
  scope.missing = null;
  const trace = traceStatement(hit.sourced, hit.policy, hit.statement, scope);
  scope.missing = missing;
  return trace;
}

function isTrust(sourced: SourcedPolicy): boolean {
  return sourced.policy.type === 'trust';
}

let lastShape: RequestShape | undefined;

/** The same object for consecutive requests that differ only in the action, so statements recognise them at once. */
function requestShape(context: RequestContext, caller: Caller, resource: RequestResource, notPrincipalDenyAlwaysMatches: boolean): RequestShape {
  const last = lastShape;
  if (last && last.context === context && last.caller === caller && last.resource === resource && last.notPrincipalDenyAlwaysMatches === notPrincipalDenyAlwaysMatches) return last;
  return (lastShape = { context, caller, resource, notPrincipalDenyAlwaysMatches });
}

const withAccount = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, ReadonlyMap<string, readonly string[]>>>();

/** The caller's keys plus aws:ResourceAccount, made once per caller and account so the request context can be reused. */
function withResourceAccount(defaults: ReadonlyMap<string, readonly string[]>, account: string): ReadonlyMap<string, readonly string[]> {
  let byAccount = withAccount.get(defaults);
  if (!byAccount) withAccount.set(defaults, (byAccount = new Map()));
  let map = byAccount.get(account);
  if (!map) {
    if (byAccount.size >= 64) byAccount.clear();
    map = new Map([...defaults, ['aws:resourceaccount', [account]]]);
    byAccount.set(account, map);
  }
  return map;
}

const withEndpointKeys = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, ReadonlyMap<string, readonly string[]>>>();

/** The keys a request through a VPC endpoint carries: aws:SourceVpce and aws:SourceVpc (UG: condition keys). */
function withEndpoint(defaults: ReadonlyMap<string, readonly string[]>, endpoint: NonNullable<AccessRequest['endpoint']>): ReadonlyMap<string, readonly string[]> {
  const key = `${endpoint.id ?? ''}\u0000${endpoint.vpc ?? ''}`;
  let byEndpoint = withEndpointKeys.get(defaults);
  if (!byEndpoint) withEndpointKeys.set(defaults, (byEndpoint = new Map()));
  let map = byEndpoint.get(key);
  if (!map) {
    if (byEndpoint.size >= 64) byEndpoint.clear();
    const entries = [...defaults];
    if (endpoint.id) entries.push(['aws:sourcevpce', [endpoint.id]]);
    if (endpoint.vpc) entries.push(['aws:sourcevpc', [endpoint.vpc]]);
    map = new Map(entries);
    byEndpoint.set(key, map);
  }
  return map;
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

const byKind = (sentence: (name: string) => string) =>
  Object.fromEntries(Object.entries(KIND_NAMES).map(([kind, name]) => [kind, sentence(name)])) as Readonly<Record<Caller['kind'], string>>;
const IDENTITY_IGNORED = byKind((name) => `Identity-based policies do not apply: the ${name} has none.`);
const BOUNDARY_IGNORED = byKind((name) => `The permissions boundary does not apply to the ${name}.`);
const SESSION_IGNORED = byKind((name) => `Session policies do not apply to the ${name}.`);

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
