import type { Catalog } from '../../../engine/src';

const cache = new WeakMap<Catalog, readonly string[]>();

/** Every catalogue action as "service:Name", sorted; computed once per catalogue (it loads every service). */
export function allCatalogActions(catalog: Catalog): readonly string[] {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const actions: string[] = [];
  for (const { prefix } of catalog.services()) {
    let info;
    try {
      info = catalog.service(prefix);
    } catch {
      continue;
    }
    for (const action of info?.actions ?? []) actions.push(`${action.service}:${action.name}`);
  }
  actions.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  cache.set(catalog, actions);
  return actions;
}
