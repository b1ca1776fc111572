import type { StringListElement } from '../../document/model';
import type { StringNode } from '../../document/tree';
import { removeArrayItemFix } from '../support/fixes';
import { globCovers } from '../support/globs';
import { valueTarget } from '../targets';
import type { FixHint, RuleContext } from '../types';

/**
 * Reports entries of an Action or Resource list that another entry already matches. Of two equal
 * entries the later is reported; `fold` decides what "equal" means (actions ignore case).
 */
export function reportCoveredEntries(
  report: RuleContext['report'],
  element: StringListElement<string> | undefined,
  fold: (text: string) => string,
  noun: string,
): void {
  const array = element?.property.value;
  if (!element || array?.kind !== 'array' || element.values.length < 2) return;
  const entries = element.values.map((node) => ({ node, text: fold(node.value) }));
  // Long generated lists get the linear check for repeats only, not the pairwise one for coverage.
  const pairwise = entries.length <= MAX_PAIRWISE;
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!firstIndex.has(entry.text)) firstIndex.set(entry.text, index);
  });
  entries.forEach((entry, index) => {
    const repeatOf = firstIndex.get(entry.text)!;
    const cover =
      repeatOf < index
        ? entries[repeatOf]
        : pairwise
          ? entries.find((other, j) => j !== index && other.text !== entry.text && covers(other.text, entry.text))
          : undefined;
    if (!cover) return;
    const removal = removeArrayItemFix(`Remove ${JSON.stringify(entry.node.value)}`, array, array.items.indexOf(entry.node));
    const fixes: FixHint[] | undefined = removal && [removal];
    report(valueTarget(entry.node), message(entry.node, cover.node, noun), fixes);
  });
}

const MAX_PAIRWISE = 200;

function covers(outer: string, inner: string): boolean {
  return outer === inner || globCovers(outer, inner);
}

function message(entry: StringNode, cover: StringNode, noun: string): string {
  if (entry.value === cover.value) return `${JSON.stringify(entry.value)} is listed twice: remove the repeat.`;
  return `${JSON.stringify(cover.value)} already matches every ${noun} ${JSON.stringify(entry.value)} does: remove ${JSON.stringify(entry.value)}.`;
}
