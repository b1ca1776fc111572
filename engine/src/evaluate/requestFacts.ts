import type { PolicyType } from '../document/model';
import type { CompiledPolicy, CompiledResourceList, CompiledStatement } from './compile';
import type { RequestContext } from './context';
import { traceCondition } from './evaluateCondition';
import { matchCompiledPrincipal } from './matchPrincipal';
import type { Caller } from './principal';
import { compileResourcePattern, matchesResource, type RequestResource } from './resourcePattern';
import type { ConditionTrace, PrincipalGrant, StatementTrace } from './types';
import { substituteVariables } from './variables';

/** The parts of a request a statement is matched against, besides the action. */
export interface RequestShape {
  readonly context: RequestContext;
  readonly caller: Caller;
  readonly resource: RequestResource;
  /**
   * The boundaries page warns that a resource-policy Deny with NotPrincipal always denies an IAM
   * user or role that has a permissions boundary, whatever NotPrincipal lists.
   */
  readonly notPrincipalDenyAlwaysMatches: boolean;
}

/**
 * What a statement gives for a request whatever its action: the principal, the resource and every
 * condition. Simulating many actions for one caller, resource and context is the common case, so
 * these are kept on the compiled statement and reused while the request's other parts are the same
 * objects (callers, resources and contexts are prepared once per distinct value and never change).
 * Only the action is then matched per request.
 */
export interface RequestFacts {
  /** The request these facts were worked out for. */
  readonly shape: RequestShape;
  /** Undefined when the Principal element does not name the caller. */
  readonly grant: PrincipalGrant | 'not-applicable' | undefined;
  readonly resourceMatched: boolean;
  /** Keys that Resource variables asked for and the request lacks (counted once the action and principal match). */
  readonly resourceMissing: readonly string[];
  readonly conditions: readonly ConditionTrace[];
  readonly conditionsHold: boolean;
  /** Keys the conditions need and the request lacks (counted once every element matches). */
  readonly conditionMissing: readonly string[];
  /**
   * The traces last built from these facts, for one source, level and reason to be ignored: the
   * trace depends on the action only through whether it matched (see traceStatement).
   */
  traceSource: string | undefined;
  traceLevel: string | undefined;
  traceIgnoredBecause: string | undefined;
  actionMatchedTrace: StatementTrace | undefined;
  actionUnmatchedTrace: StatementTrace | undefined;
}

/** Where a compiled statement keeps its last facts. */
export interface FactsSlot {
  facts: RequestFacts | undefined;
}

export function requestFacts(policy: CompiledPolicy, statement: CompiledStatement, shape: RequestShape): RequestFacts {
  const slot = statement.memo;
  const known = slot.facts;
  if (known !== undefined) {
    const was = known.shape;
    if (
      was === shape ||
      (was.caller === shape.caller &&
        was.resource === shape.resource &&
        was.notPrincipalDenyAlwaysMatches === shape.notPrincipalDenyAlwaysMatches &&
        (was.context === shape.context || !statement.usesContext))
    ) {
      return known;
    }
  }
  const facts = computeFacts(policy, statement, shape, known?.shape, known);
  slot.facts = facts;
  return facts;
}

const NONE: readonly string[] = [];
const NO_CONDITIONS: readonly ConditionTrace[] = [];

/**
 * The principal depends only on the caller, the resource (without variables) only on the resource,
 * the conditions only on the context: what did not change since the last request is taken over.
 */
