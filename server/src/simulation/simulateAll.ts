import { performance } from 'perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentPolicies, representativeResources, simulate, simulatePattern, type Catalog, type PolicyFile, type StatementTrace } from '../../../engine/src';
import type { SimulateAllParams, SimulateAllResult, SimulateAllRow, SimulatedActionPattern } from '../protocol';
import { documentPolicySet, NO_POLICY, toSimulatedServiceRule, type RangeOf } from '../simulateHandler';
import { DEFAULT_ACTION_LIMIT, expandPolicyActions, statementsInOrder, type ExpandedAction } from './policyActions';
import { rcpScope } from './rcpScope';

const MAX_ACTION_LIMIT = 5000;

/** Every action the document's policies name (wildcards expanded, capped) against one resource. */
export function simulateAllActions(document: TextDocument, file: PolicyFile, catalog: Catalog, params: SimulateAllParams): SimulateAllResult {
  const started = performance.now();
  const { set, count, rangeOf } = documentPolicySet(document, file);
  if (count === 0) return { resource: params.resource, rows: [], totalActions: 0, truncated: false, elapsedMs: 0, error: NO_POLICY };
  const limit = clampLimit(params.limit);
  const { actions, total } = expandPolicyActions(catalog, statementsInOrder(documentPolicies(file).map(({ policy }) => policy)), limit);
  const request = { principal: params.principal || undefined, resourceAccount: params.resourceAccount || undefined, context: params.context };
  // A resource with wildcards is a question about every resource it matches (docs/evaluation.md); "*"
  // alone stays what requests for actions without resource types carry.
  const pattern = params.resource !== '*' && /[*?]/.test(params.resource);
  const representatives = pattern ? representativeResources(set, params.resource) : undefined;
  const rows = actions.map(({ action }): SimulateAllRow => {
    if (representatives) {
      const answer = simulatePattern(set, { ...request, actions: [action], resourcePattern: params.resource, representatives }, rcpScope(set, () => catalog));
      const shown = answer.denied ?? answer.allowed!;
      return {
        action,
        decision: shown.decision,
        decidingStatements: shown.decidingStatements.map((trace) => decidingRow(trace, rangeOf)),
        missingContextKeys: answer.missingContextKeys,
        coverage: answer.coverage,
        ...(answer.allowed ? { allowedResource: answer.allowed.resource } : {}),
        ...(answer.denied ? { deniedResource: answer.denied.resource } : {}),
      };
    }
    // The table shows decisions only, so the engine need not explain the statements that did not decide.
    const result = simulate(set, { ...request, action, resource: params.resource }, { ...rcpScope(set, () => catalog), trace: 'deciding' });
    return {
      action,
      decision: result.decision,
      decidingStatements: result.decidingStatements.map((trace) => decidingRow(trace, rangeOf)),
      missingContextKeys: result.missingContextKeys,
      ...(result.serviceRule ? { serviceRule: toSimulatedServiceRule(result.serviceRule) } : {}),
    };
  });
  const actionPatterns = answerActionPatterns(actions, rows);
  return {
    resource: params.resource,
    rows,
    totalActions: total,
    truncated: total > rows.length,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    ...(pattern ? { resourcePattern: true } : {}),
    ...(actionPatterns.length > 0 ? { actionPatterns } : {}),
  };
}

function decidingRow(trace: StatementTrace, rangeOf: RangeOf): SimulateAllRow['decidingStatements'][number] {
  return { policyLabel: trace.policyLabel, index: trace.index, sid: trace.sid, effect: trace.effect, range: rangeOf(trace, trace.span) };
}

/** Each wildcard action the policy writes, answered over the rows it expanded to: all allowed, some, or none. */
function answerActionPatterns(actions: readonly ExpandedAction[], rows: readonly SimulateAllRow[]): SimulatedActionPattern[] {
  const byPattern = new Map<string, SimulateAllRow[]>();
  actions.forEach(({ from }, index) => {
    if (!/[*?]/.test(from)) return;
    const list = byPattern.get(from);
    if (list) list.push(rows[index]!);
    else byPattern.set(from, [rows[index]!]);
  });
  return [...byPattern].map(([pattern, list]) => {
    const allowed = list.find((row) => row.coverage !== undefined ? row.coverage !== 'DenyAll' : row.decision === 'Allow');
    const denied = list.find((row) => row.coverage !== undefined ? row.coverage !== 'AllowAll' : row.decision !== 'Allow');
    const coverage = allowed && denied ? 'AllowSome' : allowed ? 'AllowAll' : 'DenyAll';
    return { pattern, coverage, actions: list.length, ...(allowed ? { allowedAction: allowed.action } : {}), ...(denied ? { deniedAction: denied.action } : {}) };
  });
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_ACTION_LIMIT;
  return Math.min(Math.floor(limit), MAX_ACTION_LIMIT);
}
