import { parseJson } from '../document/parseJson';
import type { ObjectNode, PropertyNode, Span, StringNode, ValueNode } from '../document/tree';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclObjectItem, HclStep, HclTemplatePart } from './ast';
import type { ParsedHcl } from './parseHcl';
import { parseHclTemplate } from './parseHcl';

/**
 * Terraform's JSON syntax (`*.tf.json`) read into the same blocks and expressions as HCL, so that
 * every Terraform feature works on it unchanged. The JSON form does not say which keys are nested
 * blocks: Terraform knows from the provider's schema, and here the few block types a policy is
 * built from are named (everything else is an argument). Strings are templates, as Terraform reads
 * them: `"${data.aws_iam_policy_document.x.json}"` is a reference.
 */

/** Top-level block types and how many labels each takes (`resource` → type and name). */
const TOP_LEVEL_LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1 };

/** Nested blocks the policy readers look at; `dynamic` takes one label (the block type it makes). */
const NESTED_BLOCKS = new Set(['statement', 'principals', 'not_principals', 'condition', 'inline_policy', 'dynamic', 'content']);

// A hostile file can nest objects thousands deep; no Terraform configuration does.
const MAX_DEPTH = 200;

export function isTerraformJsonFile(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.(tf|tofu)\.json$/i.test(fileName);
}

export function readTerraformJson(text: string): ParsedHcl {
  const { root, syntaxProblems } = parseJson(text);
  if (root?.kind !== 'object') return { body: root ? { attributes: [], blocks: [] } : undefined, syntaxProblems };
  const blocks: HclBlock[] = [];
  for (const property of root.properties) {
    const labels = TOP_LEVEL_LABELS[property.key];
    if (property.key === 'locals') {
      for (const body of objectsOf(property.value)) blocks.push(block('locals', property, [], [], attributesOnly(body, text)));
    } else if (labels !== undefined) {
      // A loop, not push(...): a generated file may hold more resources than a call takes arguments.
      for (const body of objectsOf(property.value)) for (const found of labelled(property, body, labels, [], [], text)) blocks.push(found);
    }
  }
  return { body: { attributes: [], blocks }, syntaxProblems };
}

/** `{"aws_iam_role": {"app": {...}}}` under `resource`: one block per innermost object. */
function labelled(type: PropertyNode, node: ObjectNode, remaining: number, labels: string[], labelSpans: Span[], text: string): HclBlock[] {
  if (remaining === 0) return [{ ...block(type.key, type, labels, labelSpans, readBody(node, text, 1)), span: node.span }];
  return node.properties.flatMap((property) =>
    objectsOf(property.value).flatMap((inner) => labelled(type, inner, remaining - 1, [...labels, property.key], [...labelSpans, property.keySpan], text)),
  );
}

function block(type: string, property: PropertyNode, labels: string[], labelSpans: Span[], body: HclBody): HclBlock {
  return { type, typeSpan: property.keySpan, labels, labelSpans, span: property.span, body };
}

function readBody(node: ObjectNode, text: string, depth: number): HclBody {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  if (depth > MAX_DEPTH) return { attributes, blocks };
  for (const property of node.properties) {
    if (property.key === '//' || !property.value) continue;
    if (!NESTED_BLOCKS.has(property.key)) {
      attributes.push(attribute(property, text, depth));
    } else if (property.key === 'dynamic') {
      // `"dynamic": {"statement": {"for_each": ..., "content": {...}}}`
      for (const labels of objectsOf(property.value)) {
        for (const inner of labels.properties) for (const body of objectsOf(inner.value)) blocks.push({ ...block('dynamic', property, [inner.key], [inner.keySpan], readBody(body, text, depth + 1)), span: body.span });
      }
    } else {
      for (const body of objectsOf(property.value)) blocks.push({ ...block(property.key, property, [], [], readBody(body, text, depth + 1)), span: body.span });
    }
  }
  return { attributes, blocks };
}

function attributesOnly(node: ObjectNode, text: string): HclBody {
  return { attributes: node.properties.filter((property) => property.value && property.key !== '//').map((property) => attribute(property, text, 1)), blocks: [] };
}

function attribute(property: PropertyNode, text: string, depth: number): HclAttribute {
  return { name: property.key, nameSpan: property.keySpan, span: property.span, value: expression(property.value!, text, depth + 1) };
}

/** A block may be written once (an object) or repeated (an array of objects). */
function objectsOf(node: ValueNode | undefined): ObjectNode[] {
  if (node?.kind === 'object') return [node];
  if (node?.kind === 'array') return node.items.filter((item): item is ObjectNode => item.kind === 'object');
  return [];
}

