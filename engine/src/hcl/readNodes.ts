import type * as TreeSitter from 'web-tree-sitter';
import type { Span } from '../document/tree';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclObjectItem, HclStep, HclTemplatePart } from './ast';

/* tree-sitter's syntax nodes read into the HCL model of ast.ts: blocks, attributes and expressions with spans. */

type Node = TreeSitter.Node;

// Expressions nested deeper than this are not followed (no policy is); hostile input can nest
// thousands deep and the conversion recurses.
const MAX_DEPTH = 200;

function spanOf(node: Node): Span {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

export function named(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

function readBody(node: Node, text: string, depth: number): HclBody {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  for (const child of named(node)) {
    if (child.type === 'attribute') {
      const attribute = readAttribute(child, text, depth);
      if (attribute) attributes.push(attribute);
    } else if (child.type === 'block') {
      const block = readBlock(child, text, depth);
      if (block) blocks.push(block);
    }
  }
  return { attributes, blocks };
}

export function readAttribute(node: Node, text: string, depth: number): HclAttribute | undefined {
  const children = named(node);
  const name = children[0];
  const value = children.find((child) => child.type === 'expression');
  if (name?.type !== 'identifier' || !value) return undefined;
  return { name: name.text, nameSpan: spanOf(name), span: spanOf(node), value: readExpression(value, text, depth + 1) };
}

export function readBlock(node: Node, text: string, depth: number): HclBlock | undefined {
  const children = named(node);
  const type = children[0];
  if (type?.type !== 'identifier' || depth > MAX_DEPTH) return undefined;
  const labels: string[] = [];
  const labelSpans: Span[] = [];
  for (const child of children.slice(1)) {
    if (child.type === 'identifier') {
      labels.push(child.text);
      labelSpans.push(spanOf(child));
    } else if (child.type === 'string_lit') {
      labels.push(child.text.replace(/^"|"$/g, ''));
      labelSpans.push(spanOf(child));
    }
  }
  const bodyNode = children.find((child) => child.type === 'body');
  const body = bodyNode ? readBody(bodyNode, text, depth + 1) : { attributes: [], blocks: [] };
  return { type: type.text, typeSpan: spanOf(type), labels, labelSpans, span: spanOf(node), body };
}

export function readExpression(node: Node, text: string, depth: number): HclExpression {
  if (depth > MAX_DEPTH) return { kind: 'other', what: 'a deeply nested expression', text: node.text, span: spanOf(node) };
  return plainQuotedString(node, text) ?? readExpressionNodes(node, text, depth);
}

/**
 * `"s3:GetObject"`: a quoted string with nothing to decode (no escape, no `$` or `%` that could start
 * an interpolation or directive), read from the source text alone. It is what readExpressionNodes
 * gives for it (a quoted template of one text part, or none when empty), without descending through
 * the four syntax nodes tree-sitter has for it: most expressions in policies are such strings, and
 * each node read costs a trip through the WebAssembly boundary and an object on the JS side (half the
 * time of a first read of a large file). Undefined for anything else.
 */
export function plainQuotedString(node: Node, text: string): HclExpression | undefined {
  const start = node.startIndex;
  const end = node.endIndex;
  if (end - start < 2 || text.charCodeAt(start) !== QUOTE || text.charCodeAt(end - 1) !== QUOTE) return undefined;
  for (let at = start + 1; at < end - 1; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE || code === BACKSLASH || code === DOLLAR || code === PERCENT || code === NEWLINE || code === RETURN) return undefined;
  }
  const contentSpan = { offset: start + 1, length: end - start - 2 };
  const parts: HclTemplatePart[] = contentSpan.length > 0 ? [{ kind: 'text', value: text.slice(start + 1, end - 1), span: { ...contentSpan }, escaped: false }] : [];
  return { kind: 'template', parts, quoted: true, span: { offset: start, length: end - start }, contentSpan };
}

const QUOTE = 34;
const BACKSLASH = 92;
const DOLLAR = 36;
const PERCENT = 37;
const NEWLINE = 10;
const RETURN = 13;

/** Any expression, read node by node. */
export function readExpressionNodes(node: Node, text: string, depth: number): HclExpression {
  const span = spanOf(node);
  if (depth > MAX_DEPTH) return { kind: 'other', what: 'a deeply nested expression', text: node.text, span };
  const children = named(node);
  const first = children[0];
  if (!first) return { kind: 'other', what: 'an incomplete expression', text: node.text, span };
  switch (first.type) {
    case 'literal_value':
      return readLiteral(first, text);
    case 'template_expr':
      return readTemplateExpression(first, text, depth);
    case 'collection_value':
      return readCollection(first, text, depth);
    case 'variable_expr':
      return readReference(node, children, text, depth);
    case 'function_call':
      if (children.length === 1) return readCall(first, text, depth);
      break;
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = named(first);
      if (condition && whenTrue && whenFalse) {
        return {
          kind: 'conditional',
          condition: readExpression(condition, text, depth + 1),
          whenTrue: readExpression(whenTrue, text, depth + 1),
          whenFalse: readExpression(whenFalse, text, depth + 1),
          text: node.text,
          span,
        };
      }
      break;
    }
    case 'expression':
      // `(expr)`: the parentheses change nothing here.
      if (children.length === 1) return readExpression(first, text, depth + 1);
      break;
    case 'for_expr':
      return { kind: 'other', what: 'a for expression', text: node.text, span };
  }
  return { kind: 'other', what: 'an expression evaluated when Terraform runs', text: node.text, span };
}

