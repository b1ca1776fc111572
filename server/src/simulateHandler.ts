import type { TextDocument } from 'vscode-languageserver-textdocument';
import { simulate, type PolicyFile, type PolicySet, type SimulationResult, type SourcedPolicy, type StatementTrace } from '../../engine/src';
import { spanToRange } from './convert';
import type { SimulateParams, SimulateResult, SimulatedStatement } from './protocol';

export const NO_POLICY = 'This document holds no IAM policy.';

/**
 * The policies of one open document, each in the role its type gives it. A trust policy plays the
 * resource policy of its role.
 */
export function documentPolicySet(document: TextDocument, file: PolicyFile): PolicySet {
  const set: Record<keyof PolicySet, SourcedPolicy[]> = { identity: [], resource: [], boundary: [], session: [], scp: [], rcp: [] };
  const source = document.uri.slice(document.uri.lastIndexOf('/') + 1);
  for (const policy of file.policies) {
    const role = policy.type === 'trust' ? 'resource' : policy.type;
    set[role].push({ policy, source, file });
  }
  return set;
}

/** Evaluates a request against the policies of one open document. */
export function simulateDocument(document: TextDocument, file: PolicyFile, params: SimulateParams): SimulateResult {
  if (file.policies.length === 0) return emptySimulation(NO_POLICY);
  const result = simulate(documentPolicySet(document, file), {
    action: params.action,
    resource: params.resource,
    principal: params.principal || undefined,
    resourceAccount: params.resourceAccount || undefined,
    context: params.context,
  });
  return toSimulateResult(document, result);
}

export function toSimulateResult(document: TextDocument, result: SimulationResult): SimulateResult {
  const toStatement = (trace: StatementTrace) => toSimulatedStatement(document, trace);
  return {
    decision: result.decision,
    summary: result.summary,
    decidingStatements: result.decidingStatements.map(toStatement),
    statements: result.statements.map(toStatement),
    missingContextKeys: result.missingContextKeys,
    notes: result.notes,
    principalKind: result.principalKind,
    crossAccount: result.crossAccount,
  };
}

export function toSimulatedStatement(document: TextDocument, trace: StatementTrace): SimulatedStatement {
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
      range: span ? spanToRange(document, span) : undefined,
    })),
    applies: trace.applies,
    range: spanToRange(document, trace.span),
    source: trace.source,
    level: trace.level,
    ignoredBecause: trace.ignoredBecause,
  };
}

export function emptySimulation(error: string): SimulateResult {
  return { decision: 'ImplicitDeny', summary: '', decidingStatements: [], statements: [], missingContextKeys: [], error };
}
