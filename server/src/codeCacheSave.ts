/**
 * How the server bundle reaches the launcher's code cache (launch.ts): a function under this key of
 * globalThis, when the server was started through dist/server.js. Kept apart from codeCache.ts so that
 * the bundle takes in nothing of the launcher.
 */
export const SAVE_CODE_CACHE = Symbol.for('iam-author.saveCodeCache');

/** Writes the launcher's code cache now, if there is one to write (a start that used it writes nothing). */
export function saveCodeCacheNow(): void {
  const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
  if (typeof save === 'function') save();
}
