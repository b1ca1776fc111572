import type { ActionInfo } from '../../catalog/types';
import type { StringNode } from '../../document/tree';
import { indentationAt } from './fixes';
import type { FixHint } from '../types';

/** Past this many actions a list is harder to review than the wildcard it replaces. */
export const MAX_EXPANSION = 40;

/**
 * Replaces a wildcard Action entry by the actions it matches today. Inside an array the new
 * entries take the old one's place; a lone string becomes an array.
 */
export function expandActionFix(text: string, entry: StringNode, actions: readonly ActionInfo[]): FixHint | undefined {
  if (actions.length === 0 || actions.length > MAX_EXPANSION) return undefined;
  const names = actions.map((action) => JSON.stringify(`${action.service}:${action.name}`));
  const inArray = typeof entry.path[entry.path.length - 1] === 'number';
  const lineStart = text.lastIndexOf('\n', entry.span.offset - 1) + 1;
  const ownLine = text.slice(lineStart, entry.span.offset).trim() === '';
  const separator = ownLine ? `,\n${indentationAt(text, entry.span.offset)}` : ', ';
  const list = names.join(separator);
  return {
    title: `Expand "${entry.value}" into its ${actions.length} action${actions.length === 1 ? '' : 's'}`,
    replacement: inArray ? list : `[${names.join(', ')}]`,
  };
}
