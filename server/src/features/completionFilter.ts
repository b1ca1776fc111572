/**
 * Which completion candidates go out. Editors filter on the text from the start of an item's range to
 * the cursor, by prefix or fuzzy match; every such match is a case-insensitive subsequence, up to one
 * swap of neighbouring characters near the start (VS Code forgives "ec2:Dse" for Describe). Candidates
 * that fail that test could never show, so they are not sent. Past `limit` matches, the best ones go
 * out marked incomplete and the editor asks again as the user types.
 */

/** Beyond this many typed characters editors stop fuzzy-matching the whole text, so nothing is filtered. */
const MAX_FILTERED = 100;
/** VS Code tries swapping neighbours among the first seven characters typed. */
const TYPO_POSITIONS = 7;

export interface TypedFilter {
  /** The word starts with the typed text, case-insensitively (editors rank these highest). */
  isPrefix(word: string): boolean;
  /** The word could be shown for the typed text: a subsequence, allowing one early swap. */
  couldMatch(word: string): boolean;
}

export function typedFilter(typed: string): TypedFilter {
  if (typed.length === 0 || typed.length > MAX_FILTERED) return { isPrefix: () => true, couldMatch: () => true };
  const pattern = lowerCodes(typed);
  // Where a swap of neighbours may be forgiven: at and at + 1, for distinct characters only.
  const swaps: number[] = [];
  for (let at = 1; pattern.length >= 3 && at < Math.min(TYPO_POSITIONS, pattern.length - 1); at++) {
    if (pattern[at] !== pattern[at + 1]) swaps.push(at);
  }
  // after[j]: where in the word the greedy match of pattern[0..j) ended; reused by every call.
  const after = new Int32Array(pattern.length + 1);
  return {
    isPrefix: (word) => startsWith(word, pattern),
    couldMatch: (word) => {
      // The plain pattern first. A swapped variant agrees with it before the swap, so it can only
      // succeed where the plain match got at least that far, and it resumes from there.
      let matched = 0;
      for (let i = 0; i < word.length && matched < pattern.length; i++) {
        if (lower(word.charCodeAt(i)) === pattern[matched]) after[++matched] = i + 1;
      }
      if (matched === pattern.length) return true;
      for (const at of swaps) {
        if (at > matched) return false;
        if (swappedMatches(word, pattern, at, after[at]!)) return true;
      }
      return false;
    },
  };
}

/** Whether pattern[at + 1], pattern[at], pattern[at + 2]... is a subsequence of word from `from` on. */
function swappedMatches(word: string, pattern: readonly number[], at: number, from: number): boolean {
  let next = at;
  for (let i = from; i < word.length && next < pattern.length; i++) {
    const want = next === at ? pattern[at + 1] : next === at + 1 ? pattern[at] : pattern[next];
    if (lower(word.charCodeAt(i)) === want) next++;
  }
  return next === pattern.length;
}

export interface Selection<T> {
  readonly chosen: T[];
  /** More candidates matched than were chosen. */
  readonly incomplete: boolean;
}

/**
 * Up to `limit` entries: prefix matches first, then other possible matches, each in the given order.
 * Both passes stop as soon as the limit is passed, so a long list with a short typed text stays cheap.
 */
export function selectCandidates<T>(entries: readonly T[], wordOf: (entry: T) => string, filterOf: (entry: T) => TypedFilter, limit: number): Selection<T> {
  const chosen: T[] = [];
  const isPrefix = entries.map(() => false);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!filterOf(entry).isPrefix(wordOf(entry))) continue;
    if (chosen.length === limit) return { chosen, incomplete: true };
    isPrefix[i] = true;
    chosen.push(entry);
  }
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (isPrefix[i] || !filterOf(entry).couldMatch(wordOf(entry))) continue;
    if (chosen.length === limit) return { chosen, incomplete: true };
    chosen.push(entry);
  }
  return { chosen, incomplete: false };
}

function lowerCodes(text: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) codes.push(lower(text.charCodeAt(i)));
  return codes;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function startsWith(word: string, pattern: readonly number[]): boolean {
  if (word.length < pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) if (lower(word.charCodeAt(i)) !== pattern[i]) return false;
  return true;
}
