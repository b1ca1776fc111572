import { locateCursor } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Span } from '../document/tree';
import type { CompletionPlace } from './place';
import type { Candidate, CompletionResult } from './types';

/** How a YAML scalar is written: its characters mean different things in each style. */
export type YamlScalarStyle = 'plain' | 'double' | 'single';

export interface YamlPlace {
  readonly place: CompletionPlace;
  readonly style: YamlScalarStyle;
  /** The whole scalar, quotes included: what a candidate that needs quotes replaces. */
  readonly scalar: Span;
}

/**
 * In a YAML template, values are completed from the parse tree (the text scanner reads JSON): the
 * cursor must be in a string value of a policy, such as `Action: s3:Get` or `- "arn:aws:s3:::`.
 * Keys, and values not yet begun, are left to the editor.
 */
export function yamlCompletionPlace(file: PolicyFile, offset: number): YamlPlace | undefined {
  const cursor = locateCursor(file, offset);
  if (!cursor || cursor.onKey || cursor.node?.kind !== 'string') return undefined;
  const node = cursor.node;
  const first = file.text.charAt(node.span.offset);
  const style: YamlScalarStyle = first === '"' ? 'double' : first === "'" ? 'single' : 'plain';
  const quoted = style !== 'plain';
  const start = node.span.offset + (quoted ? 1 : 0);
  const end = node.span.offset + node.span.length - (quoted ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  // Escapes, folded lines: what is typed is not what the value is, and edits would land wrongly.
  if (file.text.slice(start, end) !== node.value) return undefined;
  const { policy, path } = cursor;
  const statementIndex = path[0] === 'Statement' ? (typeof path[1] === 'number' ? path[1] : 0) : undefined;
  return {
    style,
    scalar: node.span,
    place: {
      text: file.text,
      offset,
      policy,
      policyType: policy.type,
      path,
      isKey: false,
      siblingKeys: [],
      statement: statementIndex === undefined ? undefined : policy.statements.find((statement) => statement.index === statementIndex),
      inString: true,
      span: { offset: start, length: end - start },
      typed: file.text.slice(start, offset),
      // The scalar ends where it ends: nothing to close.
      closed: true,
    },
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
