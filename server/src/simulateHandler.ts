import type { TextDocument } from 'vscode-languageserver-textdocument';
import { simulate, type PolicyFile, type PolicySet, type SourcedPolicy, type StatementTrace } from '../../engine/src';
import { spanToRange } from './convert';
import type { SimulateParams, SimulateResult, SimulatedStatement } from './protocol';

/**
 * Evaluates a request against the policies of one open document, each in the role its type gives
 * it. A trust policy plays the resource policy of its role.
 */
export function simulateDocument(document: TextDocument, file: PolicyFile, params: SimulateParams): SimulateResult {
  if (file.policies.length === 0) {
    return { decision: 'ImplicitDeny', summary: '', decidingStatements: [], statements: [], missingContextKeys: [], error: 'This document holds no IAM policy.' };
  }
  const set: Record<keyof PolicySet, SourcedPolicy[]> = { identity: [], resource: [], boundary: [], session: [], scp: [], rcp: [] };
  for (const policy of file.policies) {
    const role = policy.type === 'trust' ? 'resource' : policy.type;
    set[role].push({ policy, source: document.uri.slice(document.uri.lastIndexOf("/") + 1), file });
  }
  const result = simulate(set, {
    action: params.action,
    resource: params.resource,
    principal: params.principal,
    resourceAccount: params.resourceAccount,
    context: params.context,
  });
  const toStatement = (trace: StatementTrace): SimulatedStatement => ({
    policyType: trace.policyType,
    policyLabel: trace.policyLabel,
    index: trace.index,
    sid: trace.sid,
    effect: trace.effect,
    action: trace.action,
    resource: trace.resource,
    principal: trace.principal,
    conditions: trace.conditions.map(({ operator, key, matched, policyValues, requestValues }) => ({ operator, key, matched, policyValues, requestValues })),
    applies: trace.applies,
    range: spanToRange(document, trace.span),
  });
  return {
    decision: result.decision,
    summary: result.summary,
    decidingStatements: result.decidingStatements.map(toStatement),
    statements: result.statements.map(toStatement),
    missingContextKeys: result.missingContextKeys,
  };
}
