import type { ValueNode } from '../../document/tree';
import { isOpaque } from '../support/conditions';
import { acceptsStringList, valueTarget } from '../targets';
import type { Rule, RuleContext } from '../types';

export const invalidValueType: Rule = {
  meta: {
    id: 'IAM019',
    name: 'invalid-value-type',
    severity: 'error',
    category: 'error',
    description:
      'Id is a string; Condition maps operators to objects of keys; condition values are strings, numbers or booleans of one JSON type; principal values are strings.',
    accessAnalyzer: 'Data type mismatch / Invalid condition data type / Invalid principal format',
    parliament: 'MALFORMED',
  },
  scope: 'policy',
  check(context) {
    const { policy, report } = context;
    const id = policy.id?.value;
    if (id && id.kind !== 'string' && !isOpaque(policy, id)) report(valueTarget(id), `Id must be a string, not ${describe(id)}.`);
    for (const statement of policy.statements) {
      for (const entry of statement.principal?.entries ?? []) {
        const value = entry.property.value;
        if (value && !acceptsStringList(value, policy)) {
          report(valueTarget(value), `The ${entry.type} principal must be a string or an array of strings, not ${describe(value)}.`);
        }
      }
      const condition = statement.condition?.property.value;
      if (condition && condition.kind !== 'object') {
        report(valueTarget(condition), `Condition must be an object such as {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}, not ${describe(condition)}.`);
        continue;
      }
      for (const block of statement.condition?.blocks ?? []) {
        const value = block.property.value;
        if (value && value.kind !== 'object' && !isOpaque(policy, value)) {
          report(valueTarget(value), `${block.operator} must map condition keys to values, e.g. {"aws:SourceAccount": "111122223333"}, not ${describe(value)}.`);
          continue;
        }
        for (const entry of block.entries) checkValues(context, entry.property.value);
      }
    }
  },
};

function checkValues({ policy, report }: RuleContext, value: ValueNode | undefined): void {
  if (!value) return;
  const items = value.kind === 'array' ? value.items : [value];
  const kinds = new Set<string>();
  for (const item of items) {
    if (isOpaque(policy, item)) continue;
    if (item.kind === 'array' || item.kind === 'object' || item.kind === 'null') {
      report(valueTarget(item), `A condition value must be a string, number or boolean, not ${describe(item)}.`);
      continue;
    }
    kinds.add(item.kind);
  }
  if (kinds.size > 1 && value.kind === 'array') {
    report(valueTarget(value), `The values mix JSON types (${[...kinds].join(', ')}): write them all the same way, e.g. all as strings.`);
  }
}

function describe(node: ValueNode): string {
  return node.kind === 'array' || node.kind === 'object' ? `an ${node.kind}` : node.kind === 'null' ? 'null' : `a ${node.kind}`;
}