function readLiteral(node: Node, text: string): HclExpression {
  const span = spanOf(node);
  const value = named(node)[0];
  switch (value?.type) {
    case 'numeric_lit':
      return { kind: 'number', value: Number(value.text), raw: value.text, span };
    case 'bool_lit':
      return { kind: 'boolean', value: value.text === 'true', span };
    case 'null_lit':
      return { kind: 'null', span };
    case 'string_lit':
      return readQuoted(value, text, 0);
  }
  return { kind: 'other', what: 'a literal', text: node.text, span };
}

function readTemplateExpression(node: Node, text: string, depth: number): HclExpression {
  const inner = named(node)[0];
  if (inner?.type === 'quoted_template') return readQuoted(inner, text, depth);
  if (inner?.type === 'heredoc_template') return readHeredoc(inner, text, depth);
  return { kind: 'other', what: 'a template', text: node.text, span: spanOf(node) };
}

/** `"text ${expr} more"`: literal parts decoded (`\n`, `\"`, `$${`), interpolations kept as expressions. */
function readQuoted(node: Node, text: string, depth: number): HclExpression {
  const span = spanOf(node);
  const parts: HclTemplatePart[] = [];
  for (const child of named(node)) {
    if (child.type === 'template_literal') {
      const raw = child.text;
      const value = decodeQuoted(raw);
      parts.push({ kind: 'text', value, span: spanOf(child), escaped: value !== raw });
    } else {
      const part = readTemplatePart(child, text, depth);
      if (part) parts.push(part);
    }
  }
  const contentSpan = { offset: span.offset + 1, length: Math.max(span.length - 2, 0) };
  return { kind: 'template', parts, quoted: true, span, contentSpan };
}

function readTemplatePart(node: Node, text: string, depth: number): HclTemplatePart | undefined {
  if (node.type === 'template_interpolation') {
    const expression = named(node).find((child) => child.type === 'expression');
    const span = spanOf(node);
    return {
      kind: 'interpolation',
      expression: expression ? readExpression(expression, text, depth + 1) : { kind: 'other', what: 'an empty interpolation', text: node.text, span },
      span,
    };
  }
  if (node.type === 'template_directive') return { kind: 'directive', span: spanOf(node) };
  return undefined;
}

/**
 * `<<EOT` / `<<-EOT`: the lines between the opener and the closing marker, as written (a heredoc has
 * no escapes but `$${` and `%%{`); `<<-` removes the indentation common to all lines. Each run of
 * literal text keeps its own span, so a policy written in the heredoc maps back character by character.
 */
function readHeredoc(node: Node, text: string, depth: number): HclExpression {
  const span = spanOf(node);
  const children = named(node);
  const markers = children.filter((child) => child.type === 'heredoc_identifier');
  const flush = children.some((child) => child.type === 'heredoc_start' && child.text.startsWith('<<-'));
  const opener = markers[0];
  const closer = markers.length > 1 ? markers[markers.length - 1] : undefined;
  if (!opener || !closer) return { kind: 'other', what: 'an unfinished heredoc', text: node.text, span };
  const lineEnd = text.indexOf('\n', opener.endIndex);
  const start = lineEnd < 0 ? opener.endIndex : lineEnd + 1;
  const end = Math.max(start, text.lastIndexOf('\n', closer.startIndex - 1) + 1);
  const holes = children
    .filter((child) => child.type === 'template_interpolation' || child.type === 'template_directive')
    .map((child) => ({ node: child, start: child.startIndex, end: child.endIndex }));
  const indent = flush ? commonIndent(text, start, end) : 0;
  const parts: HclTemplatePart[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineStop = newline < 0 || newline >= end ? end : newline + 1;
    let cursor = Math.min(lineStart + indentWidth(text, lineStart, lineStop, indent), lineStop);
    for (const hole of holes) {
      if (hole.end <= cursor || hole.start >= lineStop) continue;
      if (hole.start > cursor) parts.push(heredocText(text, cursor, hole.start));
      if (hole.start >= cursor) {
        const part = readTemplatePart(hole.node, text, depth);
        if (part) parts.push(part);
      }
      cursor = Math.max(cursor, hole.end);
    }
    if (cursor < lineStop) parts.push(heredocText(text, cursor, lineStop));
    lineStart = lineStop;
  }
  return { kind: 'template', parts, quoted: false, span, contentSpan: { offset: start, length: end - start } };
}

