import { conditionUses, isMultivaluedType } from '../support/conditions';
import { formatOperator } from '../support/operatorNames';
import { keyTarget } from '../targets';
import type { FixHint, Rule } from '../types';

export const missingSetQualifier: Rule = {
  meta: {
    id: 'IAM208',
    name: 'missing-set-qualifier',
    severity: 'error',
    category: 'error',
    description: 'A multivalued key (aws:TagKeys, aws:CalledVia, ...) holds a list: say whether any or all of its values must match with ForAnyValue: or ForAllValues:.',
    accessAnalyzer: 'Missing qualifier',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const use of conditionUses(policy)) {
      if (!use.operator || use.operator.setQualifier || use.operator.isNull) continue;
      const info = cache.conditionKey(use.entry.key);
      if (!info || !isMultivaluedType(info.type)) continue;
      // Renaming the operator moves every key under it; offer it only when this key is alone.
      const fixes: FixHint[] | undefined =
        use.block.entries.length === 1
          ? (['ForAnyValue', 'ForAllValues'] as const).map((setQualifier) => {
              const name = formatOperator({ ...use.operator!, setQualifier });
              return { title: `Change to "${name}"`, replacement: JSON.stringify(name), span: use.block.property.keySpan };
            })
          : undefined;
      report(
        keyTarget(use.entry.property, use.statement.path.concat('Condition', use.block.operator, use.entry.key)),
        `${use.entry.key} has several values per request: use ForAnyValue:${use.block.operator} (any value matches) or ForAllValues:${use.block.operator} (all must).`,
        fixes,
      );
    }
  },
};
