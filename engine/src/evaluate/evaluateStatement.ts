import type { CompiledPolicy, CompiledStatement } from './compile';
import { matchesCompiled } from './pattern';
import { requestFacts, type RequestFacts, type RequestShape } from './requestFacts';
import type { MatchState, PrincipalGrant, SourcedPolicy, StatementTrace } from './types';

/** Everything about the request a statement is matched against, prepared once per simulation. */
export interface EvaluationScope {
  readonly shape: RequestShape;
  /** Lower-cased, as Action matching ignores case. */
  readonly action: string;
  /** The action's service prefix (serviceOfAction), for the lookups by service. */
  readonly service: string | undefined;
  /** Absent keys are recorded here (null: not recorded, the statement cannot apply anyway). */
  missing: Set<string> | null;
}

/** A statement that applies, and what in its Principal element named the caller. */
export type Applies = PrincipalGrant | 'not-applicable' | false;

/**
 * The hot path: whether a statement applies, without building an explanation. The action is
 * matched first, and a statement for another action costs nothing more; the rest (principal,
 * resource, every condition, AND-ed) comes from the facts the statement keeps for this request.
 */
export function statementApplies(policy: CompiledPolicy, statement: CompiledStatement, scope: EvaluationScope): Applies {
  if (statement.effect === undefined) return false;
  if (!actionMatches(statement, scope.action)) return false;
  const facts = requestFacts(policy, statement, scope.shape);
  const grant = facts.grant;
  if (grant === undefined) return false;
  const missing = scope.missing;
  if (missing) record(missing, facts.resourceMissing);
  if (!facts.resourceMatched) return false;
  if (missing) record(missing, facts.conditionMissing);
  return facts.conditionsHold ? grant : false;
}

/**
 * The full explanation of one statement: every element and every condition, matched or not. The
 * trace depends on the action only through whether it matched, so the two possible traces are kept
 * with the statement's facts and shared by the results of requests that differ only in the action.
 */
export function traceStatement(
  sourced: SourcedPolicy,
  policy: CompiledPolicy,
  statement: CompiledStatement,
  scope: EvaluationScope,
  ignoredBecause?: string,
  /** False when the policy's action index rules the action out (actionIndex.ts). */
  mayMatch = true,
): StatementTrace {
  const actionMatched = mayMatch && actionMatches(statement, scope.action);
  const facts = requestFacts(policy, statement, scope.shape);
  // Keys that a statement which cannot apply anyway asks for are not "missing" from the request.
  const missing = scope.missing;
  if (missing && actionMatched && facts.grant !== undefined) {
    record(missing, facts.resourceMissing);
    if (facts.resourceMatched) record(missing, facts.conditionMissing);
  }
  if (facts.traceSource !== sourced.source || facts.traceLevel !== sourced.level || facts.traceIgnoredBecause !== ignoredBecause) {
    facts.traceSource = sourced.source;
    facts.traceLevel = sourced.level;
    facts.traceIgnoredBecause = ignoredBecause;
    facts.actionMatchedTrace = undefined;
    facts.actionUnmatchedTrace = undefined;
  }
  if (actionMatched) return (facts.actionMatchedTrace ??= buildTrace(sourced, policy, statement, facts, true, ignoredBecause));
  return (facts.actionUnmatchedTrace ??= buildTrace(sourced, policy, statement, facts, false, ignoredBecause));
}

/** What a trace says about whether its statement applies. */
export function traceApplies(trace: StatementTrace): Applies {
  return trace.applies ? (trace.principalGrant ?? 'not-applicable') : false;
}

function buildTrace(sourced: SourcedPolicy, policy: CompiledPolicy, statement: CompiledStatement, facts: RequestFacts, actionMatched: boolean, ignoredBecause: string | undefined): StatementTrace {
  const grant = facts.grant;
  const principal: MatchState = grant === undefined ? 'no-match' : grant === 'not-applicable' ? 'not-applicable' : 'match';
  const applies = statement.effect !== undefined && actionMatched && facts.resourceMatched && grant !== undefined && facts.conditionsHold;
  const trace: StatementTrace = {
    source: sourced.source,
    policyType: sourced.role ?? policy.policy.type,
    policyLabel: policy.policy.label,
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    action: actionMatched ? 'match' : 'no-match',
    resource: facts.resourceMatched ? 'match' : 'no-match',
    principal,
    conditions: facts.conditions,
    applies,
    span: statement.span,
    principalGrant: grant !== undefined && grant !== 'not-applicable' ? grant : undefined,
    level: sourced.level,
  };
  return ignoredBecause === undefined ? trace : { ...trace, ignoredBecause };
}

function record(missing: Set<string>, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) missing.add(keys[i]!);
}

export function actionMatches(statement: CompiledStatement, action: string): boolean {
  const list = statement.action;
  if (!list) return false;
  const patterns = list.patterns;
  for (let i = 0; i < patterns.length; i++) {
    if (matchesCompiled(patterns[i]!, action)) return !list.negated;
  }
  return list.negated;
}