function computeFacts(policy: CompiledPolicy, statement: CompiledStatement, shape: RequestShape, was: RequestShape | undefined, previous: RequestFacts | undefined): RequestFacts {
  const grant =
    previous !== undefined && was!.caller === shape.caller && was!.notPrincipalDenyAlwaysMatches === shape.notPrincipalDenyAlwaysMatches
      ? previous.grant
      : principalState(policy, statement, shape);
  let resourceMatched: boolean;
  let resourceMissing = NONE;
  if (previous !== undefined && was!.resource === shape.resource && (was!.context === shape.context || !resourceUsesContext(policy, statement))) {
    resourceMatched = previous.resourceMatched;
    resourceMissing = previous.resourceMissing;
  } else {
    const missing: string[] = [];
    resourceMatched = resourceMatches(policy, statement, shape, missing);
    if (missing.length > 0) resourceMissing = missing;
  }
  let conditions = NO_CONDITIONS;
  let conditionsHold = true;
  let conditionMissing = NONE;
  if (previous !== undefined && was!.context === shape.context) {
    conditions = previous.conditions;
    conditionsHold = previous.conditionsHold;
    conditionMissing = previous.conditionMissing;
  } else if (statement.conditions.length > 0) {
    const missing: string[] = [];
    const traced: ConditionTrace[] = [];
    for (const condition of statement.conditions) {
      const trace = traceCondition(condition, shape.context, missing);
      if (!trace.matched) conditionsHold = false;
      traced.push(trace);
    }
    conditions = traced;
    if (missing.length > 0) conditionMissing = missing;
  }
  return {
    shape,
    grant,
    resourceMatched,
    resourceMissing,
    conditions,
    conditionsHold,
    conditionMissing,
    traceSource: undefined,
    traceLevel: undefined,
    traceIgnoredBecause: undefined,
    actionMatchedTrace: undefined,
    actionUnmatchedTrace: undefined,
  };
}

function resourceUsesContext(policy: CompiledPolicy, statement: CompiledStatement): boolean {
  return statement.resource !== undefined && statement.resource.anyVariables && policy.variablesEnabled;
}

/** Policy types whose statements must have a Principal (or NotPrincipal). */
export const NEEDS_PRINCIPAL: ReadonlySet<PolicyType> = new Set(['resource', 'trust']);

/** Without a Resource element a trust policy is about its own role, and an SCP about everything. */
const WITHOUT_RESOURCE_MATCHES: ReadonlySet<PolicyType> = new Set(['trust', 'scp']);

function resourceMatches(policy: CompiledPolicy, statement: CompiledStatement, shape: RequestShape, missing: string[]): boolean {
  const list = statement.resource;
  if (!list) return WITHOUT_RESOURCE_MATCHES.has(policy.policy.type);
  const any = list.anyVariables && policy.variablesEnabled ? anyWithVariables(list, shape, missing) : anyPattern(list, shape.resource);
  return any !== list.negated;
}

function anyPattern(list: CompiledResourceList, resource: RequestResource): boolean {
  for (const pattern of list.patterns) if (matchesResource(pattern, resource)) return true;
  return false;
}

// An entry whose variable has no value matches no resource.
function anyWithVariables(list: CompiledResourceList, shape: RequestShape, missing: string[]): boolean {
  for (let i = 0; i < list.texts.length; i++) {
    if (!list.withVariables[i]) {
      if (matchesResource(list.patterns[i]!, shape.resource)) return true;
      continue;
    }
    const substituted = substituteVariables(list.texts[i]!, shape.context);
    for (const key of substituted.missingKeys) missing.push(key);
    if (substituted.value !== undefined && matchesResource(compileResourcePattern(substituted.value), shape.resource)) return true;
  }
  return false;
}

function principalState(policy: CompiledPolicy, statement: CompiledStatement, shape: RequestShape): PrincipalGrant | 'not-applicable' | undefined {
  const principal = statement.principal;
  // A resource-based policy must name its principals: an Allow without Principal is invalid and grants nothing.
  if (!principal) return statement.effect === 'Allow' && NEEDS_PRINCIPAL.has(policy.policy.type) ? undefined : 'not-applicable';
  if (principal.negated && statement.effect === 'Deny' && shape.notPrincipalDenyAlwaysMatches && policy.policy.type === 'resource') {
    return 'not-principal';
  }
  return matchCompiledPrincipal(principal, shape.caller, statement.effect);
}
