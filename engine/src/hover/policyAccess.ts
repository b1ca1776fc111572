import type { Catalog } from '../catalog/catalog';
import type { AccessLevel, ActionInfo } from '../catalog/types';
import type { Policy } from '../document/model';
import { escapeMarkdown, inlineCode } from '../roles/markdown';

const LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const SHOWN_ACTIONS = 4;

/**
 * The actions a policy's Allow statements name, by service and access level (the catalogue's levels),
 * as Markdown lines. A small stand-in for the policy summary engine: it reads Action lists only
 * (NotAction, Deny, resources and conditions are not weighed), and is meant to be replaced by it.
 */
export function summarizePolicyAccess(policy: Policy, catalog: Catalog): string {
  const byService = new Map<string, Map<AccessLevel, Set<string>>>();
  const unknown = new Set<string>();
  for (const statement of policy.statements) {
    if (statement.effectValue !== 'Allow' || statement.action?.keyword !== 'Action') continue;
    for (const { value } of statement.action.values) {
      const actions: ActionInfo[] = /[*?]/.test(value) ? catalog.actionsMatching(value) : [catalog.actionFromString(value)].filter((a): a is ActionInfo => a !== undefined);
      if (actions.length === 0) unknown.add(value);
      for (const action of actions) {
        let levels = byService.get(action.service);
        if (!levels) byService.set(action.service, (levels = new Map()));
        let names = levels.get(action.accessLevel);
        if (!names) levels.set(action.accessLevel, (names = new Set()));
        names.add(`${action.service}:${action.name}`);
      }
    }
  }
  const lines: string[] = [];
  for (const prefix of [...byService.keys()].sort()) {
    const levels = byService.get(prefix)!;
    const name = catalog.service(prefix)?.name ?? prefix;
    const parts = LEVELS.filter((level) => levels.has(level)).map((level) => {
      const names = [...levels.get(level)!].sort();
      const shown = names.slice(0, SHOWN_ACTIONS).map(inlineCode).join(', ');
      return `${level} (${names.length}: ${shown}${names.length > SHOWN_ACTIONS ? ', …' : ''})`;
    });
    lines.push(`- **${escapeMarkdown(name)}**: ${parts.join(' · ')}`);
  }
  if (unknown.size > 0) lines.push(`- Not in the catalogue: ${[...unknown].map(inlineCode).join(', ')}`);
  return lines.length > 0 ? lines.join('\n') : 'It allows no action the catalogue knows.';
}
