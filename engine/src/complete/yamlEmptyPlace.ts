import { parsePolicyFile, type PolicyFile } from '../document/policyFile';
import { yamlCompletionPlace, type YamlPlace } from './yamlPlace';

// Templates larger than this are not parsed a second time for an empty position.
const MAX_REPARSE = 1_000_000;
const PLACEHOLDER = 'x';

/**
 * A YAML position with nothing typed yet (`Resource: |`, `- |` under Action, `Effect: |`, an empty
 * indented line under `Condition:` or inside a statement) has no scalar for the parse tree to place:
 * YAML reads `Resource:` as null. As editors do with a dummy identifier, a one-letter scalar is put at
 * the cursor and the text parsed again, first as a value (`Resource: x`, `- x`, `Condition:⏎  x`),
 * then as a key (`x:`) where a bare scalar would break the mapping around it. The place found there
 * is the original's with an empty span at the cursor.
 */
export function yamlEmptyPlace(file: PolicyFile, offset: number): YamlPlace | undefined {
  const text = file.text;
  // Parsing again costs a parse: only for a clean document (a broken one would not say where the cursor
  // is anyway), near a policy, at a position where nothing is typed.
  if (text.length > MAX_REPARSE || file.syntaxProblems.length > 0 || !isEmptyPosition(text, offset) || !nearPolicy(file, offset)) return undefined;
  for (const insert of [PLACEHOLDER, `${PLACEHOLDER}: `]) {
    const probe = parsePolicyFile(text.slice(0, offset) + insert + text.slice(offset), { format: 'yaml', fileName: file.fileName });
    // A placeholder that breaks the document around it says nothing about the original.
    if (probe.syntaxProblems.length > file.syntaxProblems.length) continue;
    const at = yamlCompletionPlace(probe, offset);
    if (!at || at.scalar.offset !== offset || at.scalar.length !== 1) continue;
    const empty = { offset, length: 0 };
    return { ...at, scalar: empty, place: { ...at.place, text, span: empty, typed: '' } };
  }
  return undefined;
}

/** Inside a policy's text, or on the line right after it (an empty line at the end of a statement). */
function nearPolicy(file: PolicyFile, offset: number): boolean {
  return file.policies.some((policy) => {
    const { span } = policy.node;
    if (offset < span.offset) return false;
    const end = span.offset + span.length;
    if (offset <= end) return true;
    const nextLineStart = file.text.indexOf('\n', end);
    const nextLineEnd = nextLineStart < 0 ? -1 : file.text.indexOf('\n', nextLineStart + 1);
    return nextLineStart >= 0 && offset <= (nextLineEnd < 0 ? file.text.length : nextLineEnd);
  });
}

/** Nothing typed at the cursor: after whitespace (or a `- `), before the end of the line. */
function isEmptyPosition(text: string, offset: number): boolean {
  const before = text.charAt(offset - 1);
  const after = text.charAt(offset);
  return (offset === 0 || before === ' ' || before === '\t' || before === '\n') && (after === '' || after === '\n' || after === '\r' || after === ' ' || after === '#');
}
