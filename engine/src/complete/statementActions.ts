import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';
import type { Statement } from '../document/model';

export interface StatementActions {
  readonly actions: readonly ActionInfo[];
  /** True when the statement names every action (`*`) or uses NotAction: anything may apply. */
  readonly unbounded: boolean;
}

const cache = new WeakMap<Catalog, Map<string, StatementActions>>();
const CACHE_LIMIT = 256;
const NONE: StatementActions = { actions: [], unbounded: false };

/**
 * The catalogue actions a statement's Action element names, wildcards expanded. Results are cached by
 * the list of patterns, so repeated keystrokes in the same statement cost one map lookup.
 */
export function statementActions(statement: Statement | undefined, catalog: Catalog): StatementActions {
  const element = statement?.action;
  if (!element) return NONE;
  if (element.keyword === 'NotAction') return { actions: [], unbounded: true };
  const patterns = element.values.map((node) => node.value.trim()).filter((value) => value.length > 0);
  const key = patterns.join('\n').toLowerCase();
  let perCatalog = cache.get(catalog);
  if (!perCatalog) cache.set(catalog, (perCatalog = new Map()));
  const cached = perCatalog.get(key);
  if (cached) return cached;
  let unbounded = false;
  const seen = new Set<ActionInfo>();
  for (const pattern of patterns) {
    const colon = pattern.indexOf(':');
    // A wildcard service part would load every service on a keystroke; treat it as "anything".
    if (colon < 0 || /[*?]/.test(pattern.slice(0, colon))) {
      if (/^[*?]+(:.*)?$/.test(pattern)) unbounded = true;
      continue;
    }
    for (const action of catalog.actionsMatching(pattern)) seen.add(action);
  }
  const result = { actions: [...seen], unbounded };
  if (perCatalog.size >= CACHE_LIMIT) perCatalog.clear();
  perCatalog.set(key, result);
  return result;
}
