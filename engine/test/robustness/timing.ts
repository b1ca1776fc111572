import * as assert from 'node:assert/strict';

/**
 * Runs `work` and fails when it takes longer than `limitMs`. Limits are set roughly twenty times above
 * what a quiet 2-core machine needs, so a loaded CI box does not flake, while anything exponential
 * or quadratic in the input (seconds to hours here) still fails.
 */
export function withinTime<T>(what: string, limitMs: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed <= limitMs, `${what} took ${elapsed.toFixed(0)} ms; the limit is ${limitMs} ms`);
  return result;
}
