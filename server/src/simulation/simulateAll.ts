import { performance } from 'perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentPolicies, simulate, type Catalog, type PolicyFile } from '../../../engine/src';
import type { SimulateAllParams, SimulateAllResult, SimulateAllRow } from '../protocol';
import { documentPolicySet, NO_POLICY, toSimulatedServiceRule } from '../simulateHandler';
import { DEFAULT_ACTION_LIMIT, expandPolicyActions, statementsInOrder } from './policyActions';

const MAX_ACTION_LIMIT = 5000;

/** Every action the document's policies name (wildcards expanded, capped) against one resource. */
export function simulateAllActions(document: TextDocument, file: PolicyFile, catalog: Catalog, params: SimulateAllParams): SimulateAllResult {
  const started = performance.now();
  const { set, count, rangeOf } = documentPolicySet(document, file);
  if (count === 0) return { resource: params.resource, rows: [], totalActions: 0, truncated: false, elapsedMs: 0, error: NO_POLICY };
  const limit = clampLimit(params.limit);
  const { actions, total } = expandPolicyActions(catalog, statementsInOrder(documentPolicies(file).map(({ policy }) => policy)), limit);
  const rows = actions.map(({ action }): SimulateAllRow => {
    // The table shows decisions only, so the engine need not explain the statements that did not decide.
    const result = simulate(set, {
      action,
      resource: params.resource,
      principal: params.principal || undefined,
      resourceAccount: params.resourceAccount || undefined,
      context: params.context,
    }, { trace: 'deciding' });
    return {
      action,
      decision: result.decision,
      decidingStatements: result.decidingStatements.map((trace) => ({
        policyLabel: trace.policyLabel,
        index: trace.index,
        sid: trace.sid,
        effect: trace.effect,
        range: rangeOf(trace, trace.span),
      })),
      missingContextKeys: result.missingContextKeys,
      ...(result.serviceRule ? { serviceRule: toSimulatedServiceRule(result.serviceRule) } : {}),
    };
  });
  return { resource: params.resource, rows, totalActions: total, truncated: total > rows.length, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_ACTION_LIMIT;
  return Math.min(Math.floor(limit), MAX_ACTION_LIMIT);
}
