import { matchesGlob } from '../../match/wildcard';
import { patternOfValue, UNKNOWN_MARK } from '../../document/unknown';

/**
 * Relations between two IAM globs (`*` any run, `?` one character), both as dynamic programs over
 * positions in the two patterns: O(a.length × b.length) time, no regular expressions, no recursion.
 */

/** Past this many table cells the answer is the cautious one (may intersect, does not cover). */
const MAX_CELLS = 1 << 20;

const STAR = 42;
const QUESTION = 63;
/** See arnGlob.ts SEGMENT: like `*`, but never matching "/". */
const SEGMENT = 1;
const SLASH = 47;

// Two rows of the table, kept between calls: a newly opened policy asks this thousands of times
// (every Resource against every resource type of its service), and a fresh table per call was
// most of that cost before the JIT had warmed up.
let rowA = new Uint8Array(256);
let rowB = new Uint8Array(256);

/** Whether some string matches both globs (the `b` side may hold SEGMENT runs). */
export function globsIntersect(a: string, b: string): boolean {
  // An unknown template part (document/unknown.ts) may be any text: it intersects as a star would.
  if (a.includes(UNKNOWN_MARK) || b.includes(UNKNOWN_MARK)) return globsIntersect(patternOfValue(a), patternOfValue(b));
  if (!literalEndsAgree(a, b)) return false;
  // Most policy ARNs hold no wildcard at all: then the question is whether a plain string matches a
  // glob, which a greedy scan answers without the table (SEGMENT runs aside, which it does not know).
  const aWild = wildcardIndex(a) >= 0;
  const bWild = wildcardIndex(b) >= 0;
  if (!aWild && !bWild) return a === b;
  if (!aWild && !b.includes(SEGMENT_TEXT)) return matchesGlob(b, a);
  if (!bWild && !a.includes(SEGMENT_TEXT)) return matchesGlob(a, b);
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return true;
  if (rowA.length <= m) {
    rowA = new Uint8Array(2 * (m + 1));
    rowB = new Uint8Array(2 * (m + 1));
  }
  // Cell (i, j): the suffixes a[i..] and b[j..] can match a common string. Filled from the end, one
  // row of i at a time: `next` holds row i + 1, `row` the row being filled.
  let next = rowA;
  let row = rowB;
  for (let i = n; i >= 0; i--) {
    const x = i < n ? a.charCodeAt(i) : -1;
    for (let j = m; j >= 0; j--) {
      const y = j < m ? b.charCodeAt(j) : -1;
      let ok: number;
      if (i === n && j === m) ok = 1;
      else if (x === STAR) ok = next[j]! | (j < m ? row[j + 1]! : 0);
      else if (y === STAR) ok = row[j + 1]! | (i < n ? next[j]! : 0);
      else if (y === SEGMENT) ok = row[j + 1]! | (i < n && x !== SLASH ? next[j]! : 0);
      else if (i < n && j < m) ok = x === QUESTION || y === QUESTION || x === y ? next[j + 1]! : 0;
      else ok = 0;
      row[j] = ok;
    }
    const filled = row;
    row = next;
    next = filled;
  }
  return next[0] === 1;
}

/**
 * Whether every string matching `inner` also matches `outer` (`outer` covers `inner`). Sound, not
 * complete: a `*` of `inner` must be absorbed by a `*` of `outer`, a `?` by a `?` or a `*`, which
 * is how people write overlapping patterns (`s3:Get*` covers `s3:GetObject*`).
 */
export function globCovers(outer: string, inner: string): boolean {
  // An unknown part of `outer` may turn out to be anything, so it is never sure to cover; one of
  // `inner` may be anything too, so only what covers every text there covers it.
  if (outer.includes(UNKNOWN_MARK)) return false;
  if (inner.includes(UNKNOWN_MARK)) return globCovers(outer, patternOfValue(inner));
  if (outer === inner) return true;
  // Outer's literal head must be inner's head too: the cheap answer for most unrelated pairs.
  const head = literalLength(outer);
  if (head === outer.length || inner.length < head) return false;
  for (let k = 0; k < head; k++) if (inner.charCodeAt(k) !== outer.charCodeAt(k)) return false;
  // The usual shape, `s3:Get*`: a literal head and one final star covers whatever starts with that head.
  if (head === outer.length - 1 && outer.charCodeAt(head) === STAR) return true;
  if (!outer.includes(SEGMENT_TEXT) && !inner.includes(SEGMENT_TEXT)) return coversByScan(outer, inner);
  const n = outer.length;
  const m = inner.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return false;
  const reach = new Uint8Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => reach[i * (m + 1) + j] === 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let ok: boolean;
      if (i === n) ok = j === m;
      else {
        const x = outer.charCodeAt(i);
        if (x === STAR) ok = at(i + 1, j) || (j < m && at(i, j + 1));
        else if (j === m) ok = false;
        else {
          const y = inner.charCodeAt(j);
          if (y === STAR) ok = false;
          else ok = (x === QUESTION || x === y) && at(i + 1, j + 1);
        }
      }
      if (ok) reach[i * (m + 1) + j] = 1;
    }
  }
  return at(0, 0);
}

const SEGMENT_TEXT = String.fromCharCode(SEGMENT);

/**
 * A glob without wildcards or unknown parts: it matches its own text alone, so globCovers(it, x)
 * holds exactly when x is the same text.
 */
export function isLiteralGlob(glob: string): boolean {
  return literalLength(glob) === glob.length && !glob.includes(UNKNOWN_MARK);
}

/**
 * globCovers without the table: outer is matched against inner read as text in which inner's `*`
 * is a character only a `*` of outer can take, and its `?` one that only `?` or `*` can take. That
 * is plain wildcard matching, which the greedy scan (backing up to the last star) answers exactly,
 * in linear time for the usual patterns and without allocating (long Resource lists ask it a lot).
 */
function coversByScan(outer: string, inner: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < inner.length) {
    const x = g < outer.length ? outer.charCodeAt(g) : -1;
    const y = inner.charCodeAt(t);
    if (x === STAR) {
      star = g++;
      resume = t;
    } else if (x >= 0 && (x === QUESTION ? y !== STAR : x === y)) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (g < outer.length && outer.charCodeAt(g) === STAR) g++;
  return g === outer.length;
}

function wildcardIndex(glob: string): number {
  for (let i = 0; i < glob.length; i++) if (isWildcard(glob.charCodeAt(i))) return i;
  return -1;
}

function isWildcard(code: number): boolean {
  return code === STAR || code === QUESTION || code === SEGMENT;
}

function literalLength(glob: string): number {
  let i = 0;
  while (i < glob.length && !isWildcard(glob.charCodeAt(i))) i++;
  return i;
}

/**
 * Before the first wildcard of either glob, and after the last, both must spell the same
 * characters. Rejects most pairs of unrelated ARNs before the quadratic table is built.
 */
function literalEndsAgree(a: string, b: string): boolean {
  const head = Math.min(literalLength(a), literalLength(b));
  for (let i = 0; i < head; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  if (head === a.length && head === b.length) return true;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isWildcard(x) || isWildcard(y)) return true;
    if (x !== y) return false;
  }
  return true;
}
