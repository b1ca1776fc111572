import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';
import { escapeMarkdown, inlineCode } from '../roles/markdown';
import { splitAction } from '../rules/catalog/actionParts';
import { unknownActionMessage } from '../rules/catalog/unknownActionMessage';

/** Actions listed besides the wildcard and the suggestion. */
const MORE_CANDIDATES = 4;

/**
 * Hover for an action of a known service that the service does not have (`s3:Put`, a mistake tutorials
 * teach): the diagnostic's words, and what the entry might have meant: the wildcard over the actions
 * whose names start with it, the closest action, and a few more that start with it.
 */
export function unknownActionHover(value: string, catalog: Catalog): string | undefined {
  const parts = splitAction(value);
  if (!parts || parts.serviceHasWildcard || parts.nameHasWildcard) return undefined;
  const service = catalog.service(parts.service);
  if (!service || catalog.action(parts.service, parts.name)) return undefined;
  const suggestion = catalog.suggestAction(parts.service, parts.name);
  const prefix = service.prefix;
  const lines = [
    `**${inlineCode(value)}** is not an action of ${escapeMarkdown(service.name)}: the entry matches nothing (IAM102).`,
    '',
    escapeMarkdown(unknownActionMessage(value, prefix, parts.name, suggestion)),
  ];
  const candidates: string[] = [];
  const startingWith = catalog.actionsMatching(`${prefix}:${parts.name}*`);
  if (startingWith.length > 1) {
    candidates.push(`- ${inlineCode(`${prefix}:${parts.name}*`)}: the ${startingWith.length} actions whose names start with ${inlineCode(parts.name)} (${levelCounts(startingWith)}), and any AWS adds later`);
  }
  const suggested = suggestion ? catalog.action(prefix, suggestion) : undefined;
  const listed = [...(suggested ? [suggested] : []), ...[...startingWith].sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : 1))];
  const seen = new Set<string>();
  for (const action of listed) {
    if (seen.has(action.name) || seen.size > MORE_CANDIDATES) continue;
    seen.add(action.name);
    candidates.push(`- ${inlineCode(`${prefix}:${action.name}`)} · ${action.accessLevel}${action.description ? ` — ${escapeMarkdown(action.description)}` : ''}`);
  }
  if (candidates.length > 0) lines.push('', 'It might mean:', ...candidates);
  return lines.join('\n');
}

function levelCounts(actions: readonly ActionInfo[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action.accessLevel, (counts.get(action.accessLevel) ?? 0) + 1);
  return [...counts].map(([level, count]) => `${level}: ${count}`).join(' · ');
}
