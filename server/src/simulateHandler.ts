import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentPolicies, formatPath, simulate, VPC_ENDPOINT_RESOURCE, type Catalog, type EmbeddedPolicy, type PolicyFile, type PolicySet, type ServiceRuleOutcome, type SimulationResult, type SourcedPolicy, type Span, type StatementTrace } from '../../engine/src';
import { spanToRange } from './convert';
import { plainDependencies } from './simulation/plainDependencies';
import type { SimulateParams, SimulateResult, SimulatedServiceRule, SimulatedStatement } from './protocol';
import { rcpScope } from './simulation/rcpScope';

export const NO_POLICY = 'This document holds no IAM policy.';

/** Where a traced statement's span lies in the open document. */
export type RangeOf = (trace: Pick<StatementTrace, 'source'>, span: Span) => Range;

export interface DocumentPolicySet {
  readonly set: PolicySet;
  /** How many policies the document holds, its own and those written as strings inside it. */
  readonly count: number;
  readonly rangeOf: RangeOf;
}

/**
 * The policies of one open document, each in the role its type gives it (a trust policy plays the
 * resource policy of its role), those written as strings included: their spans count in the
 * string's value, so each gets a source name of its own that `rangeOf` maps back into the document.
 */
export function documentPolicySet(document: TextDocument, file: PolicyFile): DocumentPolicySet {
  const set: Required<PolicySet> = { identity: [], resource: [], boundary: [], session: [], scp: [], rcp: [], endpoint: [] };
  const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
  const embeddedBySource = new Map<string, EmbeddedPolicy>();
  const all = documentPolicies(file);
  for (const { policy, embedded } of all) {
    // A VPC endpoint's policy is a resource-based policy that gates requests through the endpoint.
    const endpoint = policy.owner?.resourceType === VPC_ENDPOINT_RESOURCE;
    const list = (endpoint ? set.endpoint : set[policy.type === 'trust' ? 'resource' : policy.type]) as SourcedPolicy[];
    const role = endpoint ? { role: 'endpoint' as const } : {};
    if (!embedded) {
      list.push({ policy, source: name, file, ...role });
      continue;
    }
    const source = `${name} (${formatPath(embedded.host.path)})`;
    embeddedBySource.set(source, embedded);
    list.push({ policy, source, file: embedded.file, ...role });
  }
  const rangeOf: RangeOf = (trace, span) => {
    const embedded = embeddedBySource.get(trace.source);
    return spanToRange(document, embedded ? embedded.toOuterSpan(span) : span);
  };
  return { set, count: all.length, rangeOf };
}

/** Evaluates a request against the policies of one open document. */
export function simulateDocument(document: TextDocument, file: PolicyFile, params: SimulateParams, catalog: () => Catalog): SimulateResult {
  const { set, count, rangeOf } = documentPolicySet(document, file);
  if (count === 0) return emptySimulation(NO_POLICY);
  const result = simulate(set, {
    action: params.action,
    resource: params.resource,
    principal: params.principal || undefined,
    resourceAccount: params.resourceAccount || undefined,
    context: params.context,
  }, rcpScope(set, catalog));
  return toSimulateResult(result, rangeOf);
}

export function toSimulateResult(result: SimulationResult, rangeOf: RangeOf): SimulateResult {
  const toStatement = (trace: StatementTrace) => toSimulatedStatement(trace, rangeOf);
  return {
    decision: result.decision,
    summary: result.summary,
    decidingStatements: result.decidingStatements.map(toStatement),
    statements: result.statements.map(toStatement),
    missingContextKeys: result.missingContextKeys,
    notes: result.notes,
    principalKind: result.principalKind,
    crossAccount: result.crossAccount,
    ...(result.serviceRule ? { serviceRule: toSimulatedServiceRule(result.serviceRule) } : {}),
    ...(result.dependsOn ? { dependsOn: plainDependencies(result.dependsOn) } : {}),
  };
}

export function toSimulatedServiceRule({ id, kind, reason, source, policyDecision }: ServiceRuleOutcome): SimulatedServiceRule {
  return { id, kind, reason, source, policyDecision };
}

export function toSimulatedStatement(trace: StatementTrace, rangeOf: RangeOf): SimulatedStatement {
  return {
    policyType: trace.policyType,
    policyLabel: trace.policyLabel,
    index: trace.index,
    sid: trace.sid,
    effect: trace.effect,
    action: trace.action,
    resource: trace.resource,
    principal: trace.principal,
    conditions: trace.conditions.map(({ operator, key, matched, policyValues, requestValues, span }) => ({
      operator,
      key,
      matched,
      policyValues,
      requestValues,
      range: span ? rangeOf(trace, span) : undefined,
    })),
    applies: trace.applies,
    range: rangeOf(trace, trace.span),
    source: trace.source,
    level: trace.level,
    ignoredBecause: trace.ignoredBecause,
  };
}

export function emptySimulation(error: string): SimulateResult {
  return { decision: 'ImplicitDeny', summary: '', decidingStatements: [], statements: [], missingContextKeys: [], error };
}
