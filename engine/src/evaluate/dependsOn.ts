import type { Statement } from '../document/model';
import { MemoSlot, memoized } from '../document/memo';
import type { StringNode, ValueNode } from '../document/tree';
import { describeAssumption, describeUnknown, matchesMaybe, type Assumption, type UnknownPart } from '../document/unknown';
import { principalValuesNeeded } from './matchPrincipal';
import { matchesPattern } from './pattern';
import type { Caller } from './principal';
import type { AccessRequest, PolicySet, SimulationResult, SourcedPolicy, StatementTrace } from './types';

/** What a decision rests on that the template does not state: unknown values and template conditions. */
export interface DecisionDependencies {
  /** Unknown parts of the deciding statements' Action and Resource values that the match needed. */
  readonly unknowns: readonly UnknownPart[];
  /** The conditions under which the deciding statements (or the values they matched on) exist. */
  readonly assumptions: readonly Assumption[];
  /** Unknown parts taken to be the request's own (the stack's account and region). */
  readonly assumedFromRequest: readonly UnknownPart[];
}

/**
 * Pseudo parameters that stand for where the stack is deployed: a request about a resource in an
 * account and region is taken to be about the stack's own, so they never make a decision uncertain.
 */
const REQUEST_BOUND = new Set(['AWS::AccountId', 'AWS::Region']);

/**
 * The unknown values and template conditions the deciding statements of a result relied on, added to
 * the result (`dependsOn`) and said in its notes. A statement's Action, Resource or Principal matched
 * through an unknown part when no value of it without unknown parts matches the request; a value with unknown
 * parts matches as "maybe" (its unknown parts taken for any text), so the decision holds only if
 * they turn out so.
 */
export function withDependencies(result: SimulationResult, policies: PolicySet, request: AccessRequest, caller?: Caller): SimulationResult {
  if (result.decidingStatements.length === 0) return result;
  const unknowns: UnknownPart[] = [];
  const assumedFromRequest: UnknownPart[] = [];
  const assumptions: Assumption[] = [];
  for (const trace of result.decidingStatements) {
    const statement = statementOf(policies, trace);
    if (!statement || !mayDepend(statement)) continue;
    assumptions.push(...(statement.node.assumptions ?? []));
    const action = needed(statement.action?.values ?? [], request.action, (pattern, text) => matchesPattern(pattern.toLowerCase(), text.toLowerCase()));
    const resource = needed(statement.resource?.values ?? [], request.resource, matchesPattern);
    // A Principal value with unknown parts (`arn:aws:iam::${var.account_id}:root`) that named the caller.
    const principal = caller && statement.principal ? principalValuesNeeded(statement.principal, caller) : [];
    for (const node of [...action, ...resource, ...principal]) {
      assumptions.push(...(node.assumptions ?? []));
      for (const part of node.unknowns ?? []) (REQUEST_BOUND.has(part.source) ? assumedFromRequest : unknowns).push(part);
    }
    // A Condition known only after deployment (Terraform condition blocks whose key is a template):
    // the statement was taken without it, so the decision holds only if it does.
    const condition = statement.condition?.property.value;
    if (condition?.kind === 'string') unknowns.push(...(condition.unknowns ?? []));
  }
  const dependsOn: DecisionDependencies = { unknowns: unique(unknowns), assumptions: uniqueAssumptions(assumptions), assumedFromRequest: unique(assumedFromRequest) };
  if (dependsOn.unknowns.length === 0 && dependsOn.assumptions.length === 0 && dependsOn.assumedFromRequest.length === 0) return result;
  const notes = [...(result.notes ?? [])];
  if (dependsOn.unknowns.length > 0) notes.push(`The decision depends on values not known before deployment: ${dependsOn.unknowns.map(describeUnknown).join('; ')}.`);
  if (dependsOn.assumptions.length > 0) notes.push(`The deciding statements exist only when ${dependsOn.assumptions.map(describeAssumption).join(' and ')}.`);
  if (dependsOn.assumedFromRequest.length > 0) notes.push(`Taken to be the request's own: ${dependsOn.assumedFromRequest.map(describeUnknown).join('; ')}.`);
  return { ...result, notes, dependsOn };
}

/**
 * The values of an element the match relied on: none when a known value that exists whatever the
 * template's conditions matches; else the values that matched only under a condition, or else those
 * with unknown parts that could match.
 */
function needed(values: readonly StringNode[], text: string, match: (pattern: string, text: string) => boolean): StringNode[] {
  const conditional: StringNode[] = [];
  const maybe: StringNode[] = [];
  for (const value of values) {
    const answer = matchesMaybe(value.value, text, match);
    if (answer === 'yes' && !value.assumptions?.length) return [];
    if (answer === 'yes') conditional.push(value);
    else if (answer === 'maybe') maybe.push(value);
  }
  return conditional.length > 0 ? conditional : maybe;
}

/** Per statement: whether anything in it is unknown or exists under a template condition. */
const DEPENDS_AT_ALL = new MemoSlot<boolean>('dependsAtAll');

/**
 * Nearly every statement is plain text: it is read once here, so that simulating thousands of actions
 * does not match its values a second time to find unknown parts it does not have.
 */
function mayDepend(statement: Statement): boolean {
  return memoized(statement, DEPENDS_AT_ALL, () => {
    const pending: ValueNode[] = [statement.node];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if ((node.assumptions?.length ?? 0) > 0 || (node.kind === 'string' && (node.unknowns?.length ?? 0) > 0)) return true;
      if (node.kind === 'array') for (const item of node.items) pending.push(item);
      else if (node.kind === 'object') for (const property of node.properties) if (property.value) pending.push(property.value);
    }
    return false;
  });
}

function statementOf(policies: PolicySet, trace: StatementTrace): Statement | undefined {
  const lists: readonly (readonly SourcedPolicy[] | undefined)[] = [policies.identity, policies.resource, policies.boundary, policies.session, policies.scp, policies.rcp];
  for (const list of lists) {
    for (const sourced of list ?? []) {
      if (sourced.source !== trace.source || sourced.policy.label !== trace.policyLabel) continue;
      const statement = sourced.policy.statements.find((candidate) => candidate.index === trace.index && candidate.node.span.offset === trace.span.offset);
      if (statement) return statement;
    }
  }
  return undefined;
}

function unique(parts: readonly UnknownPart[]): UnknownPart[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const key = `${part.source}\u0000${part.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueAssumptions(assumptions: readonly Assumption[]): Assumption[] {
  const seen = new Set<string>();
  return assumptions.filter((assumption) => {
    const key = `${assumption.condition}\u0000${assumption.holds}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

