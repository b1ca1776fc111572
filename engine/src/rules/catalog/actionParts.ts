import { hasWildcard } from '../../match/wildcard';
import { ownString } from '../support/ownString';

/** An Action entry split into service prefix and action name; undefined for "*" and malformed text. */
export interface ActionParts {
  readonly service: string;
  readonly name: string;
  readonly serviceHasWildcard: boolean;
  readonly nameHasWildcard: boolean;
}

const split = new Map<string, ActionParts | null>();
// User-typed actions are few, but a long editing session must not grow the table without bound.
const MAX_SPLIT = 4096;

/** Asked by a dozen rules for every Action entry on every keystroke; kept by text (the parts are read-only). */
export function splitAction(text: string): ActionParts | undefined {
  let parts = split.get(text);
  if (parts === undefined) {
    // Parts cut from a copy, so that the table holds no view into the document.
    const own = ownString(text);
    parts = splitActionText(own) ?? null;
    if (split.size >= MAX_SPLIT) split.clear();
    split.set(own, parts);
  }
  return parts ?? undefined;
}

function splitActionText(text: string): ActionParts | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1 || text.indexOf(':', colon + 1) !== -1) return undefined;
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  return { service, name, serviceHasWildcard: hasWildcard(service), nameHasWildcard: hasWildcard(name) };
}
