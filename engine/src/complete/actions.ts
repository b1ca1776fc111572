import type { Catalog } from '../catalog/catalog';
import type { ServiceInfo } from '../catalog/types';
import type { PolicyType } from '../document/model';
import { WILDCARD_VERBS } from './documentation';
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
  return serviceActionCandidates(service);
}

function servicePrefixCandidates(catalog: Catalog): readonly Candidate[] {
  let cached = prefixCache.get(catalog);
  if (!cached) {
    cached = catalog.services().map((service) => ({
      label: service.prefix,
      kind: 'service',
      detail: service.name,
      documentationKey: { kind: 'service', key: service.prefix },
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
      ? [{ label: `sts:${action.name}`, kind: 'action' as const, detail: action.accessLevel, documentationKey: { kind: 'action' as const, key: `sts:${action.name}` }, sortText: `!${index}` }]
      : [];
  });
}

function serviceActionCandidates(service: ServiceInfo): readonly Candidate[] {
  const cached = actionCache.get(service);
  if (cached) return cached;
  const candidates: Candidate[] = service.actions.map((action) => ({
    label: `${service.prefix}:${action.name}`,
    kind: 'action',
    detail: `${action.accessLevel}${resourceTypesInBrief(action.resourceTypes.map((r) => r.name))}`,
    documentationKey: { kind: 'action', key: `${service.prefix}:${action.name}` },
  }));
  candidates.push({
    label: `${service.prefix}:*`,
    kind: 'wildcard',
    detail: `all ${service.actions.length} actions`,
    documentationKey: { kind: 'actionWildcard', key: `${service.prefix}:*` },
    sortText: '~',
  });
  for (const verb of WILDCARD_VERBS) {
    const count = service.actions.filter((action) => action.name.startsWith(verb)).length;
    if (count === 0) continue;
    candidates.push({
      label: `${service.prefix}:${verb}*`,
      kind: 'wildcard',
      detail: `${count} actions`,
      documentationKey: { kind: 'actionWildcard', key: `${service.prefix}:${verb}*` },
      sortText: '~',
    });
  }
  actionCache.set(service, candidates);
  return candidates;
}

/** Detail lines stay one short line: actions such as ec2:RunInstances take a dozen resource types. */
function resourceTypesInBrief(names: readonly string[]): string {
  if (names.length === 0) return '';
  let shown = names[0]!;
  let count = 1;
  while (count < names.length && shown.length + names[count]!.length + 2 <= DETAIL_NAMES_LENGTH) shown += `, ${names[count++]}`;
  return ` · ${shown}${count < names.length ? ` +${names.length - count}` : ''}`;
}

const DETAIL_NAMES_LENGTH = 48;
