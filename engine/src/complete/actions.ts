import type { Catalog } from '../catalog/catalog';
import type { Candidate } from './types';
import { actionDocumentation } from '../hover/actionDocs';

/**
 * Candidates for an Action entry: service prefixes until a colon is typed, then that service's
 * actions (with access level and description) and its useful wildcards.
 */
export function actionCandidates(typed: string, catalog: Catalog): Candidate[] {
  const colon = typed.indexOf(':');
  if (colon < 0) {
    return catalog.services().map((service) => ({
      label: service.prefix,
      kind: 'service',
      detail: service.name,
      documentation: `**${service.name}**\n\nActions of this service are written \`${service.prefix}:ActionName\`.`,
      insertText: `${service.prefix}:`,
      retrigger: true,
    }));
  }
  const service = catalog.service(typed.slice(0, colon));
  if (!service) return [];
  const candidates: Candidate[] = service.actions.map((action) => ({
    label: `${service.prefix}:${action.name}`,
    kind: 'action',
    detail: action.accessLevel,
    documentation: actionDocumentation(action, catalog),
  }));
  candidates.push({
    label: `${service.prefix}:*`,
    kind: 'wildcard',
    detail: `all ${service.actions.length} actions`,
    documentation: `Every action of ${service.name}. Prefer listing the actions you need.`,
    sortText: '~',
  });
  for (const level of ['List', 'Read'] as const) {
    const verbs = level === 'List' ? ['List', 'Describe'] : ['Get'];
    for (const verb of verbs) {
      const count = service.actions.filter((action) => action.name.startsWith(verb)).length;
      if (count === 0) continue;
      candidates.push({
        label: `${service.prefix}:${verb}*`,
        kind: 'wildcard',
        detail: `${count} actions`,
        documentation: `Every ${service.name} action whose name starts with ${verb}.`,
        sortText: '~',
      });
    }
  }
  return candidates;
}
