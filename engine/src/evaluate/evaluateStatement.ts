import type { Policy, Statement } from '../document/model';
import { matchesArnPattern } from '../match/arn';
import { matchesWildcard } from '../match/wildcard';
import type { RequestContext } from './context';
import { evaluateConditions } from './evaluateCondition';
import { matchPrincipal } from './matchPrincipal';
import type { AccessRequest, MatchState, SourcedPolicy, StatementTrace } from './types';
import { substituteVariables } from './variables';

/** Whether variables are substituted: only under Version 2012-10-17; otherwise `${...}` is literal text. */
export function variablesEnabled(policy: Policy): boolean {
  const version = policy.version?.value;
  return version?.kind === 'string' && version.value === '2012-10-17';
}

export interface StatementEvaluation {
  readonly trace: StatementTrace;
  readonly missingKeys: readonly string[];
}

export function evaluateStatement(
  sourced: SourcedPolicy,
  statement: Statement,
  request: AccessRequest,
  context: RequestContext,
): StatementEvaluation {
  const { policy } = sourced;
  const withVariables = variablesEnabled(policy);
  const missingKeys: string[] = [];
  const action = matchList(statement.action, (pattern) => matchesWildcard(pattern, request.action, { ignoreCase: true }));
  const resource = statement.resource
    ? matchList(statement.resource, (pattern) => {
        const substituted = withVariables ? substituteVariables(pattern, context) : { value: pattern, missingKeys: [] };
        missingKeys.push(...substituted.missingKeys);
        return substituted.value !== undefined && matchesArnPattern(substituted.value, request.resource);
      })
    : // A trust policy has no Resource: it is about the role it is attached to.
      policy.type === 'trust' || policy.type === 'scp'
      ? 'match'
      : 'no-match';
  const principal = statement.principal ? matchPrincipal(statement.principal, request.principal) : 'not-applicable';
  const conditions = statement.condition ? evaluateConditions(statement.condition.blocks, context, withVariables) : undefined;
  missingKeys.push(...(conditions?.missingKeys ?? []));
  const conditionTraces = conditions?.traces ?? [];
  const applies =
    statement.effectValue !== undefined &&
    action === 'match' &&
    resource === 'match' &&
    principal !== 'no-match' &&
    conditionTraces.every((trace) => trace.matched);
  return {
    trace: {
      source: sourced.source,
      policyType: policy.type,
      policyLabel: policy.label,
      index: statement.index,
      sid: statement.sid?.value?.kind === 'string' ? statement.sid.value.value : undefined,
      effect: statement.effectValue,
      action,
      resource,
      principal,
      conditions: conditionTraces,
      applies,
      span: statement.node.span,
    },
    missingKeys,
  };
}

/** Action/Resource match any entry; NotAction/NotResource match when no entry does. */
function matchList(
  element: { keyword: string; values: readonly { value: string }[] } | undefined,
  matches: (pattern: string) => boolean,
): MatchState {
  if (!element) return 'no-match';
  const any = element.values.some((entry) => matches(entry.value));
  const negated = element.keyword.startsWith('Not');
  return any !== negated ? 'match' : 'no-match';
}
