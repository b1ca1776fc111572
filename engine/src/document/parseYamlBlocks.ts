import type * as Yaml from 'yaml';
import { TextMemo } from './textMemo';
import type { ParsedJson } from './parseJson';
import { convert, yaml } from './parseYaml';
import type { ObjectNode, PathSegment, PropertyNode, Span, ValueNode } from './tree';

/**
 * A large CloudFormation template read one resource at a time, so that an edit re-reads only the
 * resource it touched. Reading 1 MB of YAML takes the `yaml` library about 300 ms, most of the time
 * of a lint after a keystroke; the resources' trees are kept by their exact text, and the template's
 * tree is put together from them and from the rest of the text (Parameters, Outputs...), read on
 * its own.
 *
 * The result must be the tree the whole-text read gives, spans and paths included. Where that cannot
 * be sure from the text's shape alone (anchors and aliases, directives and document markers, tabs in
 * indentation, a Resources value that is not a block mapping of plain logical ids, a piece that does
 * not read cleanly on its own...), this returns undefined and the whole text is read instead.
 */

/** Below this the whole-text read is fast enough (about 15 ms for 64 KB) and the block read does not pay. */
export const BLOCK_READ_MIN_LENGTH = 64 * 1024;

/** One resource's tree, its spans counted from the start of its block. */
interface BlockTree {
  readonly property: PropertyNode;
  /** Where the resource's map starts in the block (its logical id, after the indentation). */
  readonly start: number;
  /** The end of the resource's map in the block (the library's value end), for the Resources map's span. */
  readonly end: number;
}

// Resources' trees by their block's text. A template of a few thousand resources fits; older ones go.
export const MAX_BLOCKS = 4096;
const blocks = new TextMemo<BlockTree | null>(MAX_BLOCKS);

