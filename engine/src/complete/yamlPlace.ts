import { locateCursor } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Policy } from '../document/model';
import type { PathSegment, Span } from '../document/tree';
import { statementAt, type CompletionPlace } from './place';
import type { Candidate, CompletionResult } from './types';

/** How a YAML scalar is written: its characters mean different things in each style. */
export type YamlScalarStyle = 'plain' | 'double' | 'single';

export interface YamlPlace {
  readonly place: CompletionPlace;
  readonly style: YamlScalarStyle;
  /** The whole scalar, quotes included: what a candidate that needs quotes replaces. */
  readonly scalar: Span;
  /**
   * value: a value is being written. key: a key (`Act|:` or `Act|` where a key was expected).
   * either: a plain scalar alone on its line (`Condition:⏎  StringEq|`), which YAML reads as the
   * value but which is, as often, the next key being typed: keys are offered where the path takes
   * keys, values otherwise.
   */
  readonly mode: 'value' | 'key' | 'either';
}

/**
 * In a YAML template, completion works from the parse tree (the text scanner reads JSON): the cursor
 * must be in a string value or a key of a policy, such as `Action: s3:Get`, `- "arn:aws:s3:::` or a
 * condition operator being typed under `Condition:`.
 */
export function yamlCompletionPlace(file: PolicyFile, offset: number): YamlPlace | undefined {
  const cursor = locateCursor(file, offset);
  if (!cursor) return undefined;
  const { policy } = cursor;
  if (cursor.onKey && cursor.property && cursor.node?.kind === 'object') {
    const property = cursor.property;
    const keySpan = property.keySpan;
    if (file.text.slice(keySpan.offset, keySpan.offset + keySpan.length) !== property.key || offset < keySpan.offset) return undefined;
    const path = cursor.path.slice(0, -1);
    return {
      style: 'plain',
      scalar: keySpan,
      mode: 'key',
      place: {
        ...basePlace(file, offset, policy, path),
        isKey: true,
        siblingKeys: cursor.node.properties.filter((candidate) => candidate !== property).map((candidate) => candidate.key),
        span: keySpan,
        typed: file.text.slice(keySpan.offset, offset),
      },
    };
  }
  if (cursor.onKey || cursor.node?.kind !== 'string') return undefined;
  const node = cursor.node;
  const first = file.text.charAt(node.span.offset);
  const style: YamlScalarStyle = first === '"' ? 'double' : first === "'" ? 'single' : 'plain';
  const quoted = style !== 'plain';
  const start = node.span.offset + (quoted ? 1 : 0);
  const end = node.span.offset + node.span.length - (quoted ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  // Escapes, folded lines: what is typed is not what the value is, and edits would land wrongly.
  if (file.text.slice(start, end) !== node.value) return undefined;
  const lineStart = file.text.lastIndexOf('\n', node.span.offset - 1) + 1;
  const alone = style === 'plain' && /^[ \t]*(-[ \t]+)?$/.test(file.text.slice(lineStart, node.span.offset));
  return {
    style,
    scalar: node.span,
    mode: alone ? 'either' : 'value',
    place: {
      ...basePlace(file, offset, policy, cursor.path),
      isKey: false,
      siblingKeys: [],
      span: { offset: start, length: end - start },
      typed: file.text.slice(start, offset),
    },
  };
}

function basePlace(file: PolicyFile, offset: number, policy: Policy, path: readonly PathSegment[]) {
  return {
    text: file.text,
    offset,
    policy,
    policyType: policy.type,
    fileName: file.fileName,
    path,
    statement: path[0] === 'Statement' ? statementAt(policy, path) : undefined,
    inString: true,
    // A scalar ends where it ends: there is no quote to close.
    closed: true,
    yaml: true,
  };
}

/**
 * Candidates written for the inside of a JSON string, made right for the scalar: quoted where a plain
 * scalar cannot hold them (`*` alone would be an alias), with `'` doubled in single quotes.
 */
export function fitToYaml(result: CompletionResult, at: YamlPlace): CompletionResult {
  const candidates = result.candidates.map((candidate): Candidate => {
    const insert = candidate.insertText ?? candidate.label;
    if (at.style === 'single') return insert.includes("'") ? { ...candidate, insertText: insert.replace(/'/g, "''") } : candidate;
    if (at.style === 'double' || !needsQuotes(insert)) return candidate;
    return { ...candidate, insertText: JSON.stringify(insert), filterText: candidate.filterText ?? candidate.label };
  });
  const needsWholeScalar = at.style === 'plain' && candidates.some((candidate, index) => candidate !== result.candidates[index]);
  // A quoted candidate replaces the whole plain scalar; the others keep the result's range.
  return needsWholeScalar ? { candidates, replace: at.scalar } : { candidates, replace: result.replace };
}

/** Whether a plain YAML scalar cannot spell this text. */
function needsQuotes(text: string): boolean {
  return text === '' || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) || /: |\s#|:$|\s$/.test(text);
}
