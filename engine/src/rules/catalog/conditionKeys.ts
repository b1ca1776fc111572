import type { Catalog } from '../../catalog/catalog';
import type { LintCache } from '../support/lintCache';

/**
 * `aws:ResourceTag`, `aws:RequestTag/` and `s3:ExistingObjectTag` are the start of a tag key
 * template with the tag name left out. Returns the template ("aws:ResourceTag/${TagKey}") then.
 */
export function tagTemplateMissingKey(cache: LintCache, key: string): string | undefined {
  const base = key.endsWith('/') ? key.slice(0, -1) : key;
  if (!key.endsWith('/') && cache.conditionKey(key)) return undefined;
  const template = cache.conditionKey(`${base}/TagKeyPlaceholder`)?.key;
  return template && /\/\$\{[^}]+\}$/.test(template) && template.toLowerCase().startsWith(base.toLowerCase() + '/') ? template : undefined;
}

/** Keys of custom OIDC providers ("oidc.eks.REGION.amazonaws.com/id/ID:sub") are not in any catalogue. */
export function isProviderNamespace(namespace: string): boolean {
  return namespace.includes('.') || namespace.includes('/');
}

export function namespaceOf(key: string): string | undefined {
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : undefined;
}

/** Concrete keys to offer as "did you mean": placeholders ("${TagKey}") are not something to type. */
export function keyCandidates(catalog: Catalog, namespace: string): string[] {
  const lower = namespace.toLowerCase();
  const keys = lower === 'aws' ? catalog.globalConditionKeys() : (catalog.service(lower)?.conditionKeys ?? []);
  return keys.map((info) => info.key).filter((key) => key.toLowerCase().startsWith(`${lower}:`) && !key.includes('${'));
}
