/** An Action entry split into service prefix and action name; undefined for "*" and malformed text. */
export interface ActionParts {
  readonly service: string;
  readonly name: string;
  readonly serviceHasWildcard: boolean;
  readonly nameHasWildcard: boolean;
}

export function splitAction(text: string): ActionParts | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1 || text.indexOf(':', colon + 1) !== -1) return undefined;
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  return { service, name, serviceHasWildcard: /[*?]/.test(service), nameHasWildcard: /[*?]/.test(name) };
}
