import type { ContextValue } from './types';

const NO_DEFAULTS: ReadonlyMap<string, readonly string[]> = new Map();
const NO_CONTEXT: Readonly<Record<string, ContextValue>> = {};

/** Request context keys looked up case-insensitively, as IAM does for key names. */
export class RequestContext {
  private readonly values = new Map<string, readonly string[]>();
  private readonly defaults: ReadonlyMap<string, readonly string[]>;

  /**
   * Keys in `defaults` (lower-cased, shared between requests) are used only when `context` does not
   * give them, in any case.
   */
  constructor(context: Readonly<Record<string, ContextValue>> = NO_CONTEXT, defaults: ReadonlyMap<string, readonly string[]> = NO_DEFAULTS) {
    this.defaults = defaults;
    for (const key in context) {
      const value = context[key]!;
      // A copy: results and statements may hold on to these arrays, and the caller may change its own.
      this.values.set(key.toLowerCase(), typeof value === 'string' ? [value] : Array.isArray(value) ? value.slice() : value);
    }
  }

  get(key: string): readonly string[] | undefined {
    return this.getLower(key.toLowerCase());
  }

  /** For callers that lower-cased the key once, ahead of time. */
  getLower(lowerKey: string): readonly string[] | undefined {
    return this.values.get(lowerKey) ?? this.defaults.get(lowerKey);
  }

  /** A single-valued key's value: undefined when absent, empty, or multi-valued (no variable can use those). */
  single(key: string): string | undefined {
    const values = this.get(key);
    return values && values.length === 1 ? values[0] : undefined;
  }
}

/**
 * The context of the previous request, reused while the caller passes an equal context: simulating
 * every action with one context is the common case, and a context that stays the same object lets
 * statements keep what they worked out for it (evaluateStatement.ts). The entries are compared, not
 * only the object, as a caller may change its context object between requests.
 */
let last: { record: Readonly<Record<string, ContextValue>>; defaults: ReadonlyMap<string, readonly string[]>; keys: string[]; values: ContextValue[]; context: RequestContext } | undefined;

export function requestContextFor(record: Readonly<Record<string, ContextValue>> | undefined, defaults: ReadonlyMap<string, readonly string[]>): RequestContext {
  const given = record ?? NO_CONTEXT;
  if (last !== undefined && last.record === given && last.defaults === defaults && sameEntries(given, last.keys, last.values)) return last.context;
  const context = new RequestContext(given, defaults);
  const keys: string[] = [];
  const values: ContextValue[] = [];
  for (const key in given) {
    const value = given[key]!;
    keys.push(key);
    values.push(Array.isArray(value) ? value.slice() : value);
  }
  last = { record: given, defaults, keys, values, context };
  return context;
}

function sameEntries(record: Readonly<Record<string, ContextValue>>, keys: readonly string[], values: readonly ContextValue[]): boolean {
  let i = 0;
  for (const key in record) {
    if (i >= keys.length || keys[i] !== key) return false;
    const value = record[key]!;
    const before = values[i++]!;
    if (Array.isArray(value) && Array.isArray(before)) {
      if (!sameStrings(value, before)) return false;
    } else if (value !== before) {
      return false;
    }
  }
  return i === keys.length;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
