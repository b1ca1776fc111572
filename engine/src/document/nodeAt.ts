import type { Policy } from './model';
import type { PolicyFile } from './policyFile';
import type { PathSegment, PropertyNode, ValueNode } from './tree';

/** What sits under the cursor: the innermost value, or the key of a property. */
export interface CursorLocation {
  readonly policy: Policy;
  /** Path relative to the policy, e.g. ["Statement", 0, "Action", 1]. */
  readonly path: readonly PathSegment[];
  readonly node?: ValueNode;
  /** Set when the cursor is on a property key rather than on a value. */
  readonly property?: PropertyNode;
  readonly onKey: boolean;
}

/** Finds the policy and the node at an offset; undefined outside every policy. */
export function locateCursor(file: PolicyFile, offset: number): CursorLocation | undefined {
  const policy = [...file.policies].reverse().find((candidate) => within(candidate.node.span, offset));
  if (!policy) return undefined;
  let node: ValueNode = policy.node;
  let property: PropertyNode | undefined;
  let onKey = false;
  // Walk down without recursion: hostile input can be deep.
  for (;;) {
    if (node.kind === 'array') {
      const item = node.items.find((candidate) => within(candidate.span, offset));
      if (!item) break;
      node = item;
      property = undefined;
      continue;
    }
    if (node.kind === 'object') {
      const entry = node.properties.find((candidate) => within(candidate.span, offset) || within(candidate.keySpan, offset));
      if (!entry) break;
      if (within(entry.keySpan, offset)) {
        property = entry;
        onKey = true;
        break;
      }
      if (!entry.value || !within(entry.value.span, offset)) {
        property = entry;
        break;
      }
      property = entry;
      node = entry.value;
      continue;
    }
    break;
  }
  const absolute = onKey && property ? [...node.path, property.key] : node.path;
  return { policy, path: absolute.slice(policy.path.length), node, property, onKey };
}

// Inclusive of the end so that a cursor just after the last character still counts as inside.
function within(span: { offset: number; length: number }, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** The element name a path points into, skipping the statement index: ["Statement", 0, "Action", 1] → "Action". */
export function statementElementOf(path: readonly PathSegment[]): { statementIndex: number; element?: string; rest: readonly PathSegment[] } | undefined {
  if (path[0] !== 'Statement') return undefined;
  const hasIndex = typeof path[1] === 'number';
  const statementIndex = hasIndex ? (path[1] as number) : 0;
  const elementAt = hasIndex ? 2 : 1;
  const element = path[elementAt];
  return { statementIndex, element: typeof element === 'string' ? element : undefined, rest: path.slice(elementAt + 1) };
}

/** The innermost value node at an offset anywhere in a tree (outside policies too); undefined between values. */
export function valueNodeAt(root: ValueNode | undefined, offset: number): ValueNode | undefined {
  let node = root;
  if (!node || !within(node.span, offset)) return undefined;
  for (;;) {
    let next: ValueNode | undefined;
    if (node.kind === 'array') next = node.items.find((item) => within(item.span, offset));
    else if (node.kind === 'object') next = node.properties.find((entry) => entry.value && within(entry.value.span, offset))?.value;
    if (!next) return node;
    node = next;
  }
}
