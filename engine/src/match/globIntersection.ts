/**
 * A glob that matches only strings both IAM globs match (`*` any run, `?` one character), or
 * undefined when they share none. Used to find a resource that a request pattern and a statement's
 * Resource have in common: the result keeps the literal text of both and a `*` only where both had one.
 * O(a.length × b.length); past MAX_CELLS the answer is undefined (no witness), never a wrong one.
 */
const MAX_CELLS = 1 << 18;

export function intersectGlobs(a: string, b: string): string | undefined {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return undefined;
  const width = m + 1;
  // reach[i * width + j]: the suffixes a[i..] and b[j..] match some common string.
  const reach = new Uint8Array((n + 1) * width);
  const at = (i: number, j: number) => reach[i * width + j] === 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let ok = i === n && j === m;
      const x = a[i];
      const y = b[j];
      if (!ok && x === '*') ok = at(i + 1, j) || (j < m && at(i, j + 1));
      if (!ok && y === '*') ok = at(i, j + 1) || (i < n && at(i + 1, j));
      if (!ok && i < n && j < m && x !== '*' && y !== '*') ok = (x === '?' || y === '?' || x === y) && at(i + 1, j + 1);
      reach[i * width + j] = ok ? 1 : 0;
    }
  }
  if (!at(0, 0)) return undefined;
  let out = '';
  let i = 0;
  let j = 0;
  // Walk one way through the table, preferring moves that keep text of both globs.
  while (i < n || j < m) {
    const x = a[i];
    const y = b[j];
    if (i < n && j < m && x !== '*' && y !== '*' && (x === '?' || y === '?' || x === y) && at(i + 1, j + 1)) {
      out += x === '?' ? y : x;
      i++;
      j++;
    } else if (x === '*' && y === '*' && at(i + 1, j + 1)) {
      out += '*';
      i++;
      j++;
    } else if (x === '*' && at(i + 1, j)) {
      // A star that need not match anything is dropped, so literal text of the other glob lines up with
      // its own; facing a star of the other glob, it keeps what both can match: a run of anything.
      if (y === '*') out += '*';
      i++;
    } else if (y === '*' && at(i, j + 1)) {
      if (x === '*') out += '*';
      j++;
    } else if (x === '*' && j < m && at(i, j + 1)) {
      out += y;
      j++;
    } else if (y === '*' && i < n && at(i + 1, j)) {
      out += x;
      i++;
    } else {
      return undefined;
    }
  }
  return out;
}

/** The glob with every `*` replaced by `filler` and every `?` by one character of it. */
export function instantiateGlob(glob: string, filler: string): string {
  return glob.replace(/\*/g, filler).replace(/\?/g, filler[0] ?? 'x');
}
