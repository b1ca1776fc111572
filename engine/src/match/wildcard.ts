/**
 * IAM-style wildcard matching: `*` matches any run of characters (including none) and `?` matches
 * exactly one character; every other character matches itself. There is no escape syntax, as in
 * IAM policy Action, Resource and String*Like condition values.
 *
 * The pattern is never turned into a RegExp, so nothing backtracks exponentially. Short inputs go
 * through a two-pointer loop; long ones segment by segment in one left-to-right pass over the text,
 * so a 200 KB pattern against a 20 KB value (ten times what AWS accepts) stays well under a second.
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

/**
 * Inputs up to this many pattern-by-text character pairs go through the two-pointer loop, which allocates
 * nothing and is fastest on the short strings nearly every call brings; longer ones go segment by segment.
 */
const SHORT_INPUT = 1 << 16;

/** The case-sensitive core of matchesWildcard, literal markers included. */
export function matchesGlob(pattern: string, text: string): boolean {
  return pattern.length * text.length <= SHORT_INPUT ? matchesByBacktracking(pattern, text) : matchesBySegments(pattern, text);
}

/**
 * The classic greedy two-pointer loop: on a mismatch it resumes from the most recent `*` with one more
 * character consumed by that star. O(pattern × text) time in the worst case, O(1) memory.
 */
function matchesByBacktracking(pattern: string, text: string): boolean {
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
      if (sameChar(c, text.charCodeAt(ti))) {
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

/**
 * The pattern as star-free segments: the first must start the text, the last must end it, and each one
 * between is taken at its leftmost place after the one before. Leftmost is always safe, since a star
 * can absorb whatever a later placement would have skipped. The text is scanned once from left to right,
 * so a long pattern of many short segments (`a*a*a*…`) costs one pass instead of pattern × text steps,
 * and segments are read only as far as the text lasts. Exported for the tests, which hold both ways of
 * matching to one reference on the same inputs.
 */
export function matchesBySegments(pattern: string, text: string): boolean {
  const firstStar = pattern.indexOf('*');
  if (firstStar < 0) return pattern.length === text.length && segmentMatchesAt(pattern, 0, pattern.length, text, 0);
  const lastStar = pattern.lastIndexOf('*');
  const lastLength = pattern.length - lastStar - 1;
  const end = text.length - lastLength;
  if (firstStar > end || !segmentMatchesAt(pattern, 0, firstStar, text, 0) || !segmentMatchesAt(pattern, lastStar + 1, pattern.length, text, end)) return false;
  let position = firstStar;
  for (let star = firstStar; star < lastStar; ) {
    const next = pattern.indexOf('*', star + 1);
    if (next > star + 1) {
      const found = findSegment(pattern.slice(star + 1, next), text, position, end);
      if (found < 0) return false;
      position = found + next - star - 1;
    }
    star = next;
  }
  return true;
}

/** The leftmost place at or after `from` where `segment` matches and ends by `end`, or -1. */
function findSegment(segment: string, text: string, from: number, end: number): number {
  if (segment.includes('?')) return findWithAnyChars(segment, text, from, end);
  const found = text.indexOf(segment.replaceAll(LITERAL_STAR, '*').replaceAll(LITERAL_QUESTION, '?'), from);
  return found >= 0 && found + segment.length <= end ? found : -1;
}

/**
 * A segment with `?` found by the bit-parallel Shift-And method: bit i of the state says the last i + 1
 * text characters match the segment's first i + 1, and each text character updates every bit at once,
 * a machine word at a time. Time is text × segment / 32, where checking each start would be text ×
 * segment. A character's positions in the segment are kept as a list when it is rare there and as a
 * bit mask when it is common, so no text character costs more than a pass over the words.
 */
function findWithAnyChars(segment: string, text: string, from: number, end: number): number {
  const length = segment.length;
  const words = (length + 31) >>> 5;
  const anyChar = new Uint32Array(words);
  const positions = new Map<number, number[]>();
  for (let i = 0; i < length; i++) {
    const c = segment.charCodeAt(i);
    if (c === QUESTION) anyChar[i >>> 5]! |= 1 << (i & 31);
    else {
      const literal = c === LITERAL_STAR_CODE ? STAR : c === LITERAL_QUESTION_CODE ? QUESTION : c;
      const list = positions.get(literal);
      if (list) list.push(i);
      else positions.set(literal, [i]);
    }
  }
  const masks = new Map<number, Uint32Array>();
  for (const [c, list] of positions) {
    if (list.length < words) continue;
    const mask = anyChar.slice();
    for (const i of list) mask[i >>> 5]! |= 1 << (i & 31);
    masks.set(c, mask);
  }
  const state = new Uint32Array(words);
  const shifted = new Uint32Array(words);
  const lastWord = (length - 1) >>> 5;
  const lastBit = 1 << ((length - 1) & 31);
  for (let t = from; t < end; t++) {
    let carry = 1; // a match may start at every character
    for (let w = 0; w < words; w++) {
      const value = state[w]!;
      shifted[w] = (value << 1) | carry;
      carry = value >>> 31;
    }
    const c = text.charCodeAt(t);
    const mask = masks.get(c) ?? anyChar;
    for (let w = 0; w < words; w++) state[w] = shifted[w]! & mask[w]!;
    if (!masks.has(c)) {
      for (const i of positions.get(c) ?? []) state[i >>> 5]! |= shifted[i >>> 5]! & (1 << (i & 31));
    }
    if (state[lastWord]! & lastBit) return t - length + 1;
  }
  return -1;
}

/** True when the star-free part `from`..`to` of the pattern matches the text at `start` (`?` any one character). */
function segmentMatchesAt(pattern: string, from: number, to: number, text: string, start: number): boolean {
  if (start < 0 || start + to - from > text.length) return false;
  for (let i = from; i < to; i++) {
    if (!sameChar(pattern.charCodeAt(i), text.charCodeAt(start + i - from))) return false;
  }
  return true;
}

/** One pattern character (never a star) against one text character. */
function sameChar(patternChar: number, textChar: number): boolean {
  return (
    patternChar === QUESTION ||
    patternChar === textChar ||
    (patternChar === LITERAL_STAR_CODE && textChar === STAR) ||
    (patternChar === LITERAL_QUESTION_CODE && textChar === QUESTION)
  );
}

/** True when the string contains `*` or `?`. */
export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}
