import type { ContextValue } from '../../../engine/src';
import { UsageError } from './args';

/**
 * `--context key=value` flags; a key given twice becomes multi-valued, and `key=[a,b]` or
 * `key=a,b` for a key listed as multi-valued is not guessed: repeat the flag instead.
 */
export function parseContextFlags(flags: readonly string[]): Record<string, ContextValue> {
  const context: Record<string, string[]> = {};
  for (const flag of flags) {
    const equals = flag.indexOf('=');
    if (equals <= 0) throw new UsageError(`--context takes key=value, got "${flag}"`);
    const key = flag.slice(0, equals);
    (context[key] ??= []).push(flag.slice(equals + 1));
  }
  return Object.fromEntries(Object.entries(context).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}
