/**
 * IAM-style wildcard matching: `*` matches any run of characters (including none) and `?` matches
 * exactly one character; every other character matches itself. There is no escape syntax, as in
 * IAM policy Action, Resource and String*Like condition values.
 *
 * The pattern is never turned into a RegExp. The matcher is the classic greedy two-pointer
 * algorithm that, on a mismatch, resumes from the most recent `*` with one more character consumed
 * by that star. Time is O(pattern.length * text.length) in the worst case (no exponential
 * backtracking, e.g. `a*a*a*a*a*b` against 10,000 `a`s is fast) and memory is O(1).
 *
 * Characters are compared as UTF-16 code units.
 */

export interface WildcardOptions {
  /** Compare case-insensitively (via toLowerCase on both sides). Default false. */
  readonly ignoreCase?: boolean;
}

const STAR = 42; // '*'
const QUESTION = 63; // '?'

/** True when `text` matches the whole of `pattern` (`*` any run, `?` exactly one character). */
export function matchesWildcard(pattern: string, text: string, options?: WildcardOptions): boolean {
  return options?.ignoreCase ? matchesGlob(pattern.toLowerCase(), text.toLowerCase()) : matchesGlob(pattern, text);
}

/**
 * Two private-use characters that stand for a literal `*` and `?` inside a pattern. Policy variables
 * need them: `${*}` writes a star that must not act as a wildcard, and substituted request values are
 * data, never patterns. A marker matches only the real character it stands for.
 */
export const LITERAL_STAR = '\uE000';
export const LITERAL_QUESTION = '\uE001';
const LITERAL_STAR_CODE = 0xe000;
const LITERAL_QUESTION_CODE = 0xe001;

/** The case-sensitive core of matchesWildcard, literal markers included. */
export function matchesGlob(pattern: string, text: string): boolean {
  const p = pattern.length;
  const t = text.length;
  let pi = 0;
  let ti = 0;
  let starPi = -1; // index of the last '*' seen in the pattern
  let starTi = 0; // text index that star is currently assumed to have consumed up to

  while (ti < t) {
    if (pi < p) {
      const c = pattern.charCodeAt(pi);
      if (c === STAR) {
        // Let the star match nothing for now; remember where to resume.
        starPi = pi++;
        starTi = ti;
        continue;
      }
      const tc = text.charCodeAt(ti);
      if (c === QUESTION || c === tc || (c === LITERAL_STAR_CODE && tc === STAR) || (c === LITERAL_QUESTION_CODE && tc === QUESTION)) {
        pi++;
        ti++;
        continue;
      }
    }
    if (starPi < 0) return false;
    // Mismatch (or pattern exhausted): the last star absorbs one more character.
    pi = starPi + 1;
    ti = ++starTi;
  }
  // Text consumed: whatever is left of the pattern must be stars.
  while (pi < p && pattern.charCodeAt(pi) === STAR) pi++;
  return pi === p;
}

/** True when the string contains `*` or `?`. */
export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}
