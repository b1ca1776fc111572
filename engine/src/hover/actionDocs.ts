import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';

const REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

/** Markdown for one action: what it does, its access level, resource types with ARN formats, keys. */
export function actionDocumentation(action: ActionInfo, catalog: Catalog): string {
  const lines = [`**${action.service}:${action.name}** · ${action.accessLevel}`, '', action.description || '(no description)'];
  if (action.resourceTypes.length === 0) {
    lines.push('', 'Resource: `*` only (the action does not take a resource ARN).');
  } else {
    lines.push('', 'Resource types:');
    for (const resourceType of action.resourceTypes) {
      const format = catalog.resourceType(action.service, resourceType.name)?.arnFormat;
      lines.push(`- \`${resourceType.name}\`${resourceType.required ? ' (required)' : ''}${format ? `: \`${format}\`` : ''}`);
    }
  }
  if (action.conditionKeys.length > 0) {
    lines.push('', `Condition keys: ${action.conditionKeys.map((key) => `\`${key}\``).join(', ')}`);
  }
  if (action.dependentActions.length > 0) {
    lines.push('', `Dependent actions: ${action.dependentActions.map((name) => `\`${name}\``).join(', ')}`);
  }
  lines.push('', `[Service Authorization Reference](${serviceReference(catalog, action.service)})`);
  return lines.join('\n');
}

/** The Service Authorization Reference page of a service, or the index when unknown. */
export function serviceReference(catalog: Catalog, prefix: string): string {
  const name = catalog.services().find((s) => s.prefix === prefix)?.name;
  if (!name) return REFERENCE;
  // AWS names its pages list_<service name, lower case, letters and digits only>.html.
  const slug = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${slug}.html`;
}
