import { matchesWildcard } from '../../match/wildcard';
import { ownString } from '../../document/ownString';

// Bounded like LintCache: a long editing session must not grow a table without bound.
const MAX_ENTRIES = 16384;
let entries = 0;

/** For each listed action name ("iam:PassRole"), the Action patterns already matched against it. */
const byAction = new Map<string, Map<string, boolean>>();

/**
 * `matchesWildcard(pattern, action, { ignoreCase: true })`, remembered. The security rules ask
 * whether each Action entry of each statement names one of a few dozen fixed actions; the answer
 * for "s3:GetObject" against "iam:PassRole" does not change from one statement, rule or keystroke
 * to the next, and working it out lower-cases both strings every time.
 */
export function actionMatches(pattern: string, action: string): boolean {
  if (entries >= MAX_ENTRIES) {
    byAction.clear();
    entries = 0;
  }
  let memo = byAction.get(action);
  if (!memo) {
    memo = new Map();
    byAction.set(ownString(action), memo);
  }
  let matches = memo.get(pattern);
  if (matches === undefined) {
    matches = matchesWildcard(pattern, action, { ignoreCase: true });
    memo.set(ownString(pattern), matches);
    entries++;
  }
  return matches;
}

const EMPTY: readonly string[] = [];
const subsets = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * The names of `listed` that an Action pattern matches, in list order: `listed.filter((name) =>
 * actionMatches(pattern, name))`, remembered per list (rules keep their lists as constants).
 */
export function listedMatching(pattern: string, listed: readonly string[]): readonly string[] {
  let memo = subsets.get(listed);
  if (!memo) {
    memo = new Map();
    subsets.set(listed, memo);
  }
  let names = memo.get(pattern);
  if (!names) {
    const matched = matchingNames(pattern, listed);
    names = matched.length === 0 ? EMPTY : matched;
    if (memo.size >= MAX_ENTRIES) memo.clear();
    memo.set(ownString(pattern), names);
  }
  return names;
}

interface ListIndex {
  /** The listed names' positions, ordered by their lower-cased names: the names a head starts are one run of it. */
  readonly sorted: readonly number[];
  readonly lower: readonly string[];
  readonly byLower: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<readonly string[], ListIndex>();

/**
 * listed.filter((name) => actionMatches(pattern, name)) without asking every name: a pattern
 * without wildcards is one lookup, and one with wildcards is tried only on the names that start
 * with its literal head, found by binary search. A policy of thousands of actions (a read-only
 * managed policy) meets a few hundred listed names per security rule; asking each pair filled and
 * flushed the memo, and scanning the whole list for each pattern was most of a folder scan's time.
 */
function matchingNames(pattern: string, listed: readonly string[]): string[] {
  const index = indexOf(listed);
  const lowerPattern = pattern.toLowerCase();
  const wildcard = lowerPattern.search(/[*?]/);
  if (wildcard < 0) return [...(index.byLower.get(lowerPattern) ?? [])];
  const head = lowerPattern.slice(0, wildcard);
  const positions: number[] = [];
  for (let at = firstNotBefore(index, head); at < index.sorted.length; at++) {
    const position = index.sorted[at]!;
    const name = index.lower[position]!;
    if (!name.startsWith(head)) break;
    if (matchesWildcard(lowerPattern, name)) positions.push(position);
  }
  // In list order, as the list's owner wrote it.
  return positions.sort((a, b) => a - b).map((position) => listed[position]!);
}

function indexOf(listed: readonly string[]): ListIndex {
  let index = indexes.get(listed);
  if (index) return index;
  const lower = listed.map((name) => name.toLowerCase());
  const byLower = new Map<string, string[]>();
  lower.forEach((name, i) => {
    const same = byLower.get(name);
    if (same) same.push(listed[i]!);
    else byLower.set(name, [listed[i]!]);
  });
  const sorted = lower.map((_, i) => i).sort((a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : a - b));
  index = { sorted, lower, byLower };
  indexes.set(listed, index);
  return index;
}

/** The first place in `index.sorted` whose name is not before `head` in code-unit order. */
function firstNotBefore(index: ListIndex, head: string): number {
  let low = 0;
  let high = index.sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.lower[index.sorted[middle]!]! < head) low = middle + 1;
    else high = middle;
  }
  return low;
}
