/**
 * "Did you mean" helpers: case-insensitive edit distance plus prefix/substring hints.
 */

/**
 * Optimal-string-alignment edit distance (insert, delete, substitute, swap two adjacent
 * characters; each costs 1). Returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  // Three rows of scratch space, kept between calls: a suggestion compares one name with every
  // action of a service (EC2 has some 700), and allocating rows for each was most of its cost.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  let prevPrev = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, rows[prevPrev + j - 2]! + 1);
      }
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = oldest;
  }
  return rows[prev + n]!;
}

let rows = new Int32Array(192);

/** How many edits are tolerated for an input of this length. */
function allowedEdits(length: number): number {
  if (length <= 1) return 0;
  if (length <= 4) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * The candidate that `input` most plausibly meant, compared case-insensitively; undefined when
 * nothing is close. An exact case-insensitive match returns that candidate's canonical spelling.
 * Preference: smallest edit distance within a length-dependent limit; then the shortest candidate
 * that starts with the input (or the longest that the input starts with); then substrings.
 */
export function closestMatch(input: string, candidates: Iterable<string>, lowerCandidates?: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  if (wanted.length === 0) return undefined;
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  // Callers that keep a lower-cased copy of a long list (a service's actions) pass it along.
  const lower = lowerCandidates ?? list.map((c) => c.toLowerCase());

  const exact = lower.indexOf(wanted);
  if (exact >= 0) return list[exact];

  // 1. Edit distance.
  const limit = allowedEdits(wanted.length);
  let best: string | undefined;
  let bestScore = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < list.length; i++) {
    const d = editDistance(wanted, lower[i]!, limit);
    if (d > limit) continue;
    // Ties: same first character, then closer length, then alphabetical (stable over the list).
    const score = d * 1000 + (lower[i]![0] === wanted[0] ? 0 : 100) + Math.abs(lower[i]!.length - wanted.length);
    if (score < bestScore || (score === bestScore && best !== undefined && list[i]! < best)) {
      best = list[i];
      bestScore = score;
    }
  }
  if (best !== undefined) return best;

  // 2. Prefix hints.
  if (wanted.length >= 3) {
    const started = pick(list, lower, (c) => c.startsWith(wanted), 'shortest');
    if (started !== undefined) return started;
  }
  const prefixOfInput = pick(list, lower, (c) => c.length >= 3 && wanted.startsWith(c), 'longest');
  if (prefixOfInput !== undefined) return prefixOfInput;

  // 3. Substring hints.
  if (wanted.length >= 4) {
    const containing = pick(list, lower, (c) => c.includes(wanted), 'shortest');
    if (containing !== undefined) return containing;
  }
  return pick(list, lower, (c) => c.length >= 4 && wanted.includes(c), 'longest');
}

function pick(
  list: readonly string[],
  lower: readonly string[],
  accept: (candidateLower: string) => boolean,
  prefer: 'shortest' | 'longest',
): string | undefined {
  let best: string | undefined;
  for (let i = 0; i < list.length; i++) {
    if (!accept(lower[i]!)) continue;
    const c = list[i]!;
    if (
      best === undefined ||
      (prefer === 'shortest' ? c.length < best.length : c.length > best.length) ||
      (c.length === best.length && c < best)
    ) {
      best = c;
    }
  }
  return best;
}
