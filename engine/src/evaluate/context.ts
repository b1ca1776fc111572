import type { ContextValue } from './types';

/** Request context keys looked up case-insensitively, as IAM does for key names. */
export class RequestContext {
  private readonly values = new Map<string, readonly string[]>();

  constructor(context: Readonly<Record<string, ContextValue>> = {}) {
    for (const [key, value] of Object.entries(context)) {
      this.values.set(key.toLowerCase(), typeof value === 'string' ? [value] : [...value]);
    }
  }

  get(key: string): readonly string[] | undefined {
    return this.values.get(key.toLowerCase());
  }

  /** A single-valued key's value (the first value of a multi-valued one). */
  single(key: string): string | undefined {
    return this.get(key)?.[0];
  }
}
