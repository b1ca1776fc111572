import type { RequestContext } from './context';
import { asLiteral, LITERAL_QUESTION, LITERAL_STAR } from './pattern';

/**
 * `${*}`, `${?}` and `${$}` stand for the characters themselves. The first two must not act as
 * wildcards afterwards, so they become the literal markers of pattern.ts.
 */
const SPECIAL: Readonly<Record<string, string>> = { '*': LITERAL_STAR, '?': LITERAL_QUESTION, $: '$' };

export interface Substitution {
  /**
   * The value with every variable replaced; undefined when a variable had no value and no default.
   * Characters that came from the request (and from `${*}` / `${?}`) are literal markers, so the
   * value can be used as a wildcard pattern; use literalText() for an exact comparison.
   */
  readonly value: string | undefined;
  /** Keys that were asked for and absent from the request. */
  readonly missingKeys: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * Replaces `${key}` and `${key, 'default'}` with request values. A variable whose key is absent
 * (or multi-valued) and has no default makes the whole value unusable: it matches nothing, and a
 * negated operator then matches. Only called for policies with Version 2012-10-17; older policies
 * and policies without a Version take `${...}` literally.
 */
export function substituteVariables(text: string, context: RequestContext): Substitution {
  if (!text.includes('${')) return { value: text, missingKeys: NONE };
  let result = '';
  let missingKeys: string[] | undefined;
  let unresolved = false;
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    const end = start < 0 ? -1 : text.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      result += text.slice(index);
      break;
    }
    result += text.slice(index, start);
    const body = text.slice(start + 2, end);
    const resolved = resolve(body, context);
    if (resolved === undefined) {
      unresolved = true;
      (missingKeys ??= []).push(variableKey(body));
    } else {
      result += resolved;
    }
    index = end + 1;
  }
  return { value: unresolved ? undefined : result, missingKeys: missingKeys ?? NONE };
}

export function hasVariables(text: string): boolean {
  return text.includes('${');
}

function variableKey(body: string): string {
  const comma = body.indexOf(',');
  return (comma < 0 ? body : body.slice(0, comma)).trim();
}

function resolve(body: string, context: RequestContext): string | undefined {
  const special = SPECIAL[body];
  if (special !== undefined) return special;
  const comma = body.indexOf(',');
  const value = context.single(variableKey(body));
  if (value !== undefined) return asLiteral(value);
  if (comma < 0) return undefined;
  const fallback = /^'(.*)'$/.exec(body.slice(comma + 1).trim());
  return fallback ? fallback[1] : undefined;
}
