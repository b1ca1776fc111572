import type { PathSegment, StringNode, ValueNode } from '../document/tree';

/**
 * A copy of `node` in which `replace` may put a resolved node in place of each string; objects and
 * arrays are copied only where something below them changed, so an unresolved subtree stays the
 * same object (and keeps what is memoised on it). Spans and paths are those of the source text.
 */
export function mapStrings(node: ValueNode, replace: (node: StringNode) => StringNode): ValueNode {
  switch (node.kind) {
    case 'string':
      return replace(node);
    case 'array': {
      const items = node.items.map((item) => mapStrings(item, replace));
      return items.every((item, index) => item === node.items[index]) ? node : { ...node, items };
    }
    case 'object': {
      const properties = node.properties.map((property) => {
        const value = property.value && mapStrings(property.value, replace);
        return value === property.value ? property : { ...property, value };
      });
      return properties.every((property, index) => property === node.properties[index]) ? node : { ...node, properties };
    }
    default:
      return node;
  }
}

/**
 * A copy of `node` whose paths start at `path` (spans unchanged). A statement list that stands for
 * the document a tool generates around it (Serverless `iamRoleStatements`) is read at
 * `[...list, "Statement"]`, so its statements have the paths they have in that document.
 */
export function withPaths(node: ValueNode, path: readonly PathSegment[]): ValueNode {
  switch (node.kind) {
    case 'array':
      return { ...node, path, items: node.items.map((item, index) => withPaths(item, [...path, index])) };
    case 'object':
      return {
        ...node,
        path,
        properties: node.properties.map((property) => ({ ...property, value: property.value && withPaths(property.value, [...path, property.key]) })),
      };
    default:
      return { ...node, path };
  }
}