function expression(node: ValueNode, text: string, depth: number): HclExpression {
  const span = node.span;
  if (depth > MAX_DEPTH) return { kind: 'other', what: 'a deeply nested expression', text: text.slice(span.offset, span.offset + span.length), span };
  switch (node.kind) {
    case 'string':
      return template(node, text);
    case 'number':
      return { kind: 'number', value: node.value, raw: node.raw, span };
    case 'boolean':
      return { kind: 'boolean', value: node.value, span };
    case 'null':
      return { kind: 'null', span };
    case 'array':
      return { kind: 'tuple', items: node.items.map((item) => expression(item, text, depth + 1)), span };
    case 'object':
      return {
        kind: 'object',
        items: node.properties
          .filter((property) => property.value)
          .map((property): HclObjectItem => {
            const keySpan = property.keySpan;
            const key: HclExpression = { kind: 'template', parts: [{ kind: 'text', value: property.key, span: inner(keySpan), escaped: false }], quoted: true, span: keySpan, contentSpan: inner(keySpan) };
            return { key: property.key, keySpan, keyExpression: key, value: expression(property.value!, text, depth + 1), span: property.span };
          }),
        span,
      };
  }
}

/**
 * A string is a template: plain text as it is (no parse), text with `${` or `%{` read by the HCL
 * parser where it reads the same as HCL; one with backslash escapes around an interpolation is left
 * as an expression known only when Terraform runs (never guessed at).
 */
function template(node: StringNode, text: string): HclExpression {
  const raw = text.slice(node.span.offset, node.span.offset + node.span.length);
  const contentSpan = inner(node.span);
  if (!/[$%]\{/.test(node.value)) {
    return { kind: 'template', parts: [{ kind: 'text', value: node.value, span: contentSpan, escaped: raw.slice(1, -1) !== node.value }], quoted: true, span: node.span, contentSpan };
  }
  const parsed = simpleTemplate(raw, node.span.offset) ?? parseHclTemplate(raw, node.span.offset);
  if (!parsed) return { kind: 'other', what: 'a string template with escapes', text: raw, span: node.span };
  // Terraform: a template that is one interpolation and nothing else is that value, not a string of it
  // (`"${local.actions}"` is the list, `"${data.aws_iam_policy_document.x.json}"` the reference).
  const only = parsed.kind === 'template' && parsed.parts.length === 1 ? parsed.parts[0] : undefined;
  return only?.kind === 'interpolation' ? only.expression : parsed;
}

function inner(span: Span): Span {
  return { offset: span.offset + 1, length: Math.max(span.length - 2, 0) };
}

// `${var.bucket}`, `${aws_s3_bucket.b.arn}`, `${local.arns[0]}`: what nearly every interpolation in a
// `.tf.json` is. Read here without a parse (thousands of them would each cost one); anything else
// (functions, operators, escapes, `$${`, directives) goes to the HCL parser.
const TRAVERSAL = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)$/;
const INTERPOLATION = /\$\{([^{}"\\]*)\}/g;

function simpleTemplate(raw: string, offset: number): HclExpression | undefined {
  if (raw.includes('\\') || raw.includes('$${') || raw.includes('%{')) return undefined;
  const content = raw.slice(1, -1);
  const start = offset + 1;
  const parts: HclTemplatePart[] = [];
  let at = 0;
  for (const match of content.matchAll(INTERPOLATION)) {
    const inner = match[1]!.trim();
    const found = TRAVERSAL.exec(inner);
    if (!found) return undefined;
    const index = match.index!;
    if (index > at) parts.push({ kind: 'text', value: content.slice(at, index), span: { offset: start + at, length: index - at }, escaped: false });
    const steps: HclStep[] = [...found[2]!.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((step) => (step[1] !== undefined ? step[1] : Number(step[2])));
    const innerOffset = start + index + 2 + match[1]!.indexOf(inner);
    const span = { offset: start + index, length: match[0].length };
    parts.push({ kind: 'interpolation', expression: { kind: 'reference', root: found[1]!, steps, text: inner, span: { offset: innerOffset, length: inner.length } }, span });
    at = index + match[0].length;
  }
  if (content.slice(at).includes('${')) return undefined;
  if (at < content.length) parts.push({ kind: 'text', value: content.slice(at), span: { offset: start + at, length: content.length - at }, escaped: false });
  return { kind: 'template', parts, quoted: true, span: { offset, length: raw.length }, contentSpan: { offset: start, length: content.length } };
}
