import type { PropertyNode, ValueNode } from '../../document/tree';
import { keyTarget } from '../targets';
import type { Rule, RuleContext } from '../types';

export const duplicateKey: Rule = {
  meta: {
    id: 'IAM020',
    name: 'duplicate-key',
    severity: 'error',
    category: 'error',
    description:
      'A key may appear only once per object; condition keys compare case-insensitively, so "aws:SourceIp" and "aws:sourceip" under one operator are duplicates too. Parsers keep one of them silently.',
    accessAnalyzer: 'Duplicate keys with different case',
    parliament: 'MALFORMED_JSON',
  },
  scope: 'policy',
  check(context) {
    const { policy } = context;
    walk(context, policy.node);
    for (const statement of policy.statements) {
      for (const block of statement.condition?.blocks ?? []) {
        const value = block.property.value;
        if (value?.kind === 'object') reportDuplicates(context, value.properties, value.path, true);
      }
    }
  },
};

function walk(context: RuleContext, node: ValueNode | undefined, depth = 0): void {
  if (!node || depth > 64) return;
  if (node.kind === 'array') node.items.forEach((item) => walk(context, item, depth + 1));
  if (node.kind !== 'object') return;
  reportDuplicates(context, node.properties, node.path, false);
  for (const property of node.properties) walk(context, property.value, depth + 1);
}

function reportDuplicates(
  { report }: RuleContext,
  properties: readonly PropertyNode[],
  path: ValueNode['path'],
  ignoreCase: boolean,
): void {
  // Every object of every policy comes through here on each keystroke, and almost none repeats a
  // key: for small objects, a comparison of pairs finds that out without building a table.
  if (!ignoreCase && properties.length <= SMALL_OBJECT && !hasRepeatedKey(properties)) return;
  const seen = new Map<string, string>();
  for (const property of properties) {
    const key = ignoreCase ? property.key.toLowerCase() : property.key;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, property.key);
      continue;
    }
    // Exact duplicates under an operator were already reported by the walk.
    if (ignoreCase && earlier === property.key) continue;
    const message =
      earlier === property.key
        ? `"${property.key}" appears twice in this object: merge the two, since only one of them takes effect.`
        : `Condition key "${property.key}" repeats "${earlier}" (keys are case-insensitive): merge their values under one key.`;
    report(keyTarget(property, path.concat(property.key)), message);
  }
}

const SMALL_OBJECT = 16;

function hasRepeatedKey(properties: readonly PropertyNode[]): boolean {
  for (let i = 1; i < properties.length; i++) {
    const key = properties[i]!.key;
    for (let j = 0; j < i; j++) if (properties[j]!.key === key) return true;
  }
  return false;
}
