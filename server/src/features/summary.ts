import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cachedPolicySummary, describeService, headline, type Catalog, type LevelDenial, type LevelGrant, type Policy } from '../../../engine/src';
import { spanToRange } from '../convert';
import { PolicySummaryRequestMethod, ShowPolicySummaryCommand, type PolicySummaryEntry, type PolicySummaryParams, type PolicySummaryResult, type SummaryLevel } from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

/**
 * The summary lens above a policy's Statement key: "S3: Full List, Limited Read · EC2: Limited
 * Write". Trust policies keep their role-kind lens instead: what they grant is who may assume.
 * Clicking it opens the summary view.
 */
export function summaryLens(document: TextDocument, policy: Policy, policyIndex: number, catalog: Catalog): CodeLens | undefined {
  if (policy.type === 'trust' || policy.statements.length === 0) return undefined;
  const start = document.positionAt((policy.statementProperty?.keySpan ?? policy.node.span).offset);
  const args: PolicySummaryParams = { uri: document.uri, policyIndex };
  return { range: { start, end: start }, command: { title: headline(cachedPolicySummary(policy, catalog)), command: ShowPolicySummaryCommand, arguments: [args] } };
}

export function registerPolicySummary({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onRequest(PolicySummaryRequestMethod, (params: PolicySummaryParams, token) =>
    runSafe<PolicySummaryResult>(connection, 'policySummary', { policies: [], error: 'The summary failed; see the IAM Author output.' }, token, () => {
      const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!document) return { policies: [], error: 'The document is not open.' };
      const policies = cache.get(document).policies;
      const chosen = typeof params.policyIndex === 'number' ? [params.policyIndex] : policies.map((_, index) => index);
      const entries = chosen.filter((index) => policies[index]).map((index) => summaryEntry(document, policies[index]!, index, runtime.catalog));
      return entries.length > 0 ? { policies: entries } : { policies: [], error: 'The document holds no IAM policy.' };
    }),
  );
}

function summaryEntry(document: TextDocument, policy: Policy, policyIndex: number, catalog: Catalog): PolicySummaryEntry {
  const summary = cachedPolicySummary(policy, catalog);
  const statementsOf = (indexes: readonly number[]) =>
    indexes.flatMap((index) => {
      const statement = policy.statements.find((candidate) => candidate.index === index);
      if (!statement) return [];
      const sid = statement.sid?.value?.kind === 'string' ? statement.sid.value.value : undefined;
      return [{ index, ...(sid !== undefined ? { sid } : {}), range: spanToRange(document, statement.node.span) }];
    });
  const level = (entry: LevelGrant | LevelDenial): SummaryLevel => ({
    level: entry.level,
    extent: 'extent' in entry ? entry.extent : entry.effect,
    count: 'allowed' in entry ? entry.allowed : entry.denied,
    total: entry.total,
    sample: entry.sample,
    resources: entry.resources,
    conditions: entry.conditions,
    principals: entry.principals,
    statements: statementsOf(entry.statements),
  });
  return {
    policyIndex,
    label: policy.label,
    type: policy.type,
    headline: headline(summary),
    services: summary.services.map((service) => ({
      prefix: service.prefix,
      name: service.name,
      line: describeService(service),
      fullAccess: service.fullAccess,
      grants: service.levels.map(level),
      denials: service.denials.map(level),
    })),
    unrecognizedActions: summary.unrecognizedActions,
    range: spanToRange(document, policy.node.span),
  };
}
