import type { Span, StringNode } from '../document/tree';
import { hasUnknown, isWritten, renderValue, templateParts } from '../document/unknown';
import { escapeMarkdown, inlineCode } from '../roles/markdown';

const UNKNOWN_VALUES_DOCS = 'docs/unknown-values.md';

/**
 * Hover for a template reference (`${self:custom.bucket}`, `${BucketName}`, `${var.bucket}`) inside a
 * string a resolver built (document/unknown.ts): what the string becomes, and which parts are only
 * known at deployment and why. A `${...}` that is still in the resolved value is an IAM policy
 * variable and is left to variableHover.
 */
export function templateValueHover(node: StringNode, text: string, offset: number): { markdown: string; span: Span } | undefined {
  if (isWritten(node) && !hasUnknown(node)) return undefined;
  const raw = text.slice(node.span.offset, node.span.offset + node.span.length);
  const pattern = /\$\{[^}]*\}?/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = node.span.offset + match.index;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    if (node.value.includes(match[0])) return undefined;
    return { markdown: describe(node, match[0]), span: { offset: start, length: match[0].length } };
  }
  return undefined;
}

function describe(node: StringNode, reference: string): string {
  const lines = [`**Template value** ${inlineCode(reference)}`, '', `The string becomes ${inlineCode(renderValue(node))}.`];
  const unknowns = templateParts(node).filter((part) => typeof part !== 'string');
  if (unknowns.length > 0) {
    lines.push('', 'Known only at deployment, so checks and simulations take these parts as any value:');
    for (const part of unknowns) lines.push(`- ${inlineCode(part.source)}: ${escapeMarkdown(part.reason)}`);
  }
  lines.push('', `Values not known before deployment never cause a finding (${UNKNOWN_VALUES_DOCS}).`);
  return lines.join('\n');
}
