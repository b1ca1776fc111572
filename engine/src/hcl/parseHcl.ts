import type * as TreeSitter from 'web-tree-sitter';
import type { SyntaxProblem } from '../document/parseJson';
import type { Span } from '../document/tree';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclObjectItem, HclStep, HclTemplatePart } from './ast';
import { hclParser } from './runtime';

type Node = TreeSitter.Node;

export interface ParsedHcl {
  /** Undefined when the parser is not loaded yet, or the text could not be read at all. */
  readonly body: HclBody | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

// Expressions nested deeper than this are not followed (no policy is); hostile input can nest
// thousands deep and the conversion recurses.
const MAX_DEPTH = 200;
const MAX_PROBLEMS = 20;

/** Reads HCL text into blocks, attributes and expressions with spans. Never throws on any text. */
export function parseHcl(text: string, options: { budgetMs?: number } = {}): ParsedHcl {
  const parser = hclParser();
  if (!parser) return { body: undefined, syntaxProblems: [] };
  if (looksBinary(text)) return { body: undefined, syntaxProblems: [{ message: 'The file is not text, so it is not read as HCL.', offset: 0, length: 0 }] };
  const tree = parseIncrementally(parser, text, options.budgetMs);
  if (!tree) return { body: undefined, syntaxProblems: [{ message: 'The file could not be read as HCL in reasonable time.', offset: 0, length: 0 }] };
  const root = tree.rootNode;
  const bodyNode = root.namedChildren.find((child) => child?.type === 'body');
  const body = bodyNode ? readTopLevel(bodyNode, text) : { attributes: [], blocks: [] };
  return { body, syntaxProblems: root.hasError ? syntaxProblems(root) : [] };
}

/**
 * A quoted string written in Terraform's JSON syntax, read as the HCL template it stands for
 * (`"arn:aws:s3:::${var.bucket}/*"`), with spans at `offset` in the file. Only for text HCL reads
 * the same way (no backslash escapes); undefined otherwise. Uses its own parse, so the incremental
 * state of parseHcl is untouched.
 */
export function parseHclTemplate(quoted: string, offset: number): HclExpression | undefined {
  const parser = hclParser();
  if (!parser || quoted.includes('\\') || quoted.length > 65_536) return undefined;
  const prefix = 'x = ';
  const text = prefix + quoted;
  const deadline = Date.now() + PARSE_BUDGET_MS;
  const tree = parser.parse(text, undefined, { progressCallback: () => Date.now() > deadline } as TreeSitter.ParseOptions);
  if (!tree) {
    parser.reset();
    return undefined;
  }
  try {
    if (tree.rootNode.hasError) return undefined;
    const attribute = tree.rootNode.descendantsOfType('attribute')[0];
    const value = attribute && named(attribute).find((child) => child.type === 'expression');
    return value ? (shifted(readExpression(value, text, 0), offset - prefix.length) as HclExpression) : undefined;
  } finally {
    tree.delete();
  }
}

// Top-level blocks read in the previous parse, by their text. An edit touches one block; the others
// are taken from here (their spans moved by how far the block moved) instead of being read again
// node by node through the WebAssembly boundary, which is most of the cost of reading a large file.
let readBlocks = new Map<string, { offset: number; block: HclBlock }>();

function readTopLevel(node: Node, text: string): HclBody {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  const next = new Map<string, { offset: number; block: HclBlock }>();
  for (const child of named(node)) {
    if (child.type === 'attribute') {
      const attribute = readAttribute(child, text, 0);
      if (attribute) attributes.push(attribute);
      continue;
    }
    if (child.type !== 'block') continue;
    const start = child.startIndex;
    const source = text.slice(start, child.endIndex);
    const known = readBlocks.get(source);
    const block = known ? (known.offset === start ? known.block : (shifted(known.block, start - known.offset) as HclBlock)) : readBlock(child, text, 0);
    if (!block) continue;
    blocks.push(block);
    // A block with an error inside is read again next time: tree-sitter may recover differently.
    if (!child.hasError) next.set(source, { offset: start, block });
  }
  readBlocks = next;
  return { attributes, blocks };
}

/** A copy of a read block with every span moved by `delta`. */
function shifted(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shifted(item, delta));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.offset === 'number' && typeof object.length === 'number' && Object.keys(object).length === 2) {
    return { offset: (object.offset as number) + delta, length: object.length };
  }
  const copy: Record<string, unknown> = {};
  for (const key in object) copy[key] = shifted(object[key], delta);
  return copy;
}

