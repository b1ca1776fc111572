import type * as TreeSitter from 'web-tree-sitter';
import type { SyntaxProblem } from '../document/parseJson';
import type { HclAttribute, HclBlock, HclBody, HclExpression } from './ast';
import { forgetPreviousTree, parseIncrementally, PARSE_BUDGET_MS } from './incrementalParse';
import { named, readAttribute, readBlock, readExpression } from './readNodes';
import { hclParser } from './runtime';

type Node = TreeSitter.Node;

export interface ParsedHcl {
  /** Undefined when the parser is not loaded yet, or the text could not be read at all. */
  readonly body: HclBody | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

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
  forgetPreviousTree();
  readBlocks = new Map();
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