const RESOURCES_LINE = /^Resources:[ ]*(?:#[^\r\n]*)?\r?$/m;
const ANY_RESOURCES_KEY = /^["']?Resources["']?[ ]*:/gm;
// Anything the pieces could read differently from the whole: a node property (anchor `&a`, alias
// `*a`) where a node can start, a directive or document marker, a tab in indentation, a byte order
// mark, a carriage return that does not end a line (Windows line ends, \r\n, are read by blocks), or
// the separators that JavaScript's ^ and $ take for line ends and YAML does not.
const UNUSUAL = /(?:^|[\s[{,])[&*][^\s,[\]{}]|^%|^(?:---|\.\.\.)|^[ ]*\t|\r(?!\n)|[\uFEFF\u2028\u2029]/m;
const LOGICAL_ID_LINE = /^[A-Za-z0-9]+:(?:[ ]|\r?$)/;

export function parseYamlByBlocks(text: string): ParsedJson | undefined {
  try {
    return readByBlocks(text);
  } catch (error) {
    // Too deep for the converter, or anything unforeseen: the whole read gives its own answer.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function readByBlocks(text: string): ParsedJson | undefined {
  const resourcesLine = RESOURCES_LINE.exec(text);
  if (!resourcesLine || UNUSUAL.test(text)) return undefined;
  const keys = text.match(ANY_RESOURCES_KEY);
  if (!keys || keys.length !== 1) return undefined;
  const lineEnd = text.indexOf('\n', resourcesLine.index);
  if (lineEnd < 0) return undefined;
  const split = splitResources(text, lineEnd + 1);
  if (!split) return undefined;
  const { bodyStart, bodyEnd, starts, indent } = split;
  // More resources than the table keeps would be read afresh, in pieces, at every edit.
  if (starts.length > MAX_BLOCKS) return undefined;

  const properties: PropertyNode[] = [];
  let resourcesStart = 0;
  let resourcesEnd = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    // A block runs to the next resource's logical id, its indentation included: the library counts
    // the blank and comment lines after a resource, and that indentation, into the resource's range.
    const end = i + 1 < starts.length ? starts[i + 1]! + indent : bodyEnd;
    const block = blocks.get(text.slice(start, end), readBlock);
    if (!block) return undefined;
    properties.push(shiftProperty(block.property, start));
    if (i === 0) resourcesStart = start + block.start;
    resourcesEnd = start + block.end;
  }
  const resourcesSpan: Span = { offset: resourcesStart, length: resourcesEnd - resourcesStart };
  const resources: ObjectNode = { kind: 'object', properties, span: resourcesSpan, path: RESOURCES_PATH };

  return stitch(text, bodyStart, bodyEnd, resources);
}

const RESOURCES_PATH: readonly PathSegment[] = ['Resources'];

/**
 * Where the Resources mapping's body starts and ends, and where each resource's block starts (a
 * line at the resources' indentation). Undefined for any other shape.
 */
function splitResources(text: string, bodyStart: number): { bodyStart: number; bodyEnd: number; starts: number[]; indent: number } | undefined {
  const starts: number[] = [];
  let indent = -1;
  let at = bodyStart;
  while (at < text.length) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    let column = at;
    while (column < next && text.charCodeAt(column) === 32) column++;
    // Blank and comment lines belong to whichever block they fall in.
    if (column < next && text[column] !== '#' && text[column] !== '\r') {
      const lineIndent = column - at;
      if (lineIndent === 0) return starts.length > 0 ? { bodyStart, bodyEnd: at, starts, indent } : undefined;
      if (indent < 0) indent = lineIndent;
      if (lineIndent < indent) return undefined;
      if (lineIndent === indent) {
        if (!LOGICAL_ID_LINE.test(text.slice(column, Math.min(next, column + 300)))) return undefined;
        starts.push(at);
      }
    }
    at = next + 1;
  }
  return starts.length > 0 ? { bodyStart, bodyEnd: text.length, starts, indent } : undefined;
}

/** One resource's block read on its own; null when it does not read as exactly one clean resource. */
function readBlock(blockText: string): BlockTree | null {
  const { parseDocument, isMap, isScalar } = yaml();
  const document = parseDocument(blockText, { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) return null;
  const map = document.contents;
  if (!isMap(map) || map.items.length !== 1 || !map.range) return null;
  const key = map.items[0]!.key;
  if (!isScalar(key) || typeof key.value !== 'string') return null;
  // Converted as the Resources map itself (depth 1, path ["Resources"]), as the whole read does.
  const converted = convert(map as Yaml.Node, RESOURCES_PATH, blockText, 1);
  if (converted.kind !== 'object' || converted.properties.length !== 1) return null;
  return { property: converted.properties[0]!, start: converted.span.offset, end: converted.span.offset + converted.span.length };
}

/**
 * The template's tree: the text outside Resources read on its own (Resources left empty), its spans
 * after the cut moved back into place, and the Resources value put in.
 */
function stitch(text: string, bodyStart: number, bodyEnd: number, resources: ObjectNode): ParsedJson | undefined {
  // With Resources last, a comment after the last resource can stretch the template's map to the end
  // of the text in the whole read (depending on its indentation): such texts are read whole.
  if (bodyEnd === text.length && endsInComment(text)) return undefined;
  const { parseDocument } = yaml();
  const skeletonText = text.slice(0, bodyStart) + text.slice(bodyEnd);
  const document = parseDocument(skeletonText, { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0 || !document.contents) return undefined;
  const skeleton = convert(document.contents as Yaml.Node, [], skeletonText, 0);
  if (skeleton.kind !== 'object') return undefined;
  const delta = bodyEnd - bodyStart;
  const properties: PropertyNode[] = [];
  let found = 0;
  for (const property of skeleton.properties) {
    if (property.key === 'Resources') {
      found++;
      if (property.value?.kind !== 'null' || property.keySpan.offset >= bodyStart) return undefined;
      const end = resources.span.offset + resources.span.length;
      properties.push({ key: property.key, keySpan: property.keySpan, span: { offset: property.keySpan.offset, length: end - property.keySpan.offset }, value: resources });
      continue;
    }
    const start = property.span.offset;
    if (start < bodyStart && property.span.offset + property.span.length > bodyStart) return undefined;
    properties.push(start >= bodyStart ? shiftProperty(property, delta) : property);
  }
  if (found !== 1) return undefined;
  // The template's map ends where its last value ends: in the text after Resources, or Resources itself.
  const last = properties[properties.length - 1]!;
  const rootEnd = bodyEnd < text.length ? skeleton.span.offset + skeleton.span.length + delta : last.span.offset + last.span.length;
  const root: ObjectNode = { kind: 'object', properties, span: { offset: skeleton.span.offset, length: rootEnd - skeleton.span.offset }, path: skeleton.path };
  return { root, syntaxProblems: [] };
}

/** Whether the last line that is not blank is a comment. */
function endsInComment(text: string): boolean {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line) return line.startsWith('#');
    end = start - 1;
  }
  return false;
}

function shiftSpan(span: Span, delta: number): Span {
  return { offset: span.offset + delta, length: span.length };
}

function shiftProperty(property: PropertyNode, delta: number): PropertyNode {
  const value = property.value;
  return { key: property.key, keySpan: shiftSpan(property.keySpan, delta), span: shiftSpan(property.span, delta), value: value === undefined ? undefined : shiftNode(value, delta) };
}

/**
 * A copy of the tree with every span moved by `delta`; a kept tree is never handed out itself. Each
 * kind is built with the converter's own fields (parseYaml.ts), written out rather than spread: this
 * runs for every node of a large template at every edit.
 */
function shiftNode(node: ValueNode, delta: number): ValueNode {
  const span = shiftSpan(node.span, delta);
  const path = node.path;
  switch (node.kind) {
    case 'object': {
      const properties = new Array<PropertyNode>(node.properties.length);
      for (let i = 0; i < properties.length; i++) properties[i] = shiftProperty(node.properties[i]!, delta);
      return { kind: 'object', properties, span, path };
    }
    case 'array': {
      const items = new Array<ValueNode>(node.items.length);
      for (let i = 0; i < items.length; i++) items[i] = shiftNode(node.items[i]!, delta);
      return { kind: 'array', items, span, path };
    }
    case 'string':
      return { kind: 'string', value: node.value, span, path };
    case 'number':
      return { kind: 'number', value: node.value, raw: node.raw, span, path };
    case 'boolean':
      return { kind: 'boolean', value: node.value, span, path };
    case 'null':
      return { kind: 'null', span, path };
  }
}