function heredocText(text: string, start: number, end: number): HclTemplatePart {
  const raw = text.slice(start, end);
  const value = raw.replace(/([$%])\1\{/g, '$1{');
  return { kind: 'text', value, span: { offset: start, length: end - start }, escaped: value !== raw };
}

function commonIndent(text: string, start: number, end: number): number {
  let smallest = Infinity;
  for (const line of text.slice(start, end).split('\n')) {
    if (line.trim() === '') continue;
    smallest = Math.min(smallest, line.length - line.trimStart().length);
  }
  return smallest === Infinity ? 0 : smallest;
}

function indentWidth(text: string, start: number, stop: number, indent: number): number {
  let width = 0;
  while (width < indent && start + width < stop && (text[start + width] === ' ' || text[start + width] === '\t')) width++;
  return width;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|([$%])\2\{/g, (match, escape: string | undefined, doubled: string | undefined) => {
    if (doubled) return `${doubled}{`;
    if (!escape) return match;
    if (escape.length > 1) {
      const code = parseInt(escape.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ESCAPES[escape] ?? match;
  });
}

function readCollection(node: Node, text: string, depth: number): HclExpression {
  const inner = named(node)[0];
  const span = spanOf(node);
  if (inner?.type === 'tuple') {
    const items = named(inner)
      .filter((child) => child.type === 'expression')
      .map((child) => readExpression(child, text, depth + 1));
    return { kind: 'tuple', items, span };
  }
  if (inner?.type === 'object') {
    const items: HclObjectItem[] = [];
    for (const element of named(inner)) {
      if (element.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode || !valueNode) continue;
      const keyExpression = readExpression(keyNode, text, depth + 1);
      items.push({ key: objectKey(keyExpression), keySpan: spanOf(keyNode), keyExpression, value: readExpression(valueNode, text, depth + 1), span: spanOf(element) });
    }
    return { kind: 'object', items, span };
  }
  return { kind: 'other', what: 'a collection', text: node.text, span };
}

/** `Effect = ...` and `"Effect" = ...` both name the key Effect; `(var.k) = ...` is computed. */
function objectKey(expression: HclExpression): string | undefined {
  if (expression.kind === 'reference' && expression.steps.length === 0) return expression.root;
  if (expression.kind === 'template' && expression.parts.every((part) => part.kind === 'text')) {
    return expression.parts.map((part) => (part.kind === 'text' ? part.value : '')).join('');
  }
  return undefined;
}

function readReference(node: Node, children: readonly Node[], text: string, depth: number): HclExpression {
  const span = spanOf(node);
  const root = children[0]!.text;
  const steps: HclStep[] = [];
  for (const child of children.slice(1)) {
    if (child.type === 'get_attr') {
      const name = named(child).find((part) => part.type === 'identifier');
      if (!name) return { kind: 'other', what: 'an incomplete reference', text: node.text, span };
      steps.push(name.text);
    } else if (child.type === 'index') {
      const index = named(child)[0];
      const expression = index ? named(index).find((part) => part.type === 'expression') : undefined;
      if (index?.type === 'legacy_index') {
        steps.push(Number(index.text.slice(1)));
        continue;
      }
      if (!expression) return { kind: 'other', what: 'an incomplete reference', text: node.text, span };
      const key = readExpression(expression, text, depth + 1);
      if (key.kind === 'number') steps.push(key.value);
      else if (key.kind === 'template' && key.parts.every((part) => part.kind === 'text')) steps.push(key.parts.map((part) => (part.kind === 'text' ? part.value : '')).join(''));
      else steps.push({ index: key });
    } else if (child.type === 'splat') {
      // `[*].json` / `.*.json`: the attributes taken from every item (a counted resource's `[*].arn`).
      const then: string[] = [];
      for (const form of named(child)) {
        for (const step of named(form)) {
          const name = step.type === 'get_attr' ? named(step).find((part) => part.type === 'identifier') : undefined;
          if (name) then.push(name.text);
        }
      }
      steps.push({ splat: true, then });
      break;
    } else {
      return { kind: 'other', what: 'an expression evaluated when Terraform runs', text: node.text, span };
    }
  }
  return { kind: 'reference', root, steps, text: node.text, span };
}

function readCall(node: Node, text: string, depth: number): HclExpression {
  const children = named(node);
  const name = children[0]?.text ?? '';
  const argumentsNode = children.find((child) => child.type === 'function_arguments');
  const args = argumentsNode
    ? named(argumentsNode)
        .filter((child) => child.type === 'expression')
        .map((child) => readExpression(child, text, depth + 1))
    : [];
  return { kind: 'call', name, args, text: node.text, span: spanOf(node) };
}
