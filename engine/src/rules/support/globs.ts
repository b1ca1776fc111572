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

/** Whether some string matches both globs (the `b` side may hold SEGMENT runs). */
export function globsIntersect(a: string, b: string): boolean {
  if (!literalEndsAgree(a, b)) return false;
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return true;
  // reach[i][j]: the suffixes a[i..] and b[j..] can match a common string; filled from the end.
  const reach = new Uint8Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => reach[i * (m + 1) + j] === 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let ok: boolean;
      if (i === n && j === m) ok = true;
      else if (i < n && a.charCodeAt(i) === STAR) ok = at(i + 1, j) || (j < m && at(i, j + 1));
      else if (j < m && b.charCodeAt(j) === STAR) ok = at(i, j + 1) || (i < n && at(i + 1, j));
      else if (j < m && b.charCodeAt(j) === SEGMENT) ok = at(i, j + 1) || (i < n && a.charCodeAt(i) !== SLASH && at(i + 1, j));
      else if (i < n && j < m) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(j);
        ok = (x === QUESTION || y === QUESTION || x === y) && at(i + 1, j + 1);
      } else ok = false;
      if (ok) reach[i * (m + 1) + j] = 1;
    }
  }
  return at(0, 0);
}

/**
 * Whether every string matching `inner` also matches `outer` (`outer` covers `inner`). Sound, not
 * complete: a `*` of `inner` must be absorbed by a `*` of `outer`, a `?` by a `?` or a `*`, which
 * is how people write overlapping patterns (`s3:Get*` covers `s3:GetObject*`).
 */
export function globCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  // Outer's literal head must be inner's head too: the cheap answer for most unrelated pairs.
  const head = literalLength(outer);
  if (head === outer.length || inner.length < head) return false;
  for (let k = 0; k < head; k++) if (inner.charCodeAt(k) !== outer.charCodeAt(k)) return false;
  // The usual shape, `s3:Get*`: a literal head and one final star covers whatever starts with that head.
  if (head === outer.length - 1 && outer.charCodeAt(head) === STAR) return true;
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
