import type { Catalog } from '../../../engine/src';

/**
 * The concrete actions an action pattern stands for, through the catalogue, in its spelling. A
 * pattern without wildcards is itself (an unknown action is still a fair question).
 */
export function actionsOfPattern(catalog: Catalog, pattern: string): string[] {
  const text = pattern.trim();
  if (!/[*?]/.test(text)) {
    const info = catalog.actionFromString(text);
    return [info ? `${info.service}:${info.name}` : text];
  }
  try {
    return catalog.actionsMatching(text).map((info) => `${info.service}:${info.name}`);
  } catch {
    // A malformed service file must not stop the question.
    return [];
  }
}
