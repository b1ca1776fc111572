import type { Catalog } from '../catalog/catalog';
import { roleActionNote } from '../roles/explain';
import { actionDocumentation } from './actionDocs';
import { unknownActionHover } from './unknownActionHover';
import { mdBold } from '../markdown/userText';

const LISTED_MATCHES = 25;

/** Hover for an Action entry: the action, or what a wildcard matches; role-related actions get a note. */
export function actionHover(text: string, catalog: Catalog): string | undefined {
  const value = text.trim();
  if (!/[*?]/.test(value)) {
    const action = catalog.actionFromString(value);
    if (!action) return unknownActionHover(value, catalog);
    const note = roleActionNote(`${action.service}:${action.name}`);
    return note ? `${actionDocumentation(action, catalog)}\n\n---\n\n${note}` : actionDocumentation(action, catalog);
  }
  const colon = value.indexOf(':');
  // Enumerating "*" or "*:Get*" would load the whole catalogue on a hover; describe it instead.
  if (colon < 0 || /[*?]/.test(value.slice(0, colon))) {
    return value.replace(/\*/g, '') === '' || value === '*:*'
      ? `${mdBold(value)} matches every action of every AWS service, including actions added in the future.`
      : `${mdBold(value)} has a wildcard in the service prefix: it matches actions of several services. Prefer naming the service.`;
  }
  const service = catalog.service(value.slice(0, colon));
  if (!service) return undefined;
  const matches = catalog.actionsMatching(value);
  const byLevel = new Map<string, number>();
  for (const action of matches) byLevel.set(action.accessLevel, (byLevel.get(action.accessLevel) ?? 0) + 1);
  const levels = [...byLevel].map(([level, count]) => `${level}: ${count}`).join(' · ');
  const listed = matches.slice(0, LISTED_MATCHES).map((action) => `- \`${action.service}:${action.name}\` · ${action.accessLevel}`);
  const more = matches.length > LISTED_MATCHES ? [`- … and ${matches.length - LISTED_MATCHES} more`] : [];
  const heading = `${mdBold(value)} matches ${matches.length} of the ${service.actions.length} ${service.name} action${matches.length === 1 ? '' : 's'}`;
  const future = ['', 'A wildcard also matches actions AWS adds later.'];
  return [heading, ...(levels ? ['', levels] : []), '', ...listed, ...more, ...future].join('\n');
}
