import type * as Yaml from 'yaml';
import { extend } from './strictJson';
import type { ParsedJson, SyntaxProblem } from './parseJson';
import { BLOCK_READ_MIN_LENGTH, parseYamlByBlocks } from './parseYamlBlocks';
import { joinFlowLines } from './yamlFlowLines';
import type { ObjectNode, PathSegment, PropertyNode, Span, ValueNode } from './tree';

type YamlNode = Yaml.Node;

// The library is loaded with the first YAML document: most sessions never open one, and its set-up
// would otherwise add to every server start (about 5 ms of a 100 ms cold start).
declare const require: (id: 'yaml') => typeof Yaml;
let library: typeof Yaml | undefined;
export const yaml = (): typeof Yaml => (library ??= require('yaml'));

/**
 * A YAML document (CloudFormation templates are mostly written in YAML) as the same neutral tree the
 * JSON readers build, spans into the YAML text included. CloudFormation's short intrinsic tags
 * (`!Ref Bucket`, `!Sub "arn:...${X}"`, `!GetAtt Role.Arn`) become the long form (`{"Ref": ...}`,
 * `{"Fn::Sub": ...}`), which is what the rest of the engine recognises as "any string at run time".
 */
export function parseYaml(text: string): ParsedJson {
  return (text.length >= BLOCK_READ_MIN_LENGTH ? parseYamlByBlocks(text) : undefined) ?? parseYamlWhole(text);
}

/** The whole text read at once: what parseYaml returns, also where the block read declines. */
export function parseYamlWhole(text: string): ParsedJson {
  const { parseDocument } = yaml();
  let document: Yaml.Document;
  try {
    // Duplicate keys stay in the tree, for the duplicate-key rule to report as it does in JSON.
    document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    // A flow collection less indented than YAML 1.2 wants, which CloudFormation reads: read it joined.
    if (document.errors.some((error) => error.code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(error.message))) {
      const joined = joinFlowLines(text);
      const again = joined === undefined ? undefined : parseDocument(joined, { uniqueKeys: false, prettyErrors: false });
      if (again && again.errors.length === 0) document = again;
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, syntaxProblems: [{ message: 'The document is nested too deeply to read.', offset: 0, length: 0 }] };
  }
  const syntaxProblems: SyntaxProblem[] = document.errors.map((error) => {
    const offset = Math.min(Math.max(error.pos[0], 0), text.length);
    return { message: `YAML syntax error: ${firstLine(error.message)}`, offset, length: Math.min(Math.max(error.pos[1] - offset, 0), text.length - offset) };
  });
  try {
    const root = document.contents ? convert(document.contents as YamlNode, [], text, 0) : undefined;
    return { root, syntaxProblems };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, syntaxProblems: [...syntaxProblems, { message: 'The document is nested too deeply to read.', offset: 0, length: 0 }] };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

// As in parseJson: no IAM document is more than a few levels deep.
const MAX_DEPTH = 256;

function spanOf(node: YamlNode, text: string): Span {
  const [start, end] = node.range ?? [0, 0];
  const offset = Math.min(Math.max(start, 0), text.length);
  return { offset, length: Math.min(Math.max(end, offset), text.length) - offset };
}

/** A node of the `yaml` library as the neutral tree; `text` is the text its ranges index into. */
export function convert(node: YamlNode, path: readonly PathSegment[], text: string, depth: number): ValueNode {
  const tag = node.tag;
  // A local tag (one "!", not a "!!" standard one) is a CloudFormation short form.
  if (tag && tag.startsWith('!') && !tag.startsWith('!!') && depth < MAX_DEPTH) return intrinsic(node, tag.slice(1), path, text, depth);
  return untagged(node, path, text, depth);
}

function untagged(node: YamlNode, path: readonly PathSegment[], text: string, depth: number): ValueNode {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const span = spanOf(node, text);
  if (depth > MAX_DEPTH || isAlias(node)) return { kind: 'null', span, path };
  if (isMap(node)) {
    const properties: PropertyNode[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const keySpan = spanOf(pair.key, text);
      const value = isValueNode(pair.value) ? convert(pair.value, extend(path, key), text, depth + 1) : undefined;
      const end = value ? value.span.offset + value.span.length : keySpan.offset + keySpan.length;
      properties.push({ key, keySpan, span: { offset: keySpan.offset, length: end - keySpan.offset }, value });
    }
    return { kind: 'object', properties, span, path };
  }
  if (isSeq(node)) {
    const items: ValueNode[] = [];
    for (const item of node.items) {
      if (isValueNode(item)) items.push(convert(item, extend(path, items.length), text, depth + 1));
    }
    return { kind: 'array', items, span, path };
  }
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return { kind: 'string', value, span, path };
    if (typeof value === 'number') return { kind: 'number', value, raw: text.slice(span.offset, span.offset + span.length), span, path };
    if (typeof value === 'boolean') return { kind: 'boolean', value, span, path };
    if (value === null || value === undefined) return { kind: 'null', span, path };
    return { kind: 'string', value: String(value), span, path };
  }
  return { kind: 'null', span, path };
}

/** `!Sub x` as `{"Fn::Sub": x}`; the key's span is the tag's, which sits just before the value. */
function intrinsic(node: YamlNode, name: string, path: readonly PathSegment[], text: string, depth: number): ObjectNode {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const valueSpan = spanOf(node, text);
  const tagStart = text.lastIndexOf(`!${name}`, valueSpan.offset);
  const keySpan: Span = tagStart >= 0 ? { offset: tagStart, length: name.length + 1 } : { offset: valueSpan.offset, length: 0 };
  const value = untagged(node, extend(path, key), text, depth + 1);
  const end = valueSpan.offset + valueSpan.length;
  const span = { offset: keySpan.offset, length: end - keySpan.offset };
  return { kind: 'object', properties: [{ key, keySpan, span, value }], span, path };
}

function isValueNode(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null && 'range' in value;
}
