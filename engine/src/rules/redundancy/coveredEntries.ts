import type { StringListElement } from '../../document/model';
import type { StringNode } from '../../document/tree';
import { excludeEachOther } from '../../document/unknown';
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
  const nodes = element.values;
  const texts = nodes.map((node) => fold(node.value));
  // Long generated lists get the linear check for repeats only, not the pairwise one for coverage.
  const pairwise = texts.length <= MAX_PAIRWISE;
  // Short lists find an entry's first occurrence by scanning (no table per list per keystroke).
  const firstIndex = pairwise ? undefined : firstIndexes(texts);
  // Only an entry with a wildcard covers an entry other than itself: the pairwise check asks those alone.
  const wildcards = pairwise ? texts.flatMap((text, j) => (/[*?]/.test(text) ? [j] : [])) : [];
  // An entry covers only texts that start with its literal head ("s3:Get" of "s3:Get*").
  const heads = wildcards.map((j) => texts[j]!.slice(0, texts[j]!.search(/[*?]/)));
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index]!;
    const repeatOf = firstIndex ? firstIndex.get(text)! : texts.indexOf(text);
    let coverIndex = -1;
    if (repeatOf < index && !excludeEachOther(nodes[repeatOf]!, nodes[index]!)) coverIndex = repeatOf;
    else if (pairwise) {
      for (let w = 0; w < wildcards.length && coverIndex < 0; w++) {
        const j = wildcards[w]!;
        // Branches of one template choice are never deployed together.
        if (j !== index && text.startsWith(heads[w]!) && texts[j] !== text && covers(texts[j]!, text) && !excludeEachOther(nodes[j]!, nodes[index]!)) coverIndex = j;
      }
    }
    if (coverIndex < 0) continue;
    const node = nodes[index]!;
    const removal = removeArrayItemFix(`Remove ${JSON.stringify(node.value)}`, array, array.items.indexOf(node));
    const fixes: FixHint[] | undefined = removal && [removal];
    report(valueTarget(node), message(node, nodes[coverIndex]!, noun), fixes);
  }
}

function firstIndexes(texts: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  texts.forEach((text, index) => {
    if (!first.has(text)) first.set(text, index);
  });
  return first;
}

const MAX_PAIRWISE = 200;

function covers(outer: string, inner: string): boolean {
  return outer === inner || globCovers(outer, inner);
}

function message(entry: StringNode, cover: StringNode, noun: string): string {
  if (entry.value === cover.value) return `${JSON.stringify(entry.value)} is listed twice: remove the repeat.`;
  return `${JSON.stringify(cover.value)} already matches every ${noun} ${JSON.stringify(entry.value)} does: remove ${JSON.stringify(entry.value)}.`;
}
