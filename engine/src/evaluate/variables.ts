import type { RequestContext } from './context';

/** Literal characters that IAM lets you write with variable syntax. */
const SPECIAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };

export interface Substitution {
  /** The value with every variable replaced; undefined when a variable had no value and no default. */
  readonly value: string | undefined;
  /** Keys that were asked for and absent from the request. */
  readonly missingKeys: readonly string[];
}

/**
 * Replaces `${key}` and `${key, 'default'}` with request values. A variable whose key is absent and
 * has no default makes the whole value unusable (it matches nothing), as IAM documents. Only called
 * for policies with Version 2012-10-17; older policies take `${...}` literally.
 */
export function substituteVariables(text: string, context: RequestContext): Substitution {
  if (!text.includes('${')) return { value: text, missingKeys: [] };
  let result = '';
  const missingKeys: string[] = [];
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
      missingKeys.push(body.split(',')[0]!.trim());
    } else {
      result += resolved;
    }
    index = end + 1;
  }
  return { value: unresolved ? undefined : result, missingKeys };
}

function resolve(body: string, context: RequestContext): string | undefined {
  if (body in SPECIAL) return SPECIAL[body];
  const comma = body.indexOf(',');
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  const value = context.single(key);
  if (value !== undefined) return value;
  if (comma < 0) return undefined;
  const fallback = body.slice(comma + 1).trim().match(/^'(.*)'$/);
  return fallback ? fallback[1] : undefined;
}
