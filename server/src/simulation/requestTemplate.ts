import type { Catalog, Policy, ScalarNode } from '../../../engine/src';
import type { RequestTemplateParams, RequestTemplateResult, TemplateContextKey, TemplateResource } from '../protocol';
import { expandPolicyActions, statementsInOrder, type ScopedStatement } from './policyActions';

/**
 * What the "Simulate Access" prompts offer: the policy's actions, resources suited to the chosen
 * action, the principals the policy names and the context keys its conditions read.
 */
export function requestTemplate(policies: readonly Policy[], catalog: Catalog, params: Pick<RequestTemplateParams, 'action' | 'scope'>): RequestTemplateResult {
  const statements = statementsInOrder(policies, params.scope);
  const { actions, total } = expandPolicyActions(catalog, statements);
  return {
    actions,
    actionsTruncated: total > actions.length,
    resources: resourceSuggestions(catalog, statements, params.action),
    principals: principalSuggestions(statements),
    contextKeys: contextKeys(catalog, statements),
  };
}

const NEEDS_EDITING = /[*?]|\$\{/;

function resourceSuggestions(catalog: Catalog, statements: readonly ScopedStatement[], action: string | undefined): TemplateResource[] {
  const resources: TemplateResource[] = [];
  const seen = new Set<string>();
  const add = (resource: TemplateResource) => {
    if (seen.has(resource.arn)) return;
    seen.add(resource.arn);
    resources.push(resource);
  };
  for (const { statement, inScope } of statements) {
    for (const value of statement.resource?.values ?? []) {
      if (value.value.trim() === '') continue;
      add({ arn: value.value, origin: 'policy', needsEditing: NEEDS_EDITING.test(value.value), inScope });
    }
  }
  const info = action && !/[*?]/.test(action) ? safeAction(catalog, action) : undefined;
  for (const resourceType of info?.resourceTypes ?? []) {
    const type = catalog.resourceType(info!.service, resourceType.name);
    if (!type?.arnFormat) continue;
    // The partition is almost always "aws"; region, account and names are the user's to fill in.
    const arn = type.arnFormat.replace(/\$\{Partition\}/g, 'aws');
    add({ arn, origin: 'resource-type', detail: `${info!.service} ${type.name}`, needsEditing: NEEDS_EDITING.test(arn), inScope: false });
  }
  add({ arn: '*', origin: 'policy', detail: 'any resource', needsEditing: false, inScope: false });
  return orderForAction(resources, info?.service);
}

/** Resources of the action's own service first: an s3 action is rarely asked about an EC2 instance. */
function orderForAction(resources: TemplateResource[], service: string | undefined): TemplateResource[] {
  if (!service) return resources;
  const ownService = (arn: string) => arn.split(':')[2]?.toLowerCase() === service.toLowerCase();
  return [...resources.filter((r) => r.inScope || ownService(r.arn)), ...resources.filter((r) => !r.inScope && !ownService(r.arn))];
}

function principalSuggestions(statements: readonly ScopedStatement[]): string[] {
  const principals = new Set<string>();
  for (const { statement } of statements) {
    for (const entry of statement.principal?.entries ?? []) {
      for (const value of entry.values) {
        const text = value.value.trim();
        if (text === '' || text === '*') continue;
        principals.add(entry.type === 'AWS' && /^\d{12}$/.test(text) ? `arn:aws:iam::${text}:root` : text);
      }
    }
  }
  return [...principals];
}

function contextKeys(catalog: Catalog, statements: readonly ScopedStatement[]): TemplateContextKey[] {
  const byKey = new Map<string, { key: string; operators: Set<string>; values: Set<string>; inScope: boolean }>();
  for (const { statement, inScope } of statements) {
    for (const block of statement.condition?.blocks ?? []) {
      for (const entry of block.entries) {
        const lower = entry.key.toLowerCase();
        const known = byKey.get(lower) ?? { key: entry.key, operators: new Set<string>(), values: new Set<string>(), inScope };
        known.operators.add(block.operator);
        for (const value of entry.values) known.values.add(scalarText(value));
        byKey.set(lower, known);
      }
    }
  }
  return [...byKey.values()].map((entry) => {
    const info = safeKey(catalog, entry.key);
    return {
      key: entry.key,
      type: info?.type ?? 'String',
      description: info?.description,
      operators: [...entry.operators],
      policyValues: [...entry.values],
      inScope: entry.inScope,
    };
  });
}

function scalarText(node: ScalarNode): string {
  return node.kind === 'null' ? 'null' : String(node.value);
}

function safeAction(catalog: Catalog, action: string) {
  try {
    return catalog.actionFromString(action);
  } catch {
    return undefined;
  }
}

function safeKey(catalog: Catalog, key: string) {
  try {
    return catalog.conditionKey(key);
  } catch {
    return undefined;
  }
}
