import { MemoSlot, memoized } from '../document/memo';
import type { Policy, Statement } from '../document/model';
import type { PropertyNode, StringNode, ValueNode } from '../document/tree';
import type { ReportTarget } from './types';

/** The key of a property: where a finding about a missing or misplaced element belongs. */
export function keyTarget(property: PropertyNode, path: ReportTarget['path']): ReportTarget {
  return { span: property.keySpan, path };
}

export function valueTarget(node: ValueNode): ReportTarget {
  return { span: node.span, path: node.path };
}

/** Where to report something missing from an object: its first line (the opening brace), not all of it. */
export function openingTarget(node: ValueNode): ReportTarget {
  return { span: { offset: node.span.offset, length: 1 }, path: node.path };
}

/** `{"Ref": ...}` or `{"Fn::Sub": ...}`: a CloudFormation value that stands for a string we cannot see. */
export function isIntrinsic(node: ValueNode | undefined): boolean {
  if (node?.kind !== 'object' || node.properties.length !== 1) return false;
  const key = node.properties[0]!.key;
  return key === 'Ref' || key.startsWith('Fn::');
}

export function acceptsStringList(node: ValueNode | undefined, policy: Policy): boolean {
  if (!node) return false;
  if (node.kind === 'string') return true;
  if (policy.allowsIntrinsics && isIntrinsic(node)) return true;
  return node.kind === 'array' && node.items.every((item) => item.kind === 'string' || (policy.allowsIntrinsics && isIntrinsic(item)));
}

/**
 * Part of a string value, from `start` to `end` in its decoded text. When escapes make the source
 * differ from the decoded text the offsets no longer line up, and the whole string is the target.
 */
export function substringTarget(text: string, node: StringNode, start: number, end: number): ReportTarget {
  if (!writtenAsIs(text, node)) return valueTarget(node);
  return { span: { offset: node.span.offset + 1 + start, length: Math.max(end - start, 1) }, path: node.path };
}

// Whether a string's source is its decoded text. A long one is compared once: a megabyte string with
// a finding at each of its variables would otherwise be compared in full for every one of them.
const SOURCE_IS_VALUE = new MemoSlot<boolean>('source is value');
const COMPARED_EACH_TIME = 1024;

function writtenAsIs(text: string, node: StringNode): boolean {
  const compare = () => text.slice(node.span.offset + 1, node.span.offset + node.span.length - 1) === node.value;
  return node.value.length <= COMPARED_EACH_TIME ? compare() : memoized(node, SOURCE_IS_VALUE, compare);
}

/** A statement's element key (`"NotAction"`), the narrowest place for a finding about the element itself. */
export function elementKeyTarget(statement: Statement, property: PropertyNode): ReportTarget {
  return { span: property.keySpan, path: statement.path.concat(property.key) };
}
