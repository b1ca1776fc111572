import type { Statement } from '../../document/model';
import type { StringNode } from '../../document/tree';
import type { FixHint } from '../types';
import { arrayItemRemovalSpan, indentationAt } from './fixes';

/**
 * The two ways out of a resource mismatch (IAM109): give the statement the ARN the action needs, or
 * move the action into a statement of its own with that ARN (the other actions keep their resources).
 * Both insert JSON structure, so YAML drops them and keeps the message.
 */
export function resourceMismatchFixes(text: string, statement: Statement, entry: StringNode, arn: string): FixHint[] {
  const fixes: FixHint[] = [];
  const resourceValue = statement.resource?.property.value;
  const quoted = JSON.stringify(arn);
  if (resourceValue?.kind === 'array' && resourceValue.items.length > 0) {
    const last = resourceValue.items[resourceValue.items.length - 1]!;
    fixes.push({ title: `Add ${arn} to Resource`, replacement: `, ${quoted}`, span: { offset: last.span.offset + last.span.length, length: 0 } });
  } else if (resourceValue?.kind === 'string') {
    const written = text.slice(resourceValue.span.offset, resourceValue.span.offset + resourceValue.span.length);
    fixes.push({ title: `Add ${arn} to Resource`, replacement: `[${written}, ${quoted}]`, span: resourceValue.span });
  }
  const moved = moveToOwnStatement(text, statement, entry, quoted);
  if (moved) fixes.push({ ...moved, title: `Move ${entry.value} to a statement of its own with ${arn}` });
  return fixes;
}

/** One edit over the whole statement: this one without the action, then a new one after it. */
function moveToOwnStatement(text: string, statement: Statement, entry: StringNode, quotedArn: string): Omit<FixHint, 'title'> | undefined {
  const actions = statement.action?.property.value;
  const node = statement.node;
  if (actions?.kind !== 'array' || node.kind !== 'object') return undefined;
  const removal = arrayItemRemovalSpan(actions, actions.items.indexOf(entry));
  if (!removal) return undefined;
  const start = node.span.offset;
  const end = start + node.span.length;
  const kept = text.slice(start, removal.offset) + text.slice(removal.offset + removal.length, end);
  // Effect, Principal and Condition go along: the new statement grants under the same terms.
  const copied = node.properties
    .filter((property) => property.value && (property.key === 'Effect' || property.key === 'Principal' || property.key === 'NotPrincipal' || property.key === 'Condition'))
    .map((property) => `${JSON.stringify(property.key)}: ${text.slice(property.value!.span.offset, property.value!.span.offset + property.value!.span.length)}`);
  const fresh = `{ ${[...copied, `"Action": ${JSON.stringify(entry.value)}`, `"Resource": ${quotedArn}`].join(', ')} }`;
  return { replacement: `${kept},\n${indentationAt(text, start)}${fresh}`, span: { offset: start, length: end - start } };
}
