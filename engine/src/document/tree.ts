/**
 * A parser-neutral JSON tree with source spans. jsonc-parser feeds it today; a YAML or HCL reader can
 * produce the same shape later, and everything above this file keeps working unchanged.
 */

import { UNKNOWN_MARK, type Assumption, type UnknownPart, type ValueOrigin } from './unknown';

export interface Span {
  /** Zero-based character offset into the document text. */
  readonly offset: number;
  readonly length: number;
}

/** One step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

interface NodeBase {
  readonly span: Span;
  /** Path from the root of the file. */
  readonly path: readonly PathSegment[];
  /**
   * The template conditions under which this node exists: set by a resolver on each branch of a
   * choice (`!If [IsProd, a, b]`, HCL `cond ? a : b`). Absent for ordinary values. See unknown.ts.
   */
  readonly assumptions?: readonly Assumption[];
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  /**
   * The string. Where `unknowns` is set, each part not known before deployment stands here as one
   * UNKNOWN_MARK character (see unknown.ts), so `arn:aws:s3:::${Bucket}/*` reads `arn:aws:s3:::\uE002/*`.
   */
  readonly value: string;
  /** The parts of the value that are not known before deployment, in the order of their marks. */
  readonly unknowns?: readonly UnknownPart[];
  /** Whether a fix may replace the node's text; absent means 'written'. See unknown.ts. */
  readonly origin?: ValueOrigin;
}
export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
  /** The number as written, so "10.0" and "1e1" can be told apart where it matters. */
  readonly raw: string;
}
export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface NullNode extends NodeBase {
  readonly kind: 'null';
}
export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
}
export interface PropertyNode {
  readonly key: string;
  readonly keySpan: Span;
  /** Span of the whole `"key": value` pair. */
  readonly span: Span;
  /** Undefined while the user is still typing (`"Effect":` with nothing after it). */
  readonly value: ValueNode | undefined;
}
export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly properties: readonly PropertyNode[];
}

export type ScalarNode = StringNode | NumberNode | BooleanNode | NullNode;
export type ValueNode = ScalarNode | ArrayNode | ObjectNode;

/** The first property with this key; keys compare exactly, as IAM element names are case-sensitive. */
export function getProperty(node: ObjectNode, key: string): PropertyNode | undefined {
  return node.properties.find((property) => property.key === key);
}

export function getValue(node: ValueNode | undefined, key: string): ValueNode | undefined {
  return node?.kind === 'object' ? getProperty(node, key)?.value : undefined;
}

/** Formats a path the way people read it: `Statement[0].Action[1]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    // A key computed by a template (Terraform's "${...}:sub") shows its unknown part as "…".
    else text += `[${JSON.stringify(segment.replaceAll(UNKNOWN_MARK, '…'))}]`;
  }
  return text;
}

/** The path of `path` relative to `base`, when `base` is a prefix of it. */
export function relativePath(path: readonly PathSegment[], base: readonly PathSegment[]): PathSegment[] {
  return path.slice(base.length);
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}

export function containsOffset(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** The tree as plain JSON values (an unfinished `"key":` as undefined). */
export function plainValue(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.properties.map((property) => [property.key, property.value ? plainValue(property.value) : undefined]));
    case 'array':
      return node.items.map(plainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
