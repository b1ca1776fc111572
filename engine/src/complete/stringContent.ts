import type { Span, StringNode } from '../document/tree';

/**
 * The inside of a string literal, quotes excluded, and what has been typed before the cursor.
 * Copes with a string whose closing quote is not typed yet.
 */
export function stringContent(node: StringNode, text: string, offset: number): { span: Span; typed: string } {
  const start = node.span.offset + 1;
  const raw = text.slice(node.span.offset, node.span.offset + node.span.length);
  const closed = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"');
  const end = node.span.offset + node.span.length - (closed ? 1 : 0);
  const cursor = Math.min(Math.max(offset, start), end);
  return { span: { offset: start, length: end - start }, typed: text.slice(start, cursor) };
}
