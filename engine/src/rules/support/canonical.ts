import type { ValueNode } from '../../document/tree';

/** A node as text that ignores formatting and key order, for "are these two the same" questions. */
export function canonicalText(node: ValueNode | undefined): string {
  if (!node) return '';
  switch (node.kind) {
    case 'object':
      return `{${[...node.properties]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((property) => `${JSON.stringify(property.key)}:${canonicalText(property.value)}`)
        .join(',')}}`;
    case 'array':
      return `[${node.items.map(canonicalText).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return String(node.value);
    case 'boolean':
      return String(node.value);
    default:
      return 'null';
  }
}
