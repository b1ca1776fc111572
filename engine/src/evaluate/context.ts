import type { ContextValue } from './types';

const NO_DEFAULTS: ReadonlyMap<string, readonly string[]> = new Map();

/** Request context keys looked up case-insensitively, as IAM does for key names. */
export class RequestContext {
  private readonly values = new Map<string, readonly string[]>();
  private readonly defaults: ReadonlyMap<string, readonly string[]>;

  /**
   * Keys in `defaults` (lower-cased, shared between requests) are used only when `context` does not
   * give them, in any case.
   */
  constructor(context: Readonly<Record<string, ContextValue>> = {}, defaults: ReadonlyMap<string, readonly string[]> = NO_DEFAULTS) {
    this.defaults = defaults;
    for (const key in context) {
      const value = context[key]!;
      this.values.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
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
