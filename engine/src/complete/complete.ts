import type { Catalog } from '../catalog/catalog';
import { locateCursor, statementElementOf } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import { actionCandidates } from './actions';
import { stringContent } from './stringContent';
import type { CompletionResult } from './types';

/** Completion at an offset; undefined where the engine has nothing to offer (outside policies, for instance). */
export function complete(file: PolicyFile, offset: number, catalog: Catalog): CompletionResult | undefined {
  const cursor = locateCursor(file, offset);
  if (!cursor || cursor.onKey || cursor.node?.kind !== 'string') return undefined;
  const place = statementElementOf(cursor.path);
  if (!place || (place.element !== 'Action' && place.element !== 'NotAction')) return undefined;
  const { span, typed } = stringContent(cursor.node, file.text, offset);
  return { candidates: actionCandidates(typed, catalog), replace: span };
}
