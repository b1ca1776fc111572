import { ownString } from './ownString';

/**
 * A table of results kept by text, bounded for a long editing session, that does not forget
 * everything at once: when the newer half is full it becomes the older half, and a hit in the older
 * half moves back to the newer. A folder scan meets tens of thousands of distinct Action and
 * Resource values; a table that was cleared whenever it filled computed most of them again for
 * every rule that asked, where this keeps whatever is asked again soon.
 */
export class TextMemo<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  /** `limit`: entries per half, so at most twice that are kept. */
  constructor(private readonly limit: number) {}

  /** The value for `text`, computing and keeping it (by a copy of the text: see ownString) the first time. */
  get(text: string, compute: (text: string) => V): V {
    const found = this.newer.get(text);
    if (found !== undefined || this.newer.has(text)) return found as V;
    if (this.older.has(text)) {
      const value = this.older.get(text) as V;
      this.keep(ownString(text), value);
      return value;
    }
    const own = ownString(text);
    const value = compute(own);
    this.keep(own, value);
    return value;
  }

  private keep(text: string, value: V): void {
    if (this.newer.size >= this.limit) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(text, value);
  }
}
