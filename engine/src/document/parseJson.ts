import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { findJsoncExtensions, type JsoncExtension } from './jsoncExtensions';
import { extend, parseStrictJson } from './strictJson';
import type { ObjectNode, PathSegment, PropertyNode, ValueNode } from './tree';

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export interface ParsedJson {
  readonly root: ValueNode | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Comments and trailing commas: read past, as editors do, but not JSON (see rules/grammar/jsoncInJson.ts). */
  readonly jsoncExtensions?: readonly JsoncExtension[];
}

/**
 * Parses JSON with comments and trailing commas into the neutral tree. Never throws: a half-typed
 * document yields the tree jsonc-parser could recover plus the problems it found.
 */
export function parseJson(text: string): ParsedJson {
  const strict = parseStrictJson(text);
  return strict ? { root: strict, syntaxProblems: [], jsoncExtensions: [] } : parseTolerantJson(text);
}

/** The jsonc-parser path, for everything parseStrictJson leaves alone; exported to compare the two. */
export function parseTolerantJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // jsonc-parser recurses once per nesting level; absurdly deep input exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, syntaxProblems: [{ message: 'The document is nested too deeply to read.', offset: 0, length: 0 }] };
  }
  // jsonc-parser can report an unterminated block comment one character past the end; spans stay inside the text.
  const syntaxProblems = errors.map((error) => {
    const offset = Math.min(Math.max(error.offset, 0), text.length);
    return { message: describeParseError(printParseErrorCode(error.error)), offset, length: Math.min(Math.max(error.length, 0), text.length - offset) };
  });
  // Plain JSON never gets here (parseStrictJson took it), so the scan costs nothing on most files.
  return { root: tree ? convert(tree, [], text) : undefined, syntaxProblems, jsoncExtensions: findJsoncExtensions(text) };
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}.`;
}

// No IAM document is more than a few levels deep; past this depth we keep null rather than risk the
// stack on hostile input.
const MAX_DEPTH = 256;

function convert(node: Node, path: PathSegment[], text: string, depth = 0): ValueNode {
  const span = spanOf(node, text);
  if (depth > MAX_DEPTH) return { kind: 'null', span, path };
  switch (node.type) {
    case 'string':
      return { kind: 'string', value: String(node.value ?? ''), span, path };
    case 'number':
      return { kind: 'number', value: Number(node.value), raw: text.slice(node.offset, node.offset + node.length), span, path };
    case 'boolean':
      return { kind: 'boolean', value: Boolean(node.value), span, path };
    case 'null':
      return { kind: 'null', span, path };
    case 'array':
      return {
        kind: 'array',
        items: (node.children ?? []).map((child, index) => convert(child, extend(path, index), text, depth + 1)),
        span,
        path,
      };
    case 'object':
      return convertObject(node, path, text, depth);
    default:
      return { kind: 'null', span, path };
  }
}

function convertObject(node: Node, path: PathSegment[], text: string, depth: number): ObjectNode {
  const properties: PropertyNode[] = [];
  for (const child of node.children ?? []) {
    const [keyNode, valueNode] = child.children ?? [];
    if (!keyNode || keyNode.type !== 'string') continue;
    const key = String(keyNode.value);
    properties.push({
      key,
      keySpan: spanOf(keyNode, text),
      span: spanOf(child, text),
      value: valueNode ? convert(valueNode, extend(path, key), text, depth + 1) : undefined,
    });
  }
  return { kind: 'object', properties, span: spanOf(node, text), path };
}

// A container left open by an unterminated block comment ends one character past the text in
// jsonc-parser's tree; every span handed on stays inside the text.
function spanOf(node: Node, text: string): { offset: number; length: number } {
  const offset = Math.min(Math.max(node.offset, 0), text.length);
  return { offset, length: Math.min(Math.max(node.length, 0), text.length - offset) };
}
