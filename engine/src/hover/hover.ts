import type { Catalog } from '../catalog/catalog';
import { locateCursor, statementElementOf } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Span } from '../document/tree';
import { actionDocumentation } from './actionDocs';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

const LISTED_MATCHES = 25;

/** Hover at an offset: for now, actions and action wildcards. */
export function hover(file: PolicyFile, offset: number, catalog: Catalog): HoverResult | undefined {
  const cursor = locateCursor(file, offset);
  if (!cursor || cursor.onKey || cursor.node?.kind !== 'string') return undefined;
  const place = statementElementOf(cursor.path);
  if (!place || (place.element !== 'Action' && place.element !== 'NotAction')) return undefined;
  const text = cursor.node.value;
  const span = cursor.node.span;
  if (!/[*?]/.test(text)) {
    const action = catalog.actionFromString(text);
    return action ? { markdown: actionDocumentation(action, catalog), span } : undefined;
  }
  const matches = catalog.actionsMatching(text);
  const listed = matches.slice(0, LISTED_MATCHES).map((action) => `- \`${action.service}:${action.name}\` · ${action.accessLevel}`);
  const more = matches.length > LISTED_MATCHES ? [`- … and ${matches.length - LISTED_MATCHES} more`] : [];
  const heading = `**${text}** matches ${matches.length} action${matches.length === 1 ? '' : 's'}`;
  return { markdown: [heading, '', ...listed, ...more].join('\n'), span };
}
