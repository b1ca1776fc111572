import type { ArrayNode, ObjectNode, Span } from '../../document/tree';
import type { FixHint } from '../types';

/**
 * The text to delete to remove one array entry with its separating comma and whitespace, so
 * that `["a", "b", "c"]` loses "b" cleanly. Undefined for the only entry (an empty array is a
 * finding of its own, not a fix).
 */
export function arrayItemRemovalSpan(array: ArrayNode, index: number): Span | undefined {
  const items = array.items;
  if (items.length < 2 || index < 0 || index >= items.length) return undefined;
  const item = items[index]!;
  if (index > 0) {
    const previousEnd = items[index - 1]!.span.offset + items[index - 1]!.span.length;
    return { offset: previousEnd, length: item.span.offset + item.span.length - previousEnd };
  }
  const next = items[1]!;
  return { offset: item.span.offset, length: next.span.offset - item.span.offset };
}

export function removeArrayItemFix(title: string, array: ArrayNode, index: number): FixHint | undefined {
  const span = arrayItemRemovalSpan(array, index);
  return span && { title, replacement: '', span };
}

/** The indentation of the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/**
 * Adds `"key": value` as the last property of an object, indented like its siblings. `valueText`
 * is written on one line; the caller chooses its shape.
 */
export function insertPropertyFix(title: string, text: string, object: ObjectNode, key: string, valueText: string): FixHint {
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    const indent = indentationAt(text, object.span.offset) + '  ';
    return { title, replacement: `\n${indent}${JSON.stringify(key)}: ${valueText}\n`, span: { offset: object.span.offset + 1, length: 0 } };
  }
  const end = last.span.offset + last.span.length;
  const indent = indentationAt(text, last.span.offset);
  const sameLine = !text.slice(object.span.offset, last.span.offset).includes('\n');
  const separator = sameLine ? ', ' : `,\n${indent}`;
  return { title, replacement: `${separator}${JSON.stringify(key)}: ${valueText}`, span: { offset: end, length: 0 } };
}
