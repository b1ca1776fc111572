import { MemoSlot, memoized } from '../../document/memo';
import type { Policy } from '../../document/model';
import { spanEnd, type Span, type ValueNode } from '../../document/tree';
import { hasUnknown, isWritten, UNKNOWN_MARK } from '../../document/unknown';
import type { FixHint } from '../types';

/** Where a policy's values are not plain written text: unknown parts, or text derived from elsewhere. */
export interface TemplateValueSpans {
  /**
   * The resolved values that are not the text at their span, as a string: two lints of the same
   * policy text reuse findings only when these agree (a parameter default elsewhere may change them).
   */
  readonly resolvedKey: string;
  /** Spans of strings with unknown parts: no finding lies inside one (an unknown is never a defect). */
  readonly unknown: readonly Span[];
  /** Spans of values that are not the text at their span (derived, defaulted): no fix edits inside one. */
  readonly notWritten: readonly Span[];
}

const NONE: TemplateValueSpans = { unknown: [], notWritten: [], resolvedKey: '' };
const SPANS = new MemoSlot<TemplateValueSpans>('template-value-spans');

export function templateValueSpans(policy: Policy): TemplateValueSpans {
  return memoized(policy, SPANS, () => {
    const found = { unknown: [] as Span[], notWritten: [] as Span[], resolved: [] as unknown[] };
    collect(policy.node, found);
    if (found.unknown.length === 0 && found.notWritten.length === 0 && found.resolved.length === 0) return NONE;
    return { unknown: found.unknown, notWritten: found.notWritten, resolvedKey: JSON.stringify(found.resolved) };
  });
}

function collect(node: ValueNode | undefined, found: { unknown: Span[]; notWritten: Span[]; resolved: unknown[] }): void {
  if (!node) return;
  if (node.assumptions) found.resolved.push([node.path, node.assumptions]);
  if (node.kind === 'array') for (const item of node.items) collect(item, found);
  else if (node.kind === 'object') {
    for (const property of node.properties) {
      // A key with unknown parts (a Terraform template's "${oidc_host}:sub"): a finding on it is about an unknown.
      if (property.key.includes(UNKNOWN_MARK)) found.unknown.push(property.keySpan);
      collect(property.value, found);
    }
  }
  else if (node.kind === 'string') {
    if (hasUnknown(node)) found.unknown.push(node.span);
    if (!isWritten(node)) found.notWritten.push(node.span);
    if (hasUnknown(node) || !isWritten(node)) found.resolved.push([node.path, node.value, node.unknowns?.map((part) => [part.source, part.reason])]);
  }
}

function within(inner: Span, outer: Span): boolean {
  return inner.offset >= outer.offset && spanEnd(inner) <= spanEnd(outer);
}

/** True when a finding at `span` would be about a value with unknown parts. */
export function isAboutUnknown(spans: TemplateValueSpans, span: Span): boolean {
  return spans.unknown.length > 0 && spans.unknown.some((outer) => within(span, outer));
}

/** The fixes that edit written text only; undefined when none is left. */
export function fixesOnWrittenText(spans: TemplateValueSpans, findingSpan: Span, fixes: readonly FixHint[] | undefined): readonly FixHint[] | undefined {
  if (!fixes || spans.notWritten.length === 0) return fixes;
  const kept = fixes.filter((fix) => !spans.notWritten.some((outer) => within(fix.span ?? findingSpan, outer)));
  return kept.length > 0 ? kept : undefined;
}