// The last tree parsed, kept for the next parse: while someone types, each version differs from the
// one before by an edit or two, and tree-sitter reparses only around the edit (a 2,000-line file in a
// fraction of the full parse). One tree for the whole process: another document's text simply shares
// too little with it and is parsed afresh.
let previous: { text: string; tree: TreeSitter.Tree } | undefined;

/**
 * tree-sitter's error recovery can take tens of seconds on text that is nowhere near HCL (a megabyte
 * of garbage); a parse is stopped after this long, scaled by size, and the file read as nothing.
 */
const PARSE_BUDGET_MS = 2_000;
const PARSE_BUDGET_MS_PER_KB = 4;

function parseIncrementally(parser: TreeSitter.Parser, text: string, budgetMs?: number): TreeSitter.Tree | null {
  const edited = previous && editTree(previous.tree, previous.text, text);
  const deadline = Date.now() + (budgetMs ?? PARSE_BUDGET_MS + (text.length >> 10) * PARSE_BUDGET_MS_PER_KB);
  const tree = parser.parse(text, edited ?? undefined, { progressCallback: () => Date.now() > deadline } as TreeSitter.ParseOptions);
  if (!tree) {
    // A stopped parse would otherwise be resumed by the next call, whatever text that is given.
    parser.reset();
    previous?.tree.delete();
    previous = undefined;
    return null;
  }
  if (previous && previous.tree !== tree) previous.tree.delete();
  previous = { text, tree };
  return tree;
}

/** Binary data (an image, a compiled file) opened by mistake: NULs, control characters, undecodable bytes. */
function looksBinary(text: string): boolean {
  let odd = 0;
  const end = Math.min(text.length, 4096);
  for (let at = 0; at < end; at++) {
    const code = text.charCodeAt(at);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) odd++;
  }
  return odd > 16 && odd * 20 > end;
}

/** Drops the trees kept for the next parse (tests compare incremental parses with fresh ones). */
export function forgetPreviousParse(): void {
  previous?.tree.delete();
  previous = undefined;
  readBlocks = new Map();
}

/** Tells the old tree what changed (one span between the common prefix and suffix); undefined when most did. */
function editTree(tree: TreeSitter.Tree, before: string, after: string): TreeSitter.Tree | undefined {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (oldEnd - start > 4096 || newEnd - start > 4096) return undefined;
  tree.edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  } as TreeSitter.Edit);
  return tree;
}

function pointAt(text: string, offset: number): TreeSitter.Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}

function spanOf(node: Node): Span {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

function named(node: Node): Node[] {
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

function readAttribute(node: Node, text: string, depth: number): HclAttribute | undefined {
  const children = named(node);
  const name = children[0];
  const value = children.find((child) => child.type === 'expression');
  if (name?.type !== 'identifier' || !value) return undefined;
  return { name: name.text, nameSpan: spanOf(name), span: spanOf(node), value: readExpression(value, text, depth + 1) };
}

function readBlock(node: Node, text: string, depth: number): HclBlock | undefined {
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

function readExpression(node: Node, text: string, depth: number): HclExpression {
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
      steps.push({ splat: true });
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

/** Where tree-sitter gave up (ERROR) or supplied a token the text lacks (MISSING), first ones first. */
function syntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const cursor = root.walk();
  try {
    let descend = true;
    while (problems.length < MAX_PROBLEMS) {
      const node = cursor.currentNode;
      if (descend && node.isMissing) {
        problems.push({ message: `HCL syntax error: missing ${node.type}`, offset: node.startIndex, length: 0 });
      } else if (descend && node.type === 'ERROR') {
        const snippet = node.text.slice(0, 20).split('\n')[0]!;
        problems.push({ message: snippet ? `HCL syntax error: unexpected "${snippet}"` : 'HCL syntax error', offset: node.startIndex, length: Math.min(node.endIndex - node.startIndex, 200) });
        descend = false;
      }
      if (descend && node.hasError && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      let climbed = false;
      while (cursor.gotoParent()) {
        if (cursor.gotoNextSibling()) {
          climbed = true;
          break;
        }
      }
      if (!climbed) break;
      descend = true;
    }
  } finally {
    cursor.delete();
  }
  return problems;
}
