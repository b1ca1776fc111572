import type { PolicyType } from '../document/model';
import type { CompiledPolicy, CompiledResourceList, CompiledStatement } from './compile';
import { conditionHolds, traceCondition, type ConditionScope } from './evaluateCondition';
import { matchCompiledPrincipal } from './matchPrincipal';
import { matchesCompiled } from './pattern';
import type { Caller } from './principal';
import { compileResourcePattern, matchesResource, type RequestResource } from './resourcePattern';
import type { ConditionTrace, MatchState, PrincipalGrant, SourcedPolicy, StatementTrace } from './types';
import { substituteVariables } from './variables';

/** Everything about the request a statement is matched against, prepared once per simulation. */
export interface EvaluationScope extends ConditionScope {
  readonly caller: Caller;
  /** Lower-cased, as Action matching ignores case. */
  readonly action: string;
  readonly resource: RequestResource;
  /**
   * The boundaries page warns that a resource-policy Deny with NotPrincipal always denies an IAM
   * user or role that has a permissions boundary, whatever NotPrincipal lists.
   */
  readonly notPrincipalDenyAlwaysMatches: boolean;
}

/** A statement that applies, and what in its Principal element named the caller. */
export type Applies = PrincipalGrant | 'not-applicable' | false;

/**
 * The hot path: whether a statement applies, without building an explanation. Elements are tried
 * cheapest first; conditions run only when the rest matched, and then all of them (AND), so that
 * every context key they need and the request lacks is reported.
 */
export function statementApplies(policy: CompiledPolicy, statement: CompiledStatement, scope: EvaluationScope): Applies {
  if (statement.effect === undefined) return false;
  if (!actionMatches(statement, scope.action)) return false;
  const principal = principalState(policy, statement, scope);
  if (principal === undefined) return false;
  if (!resourceMatches(policy, statement, scope)) return false;
  const conditions = statement.conditions;
  if (conditions.length === 0) return principal;
  const missing = scope.missing;
  let holds = true;
  for (let i = 0; i < conditions.length; i++) {
    if (!conditionHolds(conditions[i]!, scope)) {
      holds = false;
      if (!missing) break;
    }
  }
  return holds ? principal : false;
}

/** The full explanation of one statement: every element and every condition, matched or not. */
export function traceStatement(sourced: SourcedPolicy, policy: CompiledPolicy, statement: CompiledStatement, scope: EvaluationScope): { trace: StatementTrace; applies: Applies } {
  const actionMatched = actionMatches(statement, scope.action);
  const grant = principalState(policy, statement, scope);
  // Keys that a statement which cannot apply anyway asks for are not "missing" from the request.
  const missing = scope.missing;
  if (!actionMatched || grant === undefined) scope.missing = null;
  const resourceMatched = resourceMatches(policy, statement, scope);
  if (!resourceMatched) scope.missing = null;
  const conditions: ConditionTrace[] = statement.conditions.length === 0 ? NO_CONDITIONS : statement.conditions.map((condition) => traceCondition(condition, scope));
  scope.missing = missing;
  const action: MatchState = actionMatched ? 'match' : 'no-match';
  const resource: MatchState = resourceMatched ? 'match' : 'no-match';
  const principal: MatchState = grant === undefined ? 'no-match' : grant === 'not-applicable' ? 'not-applicable' : 'match';
  const elementsMatch = actionMatched && resourceMatched && grant !== undefined;
  let conditionsHold = true;
  for (const condition of conditions) if (!condition.matched) conditionsHold = false;
  const applies: Applies = statement.effect !== undefined && elementsMatch && conditionsHold ? grant! : false;
  return {
    applies,
    trace: {
      source: sourced.source,
      policyType: policy.policy.type,
      policyLabel: policy.policy.label,
      index: statement.index,
      sid: statement.sid,
      effect: statement.effect,
      action,
      resource,
      principal,
      conditions,
      applies: applies !== false,
      span: statement.span,
      principalGrant: grant !== undefined && grant !== 'not-applicable' ? grant : undefined,
      level: sourced.level,
    },
  };
}

function actionMatches(statement: CompiledStatement, action: string): boolean {
  const list = statement.action;
  if (!list) return false;
  let any = false;
  for (const pattern of list.patterns) {
    if (matchesCompiled(pattern, action)) {
      any = true;
      break;
    }
  }
  return any !== list.negated;
}

const NO_CONDITIONS: ConditionTrace[] = [];

/** Without a Resource element a trust policy is about its own role, and an SCP about everything. */
const WITHOUT_RESOURCE_MATCHES: ReadonlySet<PolicyType> = new Set(['trust', 'scp']);

function resourceMatches(policy: CompiledPolicy, statement: CompiledStatement, scope: EvaluationScope): boolean {
  const list = statement.resource;
  if (!list) return WITHOUT_RESOURCE_MATCHES.has(policy.policy.type);
  const any = list.anyVariables && policy.variablesEnabled ? anyWithVariables(list, scope) : anyPattern(list, scope.resource);
  return any !== list.negated;
}

function anyPattern(list: CompiledResourceList, resource: RequestResource): boolean {
  for (const pattern of list.patterns) if (matchesResource(pattern, resource)) return true;
  return false;
}

// An entry whose variable has no value matches no resource.
function anyWithVariables(list: CompiledResourceList, scope: EvaluationScope): boolean {
  for (let i = 0; i < list.texts.length; i++) {
    if (!list.withVariables[i]) {
      if (matchesResource(list.patterns[i]!, scope.resource)) return true;
      continue;
    }
    const substituted = substituteVariables(list.texts[i]!, scope.context);
    if (scope.missing) for (const key of substituted.missingKeys) scope.missing.add(key);
    if (substituted.value !== undefined && matchesResource(compileResourcePattern(substituted.value), scope.resource)) return true;
  }
  return false;
}

function principalState(policy: CompiledPolicy, statement: CompiledStatement, scope: EvaluationScope): PrincipalGrant | 'not-applicable' | undefined {
  const principal = statement.principal;
  if (!principal) return 'not-applicable';
  if (principal.negated && statement.effect === 'Deny' && scope.notPrincipalDenyAlwaysMatches && policy.policy.type === 'resource') {
    return 'not-principal';
  }
  return matchCompiledPrincipal(principal, scope.caller);
}
