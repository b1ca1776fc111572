import type { Catalog } from '../catalog/catalog';
import type { ServiceInfo } from '../catalog/types';
import type { PolicyType } from '../document/model';
import { actionDocumentation } from '../hover/actionDocs';
import type { Candidate } from './types';

// Candidate lists depend only on catalogue data, which never changes once loaded: build them once.
const prefixCache = new WeakMap<Catalog, readonly Candidate[]>();
const actionCache = new WeakMap<ServiceInfo, readonly Candidate[]>();

/**
 * Candidates for an Action entry: service prefixes until a colon is typed, then that service's
 * actions (with access level and description) and its useful wildcards. In a trust policy the
 * sts actions that assume roles come first.
 */
export function actionCandidates(typed: string, catalog: Catalog, policyType: PolicyType = 'identity'): readonly Candidate[] {
  const colon = typed.indexOf(':');
  if (colon < 0) {
    const prefixes = servicePrefixCandidates(catalog);
    if (policyType !== 'trust') return prefixes;
    return [...trustActionCandidates(catalog), ...prefixes];
  }
  const service = catalog.service(typed.slice(0, colon));
  if (!service) return [];
  return serviceActionCandidates(service, catalog);
}

function servicePrefixCandidates(catalog: Catalog): readonly Candidate[] {
  let cached = prefixCache.get(catalog);
  if (!cached) {
    cached = catalog.services().map((service) => ({
      label: service.prefix,
      kind: 'service',
      detail: service.name,
      documentation: `**${service.name}**\n\nActions of this service are written \`${service.prefix}:ActionName\`.`,
      insertText: `${service.prefix}:`,
      filterText: `${service.prefix}:`,
      retrigger: true,
    }));
    prefixCache.set(catalog, cached);
  }
  return cached;
}

const TRUST_ACTIONS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'TagSession', 'SetSourceIdentity'];

function trustActionCandidates(catalog: Catalog): Candidate[] {
  return TRUST_ACTIONS.flatMap((name, index) => {
    const action = catalog.action('sts', name);
    return action
      ? [{ label: `sts:${action.name}`, kind: 'action' as const, detail: action.accessLevel, documentation: actionDocumentation(action, catalog), sortText: `!${index}` }]
      : [];
  });
}

function serviceActionCandidates(service: ServiceInfo, catalog: Catalog): readonly Candidate[] {
  const cached = actionCache.get(service);
  if (cached) return cached;
  const candidates: Candidate[] = service.actions.map((action) => ({
    label: `${service.prefix}:${action.name}`,
    kind: 'action',
    detail: `${action.accessLevel}${action.resourceTypes.length > 0 ? ` · ${action.resourceTypes.map((r) => r.name).join(', ')}` : ''}`,
    documentation: actionDocumentation(action, catalog),
  }));
  candidates.push({
    label: `${service.prefix}:*`,
    kind: 'wildcard',
    detail: `all ${service.actions.length} actions`,
    documentation: `Every action of ${service.name}, including actions AWS adds later. Prefer listing the actions you need.`,
    sortText: '~',
  });
  for (const verb of ['List', 'Describe', 'Get']) {
    const count = service.actions.filter((action) => action.name.startsWith(verb)).length;
    if (count === 0) continue;
    candidates.push({
      label: `${service.prefix}:${verb}*`,
      kind: 'wildcard',
      detail: `${count} actions`,
      documentation: `Every ${service.name} action whose name starts with ${verb} (${count} today). Read-only by convention, but check: some Get actions return secrets or data.`,
      sortText: '~',
    });
  }
  actionCache.set(service, candidates);
  return candidates;
}
