import { parseDate } from '../../evaluate/operators/date';
import { conditionUses, scalarText } from '../support/conditions';
import { removeArrayItemFix } from '../support/fixes';
import { globCovers } from '../support/globs';
import { valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

export const redundantConditionValue: Rule = {
  meta: {
    id: 'IAM215',
    name: 'redundant-condition-value',
    severity: 'hint',
    category: 'suggestion',
    description:
      'A value repeated under one key, a pattern covered by another, or several bounds for NumericLessThan and friends (only the loosest counts) adds nothing.',
    accessAnalyzer: 'Redundant condition value num',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (!use.operator || use.value?.kind !== 'array' || use.items.length < 2) continue;
      const base = use.operator.base;
      const array = use.value;
      const texts = use.items.map((item) => scalarText(item));
      const fold = (text: string) => (base.endsWith('ignorecase') ? text.toLowerCase() : text);
      const bound = /^(numeric|date)(less|greater)than(equals)?$/.exec(base);
      texts.forEach((text, index) => {
        if (text === undefined) return;
        const fix = (title: string): FixHint[] | undefined => {
          const removal = removeArrayItemFix(title, array, index);
          return removal && [removal];
        };
        const earlier = texts.slice(0, index).some((other) => other !== undefined && fold(other) === fold(text));
        if (earlier) {
          report(valueTarget(use.items[index]!), `${JSON.stringify(text)} is listed twice for ${use.entry.key}: remove the repeat.`, fix('Remove the repeated value'));
          return;
        }
        if (base.endsWith('like')) {
          const cover = texts.find((other, j) => j !== index && other !== undefined && other !== text && globCovers(other, text));
          if (cover) report(valueTarget(use.items[index]!), `${JSON.stringify(cover)} already matches everything ${JSON.stringify(text)} does: remove this value.`, fix('Remove the covered value'));
          return;
        }
        if (bound && !use.operator!.setQualifier) {
          const numbers = texts.map((t) => toNumber(bound[1]!, t));
          const value = numbers[index];
          if (value === undefined || numbers.some((n) => n === undefined)) return;
          const loosest = bound[2] === 'less' ? Math.max(...(numbers as number[])) : Math.min(...(numbers as number[]));
          if (value !== loosest) {
            report(
              valueTarget(use.items[index]!),
              `With several values ${use.block.operator} matches if any does, so only ${texts[numbers.indexOf(loosest)]} counts: remove ${JSON.stringify(text)}.`,
              fix('Remove the redundant bound'),
            );
          }
        }
      });
    }
  },
};

function toNumber(family: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (family === 'numeric') return Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : undefined;
  return parseDate(text);
}
