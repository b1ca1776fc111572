import type * as TreeSitter from 'web-tree-sitter';

/**
 * Parsing with tree-sitter's incremental reparse: the previous tree is told what changed and reused
 * around the edit, within a time budget.
 */

// The last tree parsed, kept for the next parse: while someone types, each version differs from the
// one before by an edit or two, and tree-sitter reparses only around the edit (a 2,000-line file in a
// fraction of the full parse). One tree for the whole process: another document's text simply shares
// too little with it and is parsed afresh.
let previous: { text: string; tree: TreeSitter.Tree } | undefined;

/**
 * tree-sitter's error recovery can take tens of seconds on text that is nowhere near HCL (a megabyte
 * of garbage); a parse is stopped after this long, scaled by size, and the file read as nothing.
 */
export const PARSE_BUDGET_MS = 2_000;
const PARSE_BUDGET_MS_PER_KB = 4;

export function parseIncrementally(parser: TreeSitter.Parser, text: string, budgetMs?: number): TreeSitter.Tree | null {
  const edited = previous && editTree(previous.tree, previous.text, text);
  const deadline = Date.now() + (budgetMs ?? PARSE_BUDGET_MS + (text.length >> 10) * PARSE_BUDGET_MS_PER_KB);
  const tree = parser.parse(text, edited ?? undefined, { progressCallback: () => Date.now() > deadline } as TreeSitter.ParseOptions);
  if (!tree) {
    // A stopped parse would otherwise be resumed by the next call, whatever text that is given.
    parser.reset();
    previous?.tree.delete();
    previous = undefined;
    return null;
  }
  if (previous && previous.tree !== tree) previous.tree.delete();
  previous = { text, tree };
  return tree;
}

/** Tells the old tree what changed (one span between the common prefix and suffix); undefined when most did. */
function editTree(tree: TreeSitter.Tree, before: string, after: string): TreeSitter.Tree | undefined {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (oldEnd - start > 4096 || newEnd - start > 4096) return undefined;
  tree.edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  } as TreeSitter.Edit);
  return tree;
}

function pointAt(text: string, offset: number): TreeSitter.Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}

/** Drops the tree kept for the next parse. */
export function forgetPreviousTree(): void {
  previous?.tree.delete();
  previous = undefined;
}
