import { keyTarget } from '../targets';
import type { Rule } from '../types';
import { tagTemplateMissingKey } from './conditionKeys';

export const tagKeyMissing: Rule = {
  meta: {
    id: 'IAM112',
    name: 'tag-key-missing',
    severity: 'error',
    category: 'error',
    description: 'Tag condition keys name the tag they test: aws:ResourceTag/Project, not aws:ResourceTag.',
    accessAnalyzer: 'Missing tag key in condition',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        for (const entry of block.entries) {
          const template = tagTemplateMissingKey(cache, entry.key);
          if (!template) continue;
          const base = template.slice(0, template.lastIndexOf('/') + 1);
          report(
            keyTarget(entry.property, statement.path.concat('Condition', block.operator, entry.key)),
            `"${entry.key}" needs a tag key: write "${base}TAG-KEY", e.g. "${base}Project".`,
          );
        }
      }
    }
  },
};
